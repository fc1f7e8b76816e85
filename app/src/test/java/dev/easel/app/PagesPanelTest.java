package dev.easel.app;

import static dev.easel.app.AppFixture.TIMEOUT;
import static dev.easel.app.AppFixture.fx;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.app.document.NodeView;
import dev.easel.app.document.PageView;
import dev.easel.engine.table.Row;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The pages panel through the real window: add (button and shortcut), switch, rename in place, reorder by
 * drag, and delete after a confirmation. Assertions read the {@code page} and {@code node} rows the
 * in-process host committed, and what the canvas and the layers panel show.
 */
class PagesPanelTest extends OneWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    /** The committed pages, in the document's order: [id, name] each. */
    private List<List<String>> pages() {
        var table = app.document.connection().schema().require("page");
        int id = table.columnIndex("id");
        int name = table.columnIndex("name");
        int z = table.columnIndex("z");
        return app.document.connection().replica().confirmedRows("page").stream()
                .sorted(Comparator.comparing((Row r) -> (String) r.get(z)).thenComparing(r -> (String) r.get(id)))
                .map(r -> List.of((String) r.get(id), (String) r.get(name))).toList();
    }

    private List<String> pageNames() {
        return pages().stream().map(p -> p.get(1)).toList();
    }

    private void awaitPageNames(List<String> names) {
        await().atMost(TIMEOUT).until(() -> !app.document.connection().replica().hasPredictions()
                && pageNames().equals(names)
                && fx(() -> app.window.pages().rows().stream().map(PageView::name).toList()).equals(names));
    }

    private String shownPage() {
        return fx(() -> app.window.model().page());
    }

    private String pageId(String name) {
        return pages().stream().filter(p -> p.get(1).equals(name)).findFirst().orElseThrow().get(0);
    }

    private Point2D onRow(FxRobot robot, String pageName, double fraction) {
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> c = (ListCell<?>) robot.lookup(".page-cell").match(NodeQueryUtils.isVisible())
                .match((Node n) -> n instanceof ListCell<?> l && l.getItem() instanceof PageView p
                        && p.name().equals(pageName))
                .query();
        Bounds b = fx(() -> c.localToScreen(c.getBoundsInLocal()));
        return new Point2D(Math.round(b.getMinX() + b.getWidth() / 2), Math.round(b.getMinY() + b.getHeight() * fraction));
    }

    private void undo(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    }

    private List<String> layerNames() {
        return fx(() -> app.window.layers().rows().stream().map(NodeView::name).toList());
    }

    // ---- tests -----------------------------------------------------------------------------------------

    @Test
    void addSwitchRenameAndReorderPages(FxRobot robot) {
        app.awaitReady();
        awaitPageNames(List.of("Page 1"));
        String first = pageId("Page 1");
        fx(() -> app.window.model().createNode("rect", null, Map.of("name", "On one", "w", 50.0, "h", 50.0)));
        await().atMost(TIMEOUT).until(() -> layerNames().equals(List.of("On one")));

        // + adds a page and shows it: the layers panel follows (empty), the canvas draws the new page.
        robot.clickOn("#page-add");
        awaitPageNames(List.of("Page 1", "Page 2"));
        String second = pageId("Page 2");
        await().atMost(TIMEOUT).until(() -> second.equals(shownPage()));
        assertEquals(List.of(), layerNames());
        fx(() -> app.window.model().createNode("ellipse", null, Map.of("name", "On two", "w", 50.0, "h", 50.0)));
        app.awaitNode(r -> "On two".equals(r.get(app.col("name"))) && second.equals(r.get(app.col("page"))));
        await().atMost(TIMEOUT).until(() -> layerNames().equals(List.of("On two")));

        // A click on a page shows it.
        robot.clickOn(onRow(robot, "Page 1", 0.5));
        await().atMost(TIMEOUT).until(() -> first.equals(shownPage()));
        await().atMost(TIMEOUT).until(() -> layerNames().equals(List.of("On one")));
        assertTrue(fx(() -> app.window.model().drawOrder().stream().allMatch(n -> first.equals(n.page()))));

        // The shortcut adds a third page.
        robot.press(KeyCode.CONTROL, KeyCode.ALT).type(KeyCode.N).release(KeyCode.ALT, KeyCode.CONTROL);
        awaitPageNames(List.of("Page 1", "Page 2", "Page 3"));
        await().atMost(TIMEOUT).until(() -> pageId("Page 3").equals(shownPage()));

        // Double-click renames in place; Enter commits one rename_page.
        robot.doubleClickOn(onRow(robot, "Page 2", 0.5), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(second, fx(() -> app.window.pages().renaming()));
        robot.write("Drafts").type(KeyCode.ENTER);
        awaitPageNames(List.of("Page 1", "Drafts", "Page 3"));
        // F2 renames the selected page; Escape cancels.
        robot.type(KeyCode.F2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(second, fx(() -> app.window.pages().renaming()));
        robot.write("Nothing").type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(fx(() -> app.window.pages().renaming()));
        assertEquals(List.of("Page 1", "Drafts", "Page 3"), pageNames());

        // Drag "Page 3" onto the top half of "Page 1": it becomes the first page.
        robot.drag(onRow(robot, "Page 3", 0.5), MouseButton.PRIMARY).moveTo(onRow(robot, "Page 1", 0.2))
                .release(MouseButton.PRIMARY);
        awaitPageNames(List.of("Page 3", "Page 1", "Drafts"));
        // And "Page 3" onto the bottom half of "Drafts": last again.
        robot.drag(onRow(robot, "Page 3", 0.5), MouseButton.PRIMARY).moveTo(onRow(robot, "Drafts", 0.8))
                .release(MouseButton.PRIMARY);
        awaitPageNames(List.of("Page 1", "Drafts", "Page 3"));

        // Each was one undo step: the last move, the first move, then the rename.
        undo(robot);
        awaitPageNames(List.of("Page 3", "Page 1", "Drafts"));
        undo(robot);
        awaitPageNames(List.of("Page 1", "Drafts", "Page 3"));
        undo(robot);
        awaitPageNames(List.of("Page 1", "Page 2", "Page 3"));
    }

    @Test
    void deletePageAfterConfirmationButNeverTheLast(FxRobot robot) {
        app.awaitReady();
        awaitPageNames(List.of("Page 1"));

        // The only page: Delete explains why not, and nothing changes.
        robot.clickOn(onRow(robot, "Page 1", 0.5));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(dialogButton(robot, "OK"));
        assertEquals(List.of("Page 1"), pageNames());

        robot.clickOn("#page-add");
        awaitPageNames(List.of("Page 1", "Page 2"));
        String second = pageId("Page 2");
        await().atMost(TIMEOUT).until(() -> second.equals(shownPage()));
        String node = fx(() -> app.window.model().createNode("rect", null, Map.of("name", "Doomed", "w", 40.0,
                "h", 40.0)));
        app.awaitNode(r -> node.equals(r.get(app.col("id"))));

        // Cancel keeps the page.
        robot.clickOn(onRow(robot, "Page 2", 0.5));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(dialogButton(robot, "Cancel"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Page 1", "Page 2"), pageNames());

        // Confirmed: the page and its nodes go, and the page before it is shown.
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(dialogButton(robot, "Delete"));
        awaitPageNames(List.of("Page 1"));
        await().atMost(TIMEOUT).until(() -> app.confirmedNodes().isEmpty());
        await().atMost(TIMEOUT).until(() -> pageId("Page 1").equals(shownPage()));

        // Undo brings both back.
        undo(robot);
        awaitPageNames(List.of("Page 1", "Page 2"));
        app.awaitNode(r -> node.equals(r.get(app.col("id"))) && second.equals(r.get(app.col("page"))));
    }

    private Button dialogButton(FxRobot robot, String text) {
        await().atMost(TIMEOUT).until(() -> robot.lookup(".dialog-pane .button")
                .match((Node n) -> n instanceof Button b && text.equals(b.getText())).tryQuery().isPresent());
        return robot.lookup(".dialog-pane .button").match((Node n) -> n instanceof Button b && text.equals(b.getText()))
                .queryAs(Button.class);
    }
}
