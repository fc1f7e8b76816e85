package dev.easel.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.app.canvas.CanvasView;
import dev.easel.engine.Engine;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.Identity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.geometry.Point2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.scene.transform.Scale;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The canvas keeps its drawing between frames and repaints only what changed or came into view: these tests
 * check that what it shows after such frames is what a fresh drawing of the document shows, for changes made
 * by another member in the middle of a drag, for pans, and that it draws crisply at a render scale of 2.
 */
class CanvasRenderingTest extends OneWindowTest {
    private final Identity other = new Identity("other" + Long.toHexString(System.nanoTime()));

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private CanvasView canvas() {
        return app.window.canvas();
    }

    private String page() {
        return AppFixture.fx(() -> app.window.model().page());
    }

    private void create(Identity who, Object... fields) {
        app.document.engine().call(who, "create_node", Args.of(fields)).join();
    }

    private void awaitShown(String... ids) {
        await().atMost(AppFixture.TIMEOUT).until(() -> AppFixture.fx(() -> {
            for (String id : ids) {
                if (app.window.model().node(id) == null) {
                    return false;
                }
            }
            return true;
        }));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private WritableImage snapshot(double scale) {
        return AppFixture.fx(() -> {
            SnapshotParameters p = new SnapshotParameters();
            p.setTransform(new Scale(scale, scale));
            return canvas().snapshot(p, null);
        });
    }

    /** The screen point (canvas pixels) of a page point. */
    private Point2D screen(double wx, double wy) {
        return AppFixture.fx(() -> canvas().viewport().toScreen(wx, wy));
    }

    private static Color pixel(WritableImage image, Point2D at, double scale) {
        return image.getPixelReader().getColor((int) Math.floor(at.getX() * scale), (int) Math.floor(at.getY() * scale));
    }

    private static void assertColor(Color expected, Color actual) {
        double d = Math.max(Math.abs(expected.getRed() - actual.getRed()),
                Math.max(Math.abs(expected.getGreen() - actual.getGreen()), Math.abs(expected.getBlue() - actual.getBlue())));
        assertTrue(d < 3 / 255.0, "expected " + expected + " but the canvas shows " + actual);
    }

    /** How many pixels differ by more than a rounding step between two images of one size. */
    private static int differingPixels(WritableImage a, WritableImage b) {
        assertEquals((int) a.getWidth(), (int) b.getWidth());
        assertEquals((int) a.getHeight(), (int) b.getHeight());
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        int count = 0;
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                int pa = ra.getArgb(x, y);
                int pb = rb.getArgb(x, y);
                for (int shift = 0; shift < 32; shift += 8) {
                    if (Math.abs((pa >> shift & 0xff) - (pb >> shift & 0xff)) > 3) {
                        count++;
                        break;
                    }
                }
            }
        }
        return count;
    }

    /** Draws everything afresh and returns the picture, to compare with what kept drawing showed. */
    /** Keeps both pictures in the build folder's screenshots/ for a look when the comparison fails. */
    private static void keepForInspection(WritableImage kept, WritableImage fresh) {
        Path dir = Path.of(System.getProperty("easel.screenshots", "target/screenshots"));
        try {
            java.nio.file.Files.createDirectories(dir);
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(kept, null), "png",
                    dir.resolve("kept-drawing.png").toFile());
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(fresh, null), "png",
                    dir.resolve("fresh-drawing.png").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private WritableImage freshSnapshot() {
        AppFixture.fx(() -> {
            canvas().invalidateScene();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(AppFixture.fx(() -> canvas().lastFrame().fresh()));
        return snapshot(1);
    }

    @Test
    void aStillNodeChangedByAnotherMemberDuringADragIsRepainted(FxRobot robot) {
        app.awaitReady();
        String page = page();
        create(other, "id", "still", "kind", "rect", "page", page, "x", 400.0, "y", 120.0, "w", 80.0, "h", 60.0,
                "fill", "#3366ff", "stroke", "#222222", "stroke_width", 2.0);
        create(app.identity, "id", "mover", "kind", "ellipse", "page", page, "x", 100.0, "y", 120.0, "w", 80.0,
                "h", 60.0, "fill", "#ff3300");
        awaitShown("still", "mover");
        Point2D stillCentre = screen(440, 150);
        assertColor(Color.web("#3366ff"), pixel(snapshot(1), stillCentre, 1));

        // Drag the ellipse part of the way, and keep the button down.
        Point2D grab = screen(140, 150);
        Point2D from = app.onCanvas(grab.getX(), grab.getY());
        robot.drag(from, MouseButton.PRIMARY).moveTo(new Point2D(from.getX() + 30, from.getY() + 10));
        await().atMost(AppFixture.TIMEOUT).until(() -> AppFixture.fx(() -> app.window.model().node("mover").x() > 100));

        // Meanwhile another member recolours the node that is not moving.
        app.document.engine().call(other, "update_node", Args.of("id", "still", "patch", Map.of("fill", "#22aa44")))
                .join();
        await().atMost(AppFixture.TIMEOUT)
                .until(() -> AppFixture.fx(() -> "#22aa44".equals(app.window.model().node("still").fill())));
        robot.moveBy(5, 0);
        WaitForAsyncUtils.waitForFxEvents();

        // The frames of the drag repaint parts of the view only, and the recoloured node is among them.
        assertFalse(AppFixture.fx(() -> canvas().lastFrame().fresh()));
        WritableImage during = snapshot(1);
        assertColor(Color.web("#22aa44"), pixel(during, stillCentre, 1));
        assertEquals(0, differingPixels(during, freshSnapshot()), "the kept drawing differs from a fresh one");

        robot.release(MouseButton.PRIMARY);
        app.awaitNode(r -> "mover".equals(r.get(app.col("id"))) && app.num(r, "x") == 135 && app.num(r, "y") == 130);
        app.awaitNode(r -> "still".equals(r.get(app.col("id"))) && "#22aa44".equals(r.get(app.col("fill"))));
    }

    @Test
    void pansAndEditsShowWhatAFreshDrawingShows() {
        app.awaitReady();
        String page = page();
        String[] kinds = {"rect", "ellipse", "text", "line", "frame", "rect"};
        String[] fills = {"#0d99ff", "#f24822", "#14ae5c", "#ffcd29cc", "none"};
        List<CompletableFuture<?>> calls = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            String id = "n" + i;
            ids.add(id);
            calls.add(app.document.engine().call(other, "create_node", Args.of("id", id, "kind", kinds[i % kinds.length],
                    "page", page, "x", (double) (i % 20) * 57 - 150, "y", (double) (i / 20) * 61 - 40,
                    "w", 30.0 + i % 7 * 9, "h", 20.0 + i % 5 * 11, "rotation", i % 4 == 0 ? 17.0 * (i % 9) : 0.0,
                    "fill", fills[i % fills.length], "stroke", i % 3 == 0 ? "none" : "#333333",
                    "stroke_width", (double) (i % 4), "opacity", i % 6 == 0 ? 0.5 : 1.0,
                    "corner_radius", i % 5 == 0 ? 6.0 : 0.0)));
            if ("text".equals(kinds[i % kinds.length])) {
                calls.add(app.document.engine().call(other, "set_text", Args.of("id", id, "text", "Label " + i)));
            }
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        awaitShown(ids.toArray(String[]::new));

        // Pans in several directions, each a frame that paints only the strips coming into view.
        double[][] pans = {{37, -23}, {-80, 5}, {0, 64}, {13.5, -7.25}, {-200, -150}, {120, 40}};
        for (double[] d : pans) {
            AppFixture.fx(() -> {
                canvas().viewport().panBy(d[0], d[1]);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(AppFixture.fx(() -> canvas().lastFrame().fresh()), "a pan repainted everything");
        }
        // Edits by another member: a move that changes what overlaps, a reorder, a hidden node.
        Engine engine = app.document.engine();
        engine.call(other, "move_nodes", Args.of("moves", List.of(Map.of("id", "n21", "x", 40.0, "y", 30.0)))).join();
        engine.call(other, "reorder", Args.of("id", "n22", "to", "last")).join();
        engine.call(other, "update_node", Args.of("id", "n43", "patch", Map.of("visible", false))).join();
        await().atMost(AppFixture.TIMEOUT).until(() -> AppFixture.fx(() -> app.window.model().node("n21").x() == 40
                && !app.window.model().node("n43").visible()));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(AppFixture.fx(() -> canvas().lastFrame().fresh()));

        WritableImage kept = snapshot(1);
        WritableImage freshImg = freshSnapshot();
        if (differingPixels(kept, freshImg) > 0) {
            keepForInspection(kept, freshImg);
        }
        assertEquals(0, differingPixels(kept, freshImg), "the kept drawing differs from a fresh one");
        app.awaitNode(r -> "n21".equals(r.get(app.col("id"))) && app.num(r, "x") == 40);
    }

    @Test
    void drawsCrisplyAtRenderScaleTwoAndHitTestsInCanvasPixels(FxRobot robot) {
        app.awaitReady();
        AppFixture.fx(() -> {
            app.window.stage().setRenderScaleX(2);
            app.window.stage().setRenderScaleY(2);
            return null;
        });
        await().atMost(AppFixture.TIMEOUT).until(() -> AppFixture.fx(() -> canvas().renderScale() == 2));
        create(other, "id", "edge", "kind", "rect", "page", page(), "x", 150.0, "y", 150.0, "w", 100.0, "h", 60.0,
                "fill", "#000000");
        awaitShown("edge");
        // Monocle's screen has an output scale of 1, so the canvas adds the second pixel per pixel itself.
        assertEquals(2.0, AppFixture.fx(() -> canvas().backingScale()), 1e-9);

        // At 2x, the rectangle's right edge falls between two device pixels: one black, the next background.
        WritableImage image = snapshot(2);
        Point2D edge = screen(250, 180);
        PixelReader r = image.getPixelReader();
        int dx = (int) Math.round(edge.getX() * 2);
        int dy = (int) Math.round(edge.getY() * 2);
        assertColor(Color.BLACK, r.getColor(dx - 1, dy));
        assertColor(AppFixture.fx(() -> canvas().backgroundColor()), r.getColor(dx, dy));

        // Clicks are still in canvas pixels: one on the rectangle selects it.
        Point2D centre = screen(200, 180);
        robot.clickOn(app.onCanvas(centre.getX(), centre.getY()));
        assertEquals("edge", AppFixture.fx(() -> app.window.model().selection().single()));
        assertEquals(1, app.confirmedNodes().size());
    }
}
