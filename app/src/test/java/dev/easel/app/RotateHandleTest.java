package dev.easel.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.easel.app.gesture.RotateGesture;
import dev.easel.engine.table.Row;
import javafx.geometry.Point2D;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The rotate zones just outside the corners of the selected node: cursor, dragging, Shift, undo. */
class RotateHandleTest extends OneWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private boolean isRect(Row r) {
        return "rect".equals(r.get(app.col("kind")));
    }

    private Point2D screen(double wx, double wy) {
        Point2D s = AppFixture.fx(() -> app.window.canvas().viewport().toScreen(wx, wy));
        return app.onCanvas(s.getX(), s.getY());
    }

    @Test
    void draggingOutsideACornerRotatesAboutTheCentreAsOneUndoStep(FxRobot robot) {
        app.awaitReady();
        robot.clickOn("#tool-rectangle");
        // A 100 x 60 rectangle at (200, 200), centred on (250, 230); it ends up selected.
        robot.drag(screen(200, 200), MouseButton.PRIMARY).moveTo(screen(300, 260)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Row rect = app.awaitNode(r -> isRect(r) && app.num(r, "w") == 100 && app.num(r, "h") == 60);
        String id = (String) rect.get(app.col("id"));
        assertEquals(id, AppFixture.fx(() -> app.window.model().selection().single()));

        // Just beyond the top right corner (and its resize handle) the pointer turns into the rotate cursor.
        Point2D zone = screen(310, 190);
        robot.moveTo(zone);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(RotateGesture.cursor(), AppFixture.fx(() -> app.window.canvas().getCursor()));

        // Sweeping about 50 degrees around the centre with Shift down snaps to 45.
        robot.press(MouseButton.PRIMARY).moveTo(screen(315, 215)).press(KeyCode.SHIFT).moveTo(screen(319, 250))
                .release(MouseButton.PRIMARY).release(KeyCode.SHIFT);
        Row turned = app.awaitNode(r -> isRect(r) && app.num(r, "rotation") == 45);
        // Turned about its centre: the box itself stays.
        assertEquals(200, app.num(turned, "x"), 1e-9);
        assertEquals(200, app.num(turned, "y"), 1e-9);
        assertEquals(100, app.num(turned, "w"), 1e-9);
        assertEquals("45", AppFixture.fx(() -> ((TextField) robot.lookup("#prop-rotation").query()).getText()));

        // The whole drag is one undo step: Ctrl+Z puts the rotation back and keeps the rectangle.
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        app.awaitNode(r -> isRect(r) && app.num(r, "rotation") == 0);
        assertEquals(1, app.confirmedNodes().size());

        // Without Shift the node follows the pointer: a quarter turn, from beyond the bottom left corner.
        robot.drag(screen(190, 270), MouseButton.PRIMARY).moveTo(screen(180, 240)).moveTo(screen(210, 170))
                .release(MouseButton.PRIMARY);
        app.awaitNode(r -> isRect(r) && app.num(r, "rotation") == 90);
        assertEquals("90", AppFixture.fx(() -> ((TextField) robot.lookup("#prop-rotation").query()).getText()));
    }
}
