package dev.easel.app;

import static dev.easel.app.AppFixture.TIMEOUT;
import static dev.easel.app.AppFixture.fx;
import static dev.easel.app.HostAndJoiner.num;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.document.DocumentModel;
import dev.easel.app.panels.ViewOnlyBadge;
import dev.easel.app.tool.Tool;
import dev.easel.host.session.CallFailedException;
import dev.easel.host.session.Connection;
import dev.easel.host.session.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window joined with a view link: it says it is view only, its editing tools, menus and panels are off, a
 * drag on a node neither moves it nor asks the host to, yet selecting, pointing and presence work. An
 * editor's window is unaffected.
 */
class ViewOnlyTest extends TwoWindowTest {
    /** The Edit, Layer and Page commands that change the document. */
    private static final List<String> EDIT_ITEMS = List.of("menu-undo", "menu-redo", "menu-cut", "menu-paste",
            "menu-duplicate", "menu-delete", "menu-place-image", "menu-group", "menu-ungroup", "menu-bring-forward",
            "menu-send-backward", "menu-rename-layer", "menu-show-hide-layer", "menu-lock-unlock-layer",
            "menu-add-page", "menu-rename-page", "menu-delete-page");
    private static final List<String> EDIT_TOOLS = List.of("#tool-frame", "#tool-rectangle", "#tool-ellipse",
            "#tool-line", "#tool-text", "#tool-image");

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aViewerLooksSelectsAndPointsButCannotEdit(FxRobot robot) throws Exception {
        pair.hostOnLoopback();
        pair.createOnHost(Map.of("id", "r1", "kind", "rect", "x", 100.0, "y", 100.0, "w", 200.0, "h", 120.0));
        pair.createOnHost(Map.of("id", "t1", "kind", "text", "x", 400.0, "y", 100.0, "w", 120.0, "h", 30.0,
                "text", "Hello"));
        MainWindow viewer = pair.join(pair.session.invite(Role.VIEWER).link());
        Connection joined = pair.joined();
        await().atMost(TIMEOUT).until(() -> fx(() -> viewer.model().node("r1") != null
                && viewer.model().node("t1") != null));
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        fx(() -> {
            viewer.model().setErrorHandler(errors::add);
            viewer.stage().toFront();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        // It says so: "View only" after the tools, explained on hover, and "Joined as viewer" below.
        assertFalse(fx(() -> viewer.model().editable()));
        assertTrue(fx(() -> viewer.viewOnly().get()));
        Label badge = robot.from(viewer.scene().getRoot()).lookup("#view-only").queryAs(Label.class);
        assertTrue(fx(badge::isVisible));
        assertEquals(ViewOnlyBadge.EXPLANATION, fx(() -> badge.getTooltip().getText()));
        assertEquals("Joined as viewer", fx(() -> viewer.status().session()));

        // Editing tools, commands and panel buttons are off; select, hand, copy and select all are not.
        for (String tool : EDIT_TOOLS) {
            assertTrue(fx(() -> lookup(robot, viewer, tool).isDisabled()), tool);
        }
        assertFalse(fx(() -> lookup(robot, viewer, "#tool-select").isDisabled()));
        assertFalse(fx(() -> lookup(robot, viewer, "#tool-hand").isDisabled()));
        for (String id : EDIT_ITEMS) {
            assertTrue(fx(() -> menuItem(robot, viewer, id).isDisable()), id);
        }
        assertFalse(fx(() -> menuItem(robot, viewer, "menu-copy").isDisable()));
        assertFalse(fx(() -> menuItem(robot, viewer, "menu-select-all").isDisable()));
        assertTrue(fx(() -> lookup(robot, viewer, "#page-add").isDisabled()));

        // A drag on the node selects it but does not move it, here or at the host: nothing is even sent.
        Point2D from = pair.onJoinerCanvas(250, 190);
        Point2D to = pair.onJoinerCanvas(310, 230);
        robot.drag(from, MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("r1"), fx(() -> List.copyOf(viewer.model().selection().ids())));
        assertEquals(100.0, fx(() -> viewer.model().node("r1").x()));
        assertFalse(joined.replica().hasPredictions());
        assertEquals(-1, fx(() -> viewer.canvas().handleAt(from.getX(), from.getY())));

        // The viewer's cursor and selection reach the host all the same.
        String viewerId = pair.joinerId();
        await().atMost(TIMEOUT).until(() -> {
            CanvasView.CollaboratorOverlay o = fx(() -> pair.host.window.canvas().collaboratorOverlay());
            return o.cursors().size() == 1 && o.cursors().get(0).identity().equals(viewerId)
                    && Math.abs(o.cursors().get(0).x() - 310) < 0.5 && Math.abs(o.cursors().get(0).y() - 230) < 0.5
                    && o.selections().equals(List.of(new CanvasView.SelectionMark(viewerId, "r1",
                            o.cursors().get(0).color())));
        });

        // The host's presence bar says who is only watching.
        await().atMost(TIMEOUT).until(() -> fx(() -> pair.host.window.presenceBar().shownIdentities())
                .contains(viewerId));
        Node viewerAvatar = fx(() -> pair.host.window.presenceBar().avatarOf(viewerId));
        await().atMost(TIMEOUT).until(() -> fx(viewerAvatar::getAccessibleText).endsWith(" \u00b7 view only \u00b7 active"));
        Node hostAvatar = fx(() -> viewer.presenceBar().avatarOf(pair.hostId()));
        assertFalse(fx(hostAvatar::getAccessibleText).contains("view only"));

        // Delete does nothing; Backspace, a drawing tool's key and Enter on a text node say why, once, and do
        // nothing either; a double-click on the text selects it without opening the editor.
        robot.type(KeyCode.DELETE);
        assertNotNull(fx(() -> viewer.model().node("r1")));
        robot.type(KeyCode.BACK_SPACE);
        assertNotNull(fx(() -> viewer.model().node("r1")));
        assertEquals(DocumentModel.VIEW_ONLY, fx(() -> viewer.status().message()));
        robot.type(KeyCode.R);
        assertEquals(Tool.SELECT, fx(() -> viewer.tool().get()));
        robot.doubleClickOn(pair.onJoinerCanvas(460, 115));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("t1", fx(() -> viewer.model().selection().single()));
        assertFalse(fx(() -> viewer.textEditor().isEditing()));
        robot.type(KeyCode.ENTER);
        assertFalse(fx(() -> viewer.textEditor().isEditing()));

        // The properties panel shows the values, read-only.
        TextArea text = robot.from(viewer.scene().getRoot()).lookup("#prop-text").queryAs(TextArea.class);
        assertEquals("Hello", fx(text::getText));
        assertFalse(fx(text::isEditable));
        fx(() -> {
            viewer.model().selection().set(List.of("r1"));
            return null;
        });
        TextField x = robot.from(viewer.scene().getRoot()).lookup("#prop-x").queryAs(TextField.class);
        assertEquals("100", fx(x::getText));
        assertFalse(fx(x::isEditable));
        assertTrue(fx(() -> robot.from(viewer.scene().getRoot()).lookup("#prop-fill").queryAs(ColorPicker.class)
                .isDisabled()));

        // Layers and pages neither rename nor toggle; the page menu's commands are off.
        Set<Button> toggles = robot.from(viewer.layers()).lookup(".layer-toggle").queryAllAs(Button.class);
        assertFalse(toggles.isEmpty());
        assertTrue(fx(() -> toggles.stream().allMatch(Node::isDisabled)));
        fx(() -> {
            viewer.layers().startRename("r1");
            viewer.pages().startRename(viewer.model().page());
            return null;
        });
        assertNull(fx(() -> viewer.layers().renaming()));
        assertNull(fx(() -> viewer.pages().renaming()));
        ContextMenu pageMenu = openPageMenu(robot, viewer);
        assertTrue(fx(() -> pageMenu.getItems().stream().allMatch(MenuItem::isDisable)));
        fx(() -> {
            pageMenu.hide();
            return null;
        });

        // None of it asked the host for anything: once a later presence call is answered, no error came back
        // and the host's node is where it was.
        joined.call("set_cursor", Map.of("x", 1.0, "y", 1.0)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), errors);
        Connection hc = pair.host.document.connection();
        assertEquals(100.0, num(hc, "node", "r1", "x"));
        assertEquals(100.0, num(hc, "node", "r1", "y"));

        // The last line of defence: an edit asked of the model directly is refused here, not predicted.
        CompletableFuture<Object> delete = fx(() -> viewer.model().deleteNodes(Set.of("r1")));
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> delete.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals("forbidden", ((CallFailedException) refused.getCause()).code());
        assertNotNull(joined.replica().find("node", "r1"));
        assertFalse(joined.replica().hasPredictions());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, errors.size());
        assertEquals(DocumentModel.VIEW_ONLY, errors.get(0).getMessage());

        // Leaving the session, the window's next document is its own, and editable.
        fx(() -> {
            viewer.leaveSession();
            return null;
        });
        await().atMost(TIMEOUT).until(() -> fx(() -> viewer.document().hosted() && viewer.model().editable()
                && !viewer.viewOnly().get() && !lookup(robot, viewer, "#tool-rectangle").isDisabled()));
        assertFalse(fx(badge::isVisible));
    }

    @Test
    void anEditorsWindowKeepsItsTools(FxRobot robot) throws Exception {
        pair.hostOnLoopback();
        MainWindow editor = pair.join(pair.editorLink());
        assertTrue(fx(() -> editor.model().editable()));
        assertFalse(fx(() -> editor.viewOnly().get()));
        assertFalse(fx(() -> pair.host.window.viewOnly().get()));
        assertFalse(fx(() -> lookup(robot, editor, "#view-only").isVisible()));
        for (String tool : EDIT_TOOLS) {
            assertFalse(fx(() -> lookup(robot, editor, tool).isDisabled()), tool);
        }
        for (String id : EDIT_ITEMS) {
            assertFalse(fx(() -> menuItem(robot, editor, id).isDisable()), id);
        }
        assertFalse(fx(() -> lookup(robot, editor, "#page-add").isDisabled()));
        assertTrue(fx(() -> ((TextField) lookup(robot, editor, "#prop-x")).isEditable()));
    }

    private static Node lookup(FxRobot robot, MainWindow w, String query) {
        return robot.from(w.scene().getRoot()).lookup(query).query();
    }

    private static MenuItem menuItem(FxRobot robot, MainWindow w, String id) {
        MenuBar bar = robot.from(w.scene().getRoot()).lookup(".menu-bar").queryAs(MenuBar.class);
        for (Menu m : bar.getMenus()) {
            for (MenuItem i : m.getItems()) {
                if (id.equals(i.getId())) {
                    return i;
                }
            }
        }
        throw new AssertionError("no menu item " + id);
    }

    /** Opens the context menu of the first page's row. */
    private static ContextMenu openPageMenu(FxRobot robot, MainWindow w) {
        ListCell<?> cell = robot.from(w.pages()).lookup(".page-cell").match((ListCell<?> c) -> c.getItem() != null)
                .query();
        AppFixture.requestContextMenu(cell);
        ContextMenu menu = cell.getContextMenu();
        assertTrue(fx(menu::isShowing));
        return menu;
    }
}
