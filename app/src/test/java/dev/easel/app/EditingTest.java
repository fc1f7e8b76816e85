package dev.easel.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import dev.easel.app.tool.Tool;
import dev.easel.engine.table.Row;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Editing through the real window, headless: tools, drags, menus and shortcuts drive the app, and every
 * assertion reads the rows the in-process host committed to the replica.
 */
class EditingTest extends OneWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private boolean isRect(Row r) {
        return "rect".equals(r.get(app.col("kind")));
    }

    @Test
    void drawMoveUndoRedoRectangle(FxRobot robot) {
        app.awaitReady();
        robot.clickOn("#tool-rectangle");
        assertEquals(Tool.RECTANGLE, app.window.tool().get());

        app.drag(robot, 100, 100, 260, 220);
        Row rect = app.awaitNode(this::isRect);
        assertEquals(100, app.num(rect, "x"), 0.01);
        assertEquals(100, app.num(rect, "y"), 0.01);
        assertEquals(160, app.num(rect, "w"), 0.01);
        assertEquals(120, app.num(rect, "h"), 0.01);
        String id = (String) rect.get(app.col("id"));
        assertEquals(1, app.confirmedNodes().size());
        // The new node is selected and the tool is back to select.
        assertEquals(Tool.SELECT, AppFixture.fx(() -> app.window.tool().get()));
        assertEquals(id, AppFixture.fx(() -> app.window.model().selection().single()));

        // Select it by clicking elsewhere then on it, and drag it by (50, 30).
        robot.clickOn(app.onCanvas(600, 500));
        assertNull(AppFixture.fx(() -> app.window.model().selection().single()));
        app.drag(robot, 180, 160, 230, 190);
        app.awaitNode(r -> isRect(r) && app.num(r, "x") == 150 && app.num(r, "y") == 130);
        assertEquals(id, AppFixture.fx(() -> app.window.model().selection().single()));

        // Ctrl+Z undoes the whole drag (one gesture), not the creation.
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        Row undone = app.awaitNode(r -> isRect(r) && app.num(r, "x") == 100);
        assertEquals(100, app.num(undone, "y"), 0.01);
        assertEquals(160, app.num(undone, "w"), 0.01);

        // Ctrl+Shift+Z redoes it.
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        app.awaitNode(r -> isRect(r) && app.num(r, "x") == 150 && app.num(r, "y") == 130);

        // A second undo goes back to before the move, a third removes the rectangle.
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).type(KeyCode.Z).release(KeyCode.CONTROL);
        await().atMost(AppFixture.TIMEOUT).until(() -> app.confirmedNodes().isEmpty());
    }

    @Test
    void drawEllipseFrameAndTextWithKeysAndNestInFrame(FxRobot robot) {
        app.awaitReady();
        robot.clickOn(app.onCanvas(700, 500));
        robot.type(KeyCode.F);
        app.drag(robot, 50, 50, 450, 350);
        Row frame = app.awaitNode(r -> "frame".equals(r.get(app.col("kind"))));
        assertEquals(400, app.num(frame, "w"), 0.01);

        robot.type(KeyCode.O);
        app.drag(robot, 100, 80, 180, 140);
        Row ellipse = app.awaitNode(r -> "ellipse".equals(r.get(app.col("kind"))));
        // Drawn inside the frame: it is the frame's child, positioned relative to it.
        assertEquals(frame.get(app.col("id")), ellipse.get(app.col("parent")));
        assertEquals(50, app.num(ellipse, "x"), 0.01);
        assertEquals(30, app.num(ellipse, "y"), 0.01);
        assertEquals(80, app.num(ellipse, "w"), 0.01);

        robot.type(KeyCode.T);
        robot.clickOn(app.onCanvas(600, 100));
        Row text = app.awaitNode(r -> "text".equals(r.get(app.col("kind"))));
        assertEquals("Text", text.get(app.col("text")));
        assertNull(text.get(app.col("parent")));

        // The layers panel lists all three, topmost first, the ellipse under its frame.
        assertEquals(3, AppFixture.fx(() -> app.window.layers().rows().size()));
    }

    @Test
    void deleteKeyAndPropertiesPanel(FxRobot robot) {
        app.awaitReady();
        robot.clickOn("#tool-rectangle");
        app.drag(robot, 100, 100, 200, 200);
        Row rect = app.awaitNode(this::isRect);
        String id = (String) rect.get(app.col("id"));

        // Width typed into the properties panel: one update_node call.
        robot.doubleClickOn("#prop-w");
        robot.eraseText(6).write("240").type(KeyCode.ENTER);
        app.awaitNode(r -> isRect(r) && app.num(r, "w") == 240);

        // Arrow keys nudge (on the canvas), Delete removes.
        robot.clickOn(app.onCanvas(150, 150));
        robot.type(KeyCode.RIGHT);
        app.awaitNode(r -> isRect(r) && app.num(r, "x") == 101);
        assertEquals(id, AppFixture.fx(() -> app.window.model().selection().single()));
        robot.type(KeyCode.DELETE);
        await().atMost(AppFixture.TIMEOUT).until(() -> app.confirmedNodes().isEmpty());
        assertTrue(AppFixture.fx(() -> app.window.model().selection().isEmpty()));
    }

    @Test
    void resizeWithCornerHandles(FxRobot robot) {
        app.awaitReady();
        robot.clickOn("#tool-rectangle");
        app.drag(robot, 100, 100, 200, 200);
        app.awaitNode(this::isRect);

        // Bottom right handle: the top left corner stays.
        app.drag(robot, 200, 200, 260, 240);
        app.awaitNode(r -> isRect(r) && app.num(r, "w") == 160 && app.num(r, "h") == 140 && app.num(r, "x") == 100);
        // Top left handle: the bottom right corner stays.
        app.drag(robot, 100, 100, 80, 90);
        Row r2 = app.awaitNode(r -> isRect(r) && app.num(r, "x") == 80 && app.num(r, "y") == 90);
        assertEquals(180, app.num(r2, "w"), 0.01);
        assertEquals(150, app.num(r2, "h"), 0.01);

        // Each resize drag is one undo step.
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        app.awaitNode(r -> isRect(r) && app.num(r, "x") == 100 && app.num(r, "w") == 160 && app.num(r, "h") == 140);
    }

    @Test
    void zoomShortcutsAndThemeToggle(FxRobot robot) {
        app.awaitReady();
        robot.clickOn(app.onCanvas(300, 300));
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        assertEquals(1.25, AppFixture.fx(() -> app.window.canvas().viewport().zoom()), 1e-9);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        assertEquals(1.0, AppFixture.fx(() -> app.window.canvas().viewport().zoom()), 1e-9);
        assertEquals("100%", AppFixture.fx(() -> ((javafx.scene.control.Label) robot.lookup("#status-zoom").query()).getText()));

        AppFixture.fx(() -> {
            app.window.setTheme(dev.easel.app.theme.Themes.DARK);
            return null;
        });
        assertTrue(AppFixture.fx(() -> app.window.scene().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css"))));
        assertTrue(AppFixture.fx(() -> app.window.scene().getStylesheets().stream().noneMatch(s -> s.endsWith("light.css"))));
        assertNotNull(robot.lookup("#canvas").query());
    }
}
