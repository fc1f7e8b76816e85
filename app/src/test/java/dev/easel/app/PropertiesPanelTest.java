package dev.easel.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.table.Row;
import java.util.Objects;
import javafx.geometry.Point2D;
import javafx.scene.control.ColorPicker;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The properties panel through the real window: each field typed, ticked or picked commits one
 * {@code update_node}, which the test reads back from the host's confirmed rows, and one undo takes back
 * exactly one change.
 */
class PropertiesPanelTest extends OneWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void rectangleStrokeRadiusAndFill(FxRobot robot) {
        app.awaitReady();
        robot.clickOn("#tool-rectangle");
        Point2D from = app.onCanvas(100, 100);
        robot.drag(from, MouseButton.PRIMARY).moveTo(app.onCanvas(200, 180)).release(MouseButton.PRIMARY);
        app.awaitNode(r -> is(r, "kind", "rect"));

        // Stroke starts as none: unticking paints black, the picker then sets a colour.
        assertTrue(AppFixture.fx(() -> robot.lookup("#prop-stroke").query().isDisabled()));
        robot.clickOn("#prop-stroke-none");
        app.awaitNode(r -> is(r, "stroke", "#000000"));
        AppFixture.fx(() -> {
            robot.lookup("#prop-stroke").queryAs(ColorPicker.class).setValue(Color.web("#ff8000"));
            return null;
        });
        app.awaitNode(r -> is(r, "stroke", "#ff8000"));

        // Stroke width beyond what the document accepts is clamped, and the field shows it.
        type(robot, "#prop-stroke-width", "5000");
        app.awaitNode(r -> app.num(r, "stroke_width") == 1000);
        assertEquals("1000", AppFixture.fx(() -> robot.lookup("#prop-stroke-width")
                .queryAs(javafx.scene.control.TextField.class).getText()));
        type(robot, "#prop-stroke-width", "3");
        app.awaitNode(r -> app.num(r, "stroke_width") == 3);

        type(robot, "#prop-corner-radius", "12");
        app.awaitNode(r -> app.num(r, "corner_radius") == 12);

        robot.clickOn("#prop-fill-none");
        app.awaitNode(r -> is(r, "fill", "none"));
        assertTrue(AppFixture.fx(() -> robot.lookup("#prop-fill").query().isDisabled()));

        // One undo brings the fill back and nothing else; the next takes back the radius only.
        undo();
        Row filled = app.awaitNode(r -> is(r, "fill", "#d9d9d9"));
        assertEquals(12, app.num(filled, "corner_radius"), 0.001);
        assertFalse(AppFixture.fx(() -> robot.lookup("#prop-fill").query().isDisabled()));
        undo();
        Row square = app.awaitNode(r -> app.num(r, "corner_radius") == 0);
        assertEquals(3, app.num(square, "stroke_width"), 0.001);
        assertEquals("#ff8000", square.get(app.col("stroke")));
        // The panel follows the undone row.
        assertEquals("0", AppFixture.fx(() -> robot.lookup("#prop-corner-radius")
                .queryAs(javafx.scene.control.TextField.class).getText()));
    }

    @Test
    void textContentFontAndAlignment(FxRobot robot) {
        app.awaitReady();
        robot.clickOn(app.onCanvas(700, 500));
        robot.type(KeyCode.T);
        robot.clickOn(app.onCanvas(200, 150));
        app.awaitNode(r -> is(r, "kind", "text"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(AppFixture.fx(() -> robot.lookup("#prop-corner-radius").query().isDisabled()));

        // Content: Ctrl+Enter applies it.
        robot.clickOn("#prop-text");
        robot.type(KeyCode.END).eraseText(10).write("Hello panel");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        app.awaitNode(r -> is(r, "text", "Hello panel"));

        type(robot, "#prop-font-family", "Monospaced");
        Row mono = app.awaitNode(r -> is(r, "font_family", "Monospaced"));
        // Letters typed into the family box are not tool shortcuts: the text node stays selected.
        assertEquals(mono.get(app.col("id")), AppFixture.fx(() -> app.window.model().selection().single()));

        type(robot, "#prop-font-size", "0");
        app.awaitNode(r -> app.num(r, "font_size") == 1);
        type(robot, "#prop-font-size", "32");
        app.awaitNode(r -> app.num(r, "font_size") == 32);

        robot.clickOn("#prop-font-weight");
        robot.clickOn("Bold 700");
        app.awaitNode(r -> app.num(r, "font_weight") == 700);

        robot.clickOn("#prop-align-center");
        app.awaitNode(r -> is(r, "align", "center"));
        robot.clickOn("#prop-align-justify");
        app.awaitNode(r -> is(r, "align", "justify"));

        // One undo per change, newest first: each alignment, then the weight; text, family and size stay.
        undo();
        app.awaitNode(r -> is(r, "align", "center"));
        undo();
        Row left = app.awaitNode(r -> is(r, "align", "left"));
        assertEquals(700, app.num(left, "font_weight"), 0.001);
        undo();
        Row regular = app.awaitNode(r -> app.num(r, "font_weight") == 400);
        assertEquals("left", regular.get(app.col("align")));
        assertEquals(32, app.num(regular, "font_size"), 0.001);
        assertEquals("Monospaced", regular.get(app.col("font_family")));
        assertEquals("Hello panel", regular.get(app.col("text")));
        assertTrue(AppFixture.fx(() -> robot.lookup("#prop-align-left")
                .queryAs(javafx.scene.control.ToggleButton.class).isSelected()));
    }

    /** Replaces a field's text by typing, then presses Enter. */
    private void type(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.type(KeyCode.END).eraseText(20).write(text).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean is(Row r, String column, String value) {
        return Objects.equals(value, r.get(app.col(column)));
    }

    /** Undo as the menu does it, with the canvas focused so no field takes the shortcut for itself. */
    private void undo() {
        AppFixture.fx(() -> {
            app.window.canvas().requestFocus();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        new FxRobot().press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    }
}
