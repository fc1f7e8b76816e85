package dev.easel.app;

import static dev.easel.app.AppFixture.TIMEOUT;
import static dev.easel.app.AppFixture.fx;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.app.tool.Tool;
import dev.easel.engine.table.Row;
import dev.easel.host.canvas.Asset;
import dev.easel.host.canvas.Canvas;
import dev.easel.host.canvas.ImageStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Images through the window: Place Image (shortcut and tool button, with the file chooser answered by the
 * test), a real drag and drop of files from another window onto the canvas, and the messages for files that
 * are not images. Each checks the node rows and the document's stored image.
 */
class ImageInsertTest extends OneWindowTest {
    @TempDir
    Path dir;
    private Pane fileSource;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private List<Row> images() {
        return app.confirmedNodes().stream().filter(r -> "image".equals(r.get(app.col("kind")))).toList();
    }

    private Bounds visible() {
        return fx(() -> app.window.canvas().viewport().visibleWorld(app.window.canvas().getWidth(),
                app.window.canvas().getHeight()));
    }

    private String status() {
        return fx(() -> app.window.status().message());
    }

    private void useFiles(Path... files) {
        fx(() -> {
            app.window.images().setFileAsker(owner -> List.of(files));
            return null;
        });
    }

    private static void awaitQuiet(AppFixture app) {
        await().atMost(TIMEOUT).until(() -> !app.document.connection().replica().hasPredictions());
    }

    @Test
    void placeImageByShortcutAndToolButton(FxRobot robot) {
        app.awaitReady();
        byte[] png = TestImages.png(300, 200, 0x3366cc);
        Path logo = TestImages.write(dir, "Logo.png", png);
        useFiles(logo);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.K).release(KeyCode.SHIFT, KeyCode.CONTROL);
        Row img = app.awaitNode(r -> "image".equals(r.get(app.col("kind"))));
        String hash = ImageStore.hash(png);
        assertEquals(hash, img.get(app.col("asset")));
        assertEquals("Logo", img.get(app.col("name")));
        assertEquals(300, app.num(img, "w"), 0.01);
        assertEquals(200, app.num(img, "h"), 0.01);
        // Centred in the view, on the page.
        Bounds v = visible();
        assertEquals(v.getCenterX(), app.num(img, "x") + 150, 0.02);
        assertEquals(v.getCenterY(), app.num(img, "y") + 100, 0.02);
        assertEquals(null, img.get(app.col("parent")));
        // The document holds the picture itself, once.
        Asset stored = Canvas.asset(app.document.engine(), hash).orElseThrow();
        assertArrayEquals(png, stored.bytes());
        assertEquals(300, stored.width());
        String id = (String) img.get(app.col("id"));
        await().atMost(TIMEOUT).until(() -> id.equals(fx(() -> app.window.model().selection().single())));
        assertEquals("Added Logo.png", status());

        // The tool palette's image button does the same, and leaves the current tool as it was.
        robot.clickOn("#tool-image");
        await().atMost(TIMEOUT).until(() -> images().size() == 2);
        assertEquals(Tool.SELECT, fx(() -> app.window.tool().get()));
        assertEquals(1, app.document.engine().sizes().get("asset"));

        // Each placement is one undo step.
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        await().atMost(TIMEOUT).until(() -> images().size() == 1);
        awaitQuiet(app);
    }

    @Test
    void aLargeImageIsScaledDownToFitTheView() throws Exception {
        app.awaitReady();
        Path big = TestImages.write(dir, "Poster.png", TestImages.png(4000, 3000, 0xeeeeee));
        List<String> ids = fx(() -> app.window.images().insertFiles(List.of(big), null))
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(1, ids.size());
        Row img = app.awaitNode(r -> ids.get(0).equals(r.get(app.col("id"))));
        Bounds v = visible();
        double w = app.num(img, "w");
        double h = app.num(img, "h");
        assertEquals(4.0 / 3.0, w / h, 0.001);
        assertTrue(w <= v.getWidth() * 0.9 + 0.01 && h <= v.getHeight() * 0.9 + 0.01, w + " x " + h + " in " + v);
        assertTrue(Math.abs(w - v.getWidth() * 0.9) < 0.02 || Math.abs(h - v.getHeight() * 0.9) < 0.02,
                "fills the view as far as it can: " + w + " x " + h + " in " + v);
        assertEquals(v.getCenterX(), app.num(img, "x") + w / 2, 0.02);
    }

    @Test
    void filesThatAreNotImagesAreRefusedWithAReason() throws Exception {
        app.awaitReady();
        Path notes = TestImages.write(dir, "notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
        Path fake = TestImages.write(dir, "fake.png", "not really a picture".getBytes(StandardCharsets.UTF_8));
        Path gone = dir.resolve("gone.png");
        List<String> ids = fx(() -> app.window.images().insertFiles(List.of(notes, fake, gone), null))
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(ids.isEmpty());
        String message = status();
        assertTrue(message.contains("notes.txt is not a PNG, JPEG or GIF image"), message);
        assertTrue(message.contains("fake.png is not a PNG, JPEG or GIF image"), message);
        assertTrue(message.contains("gone.png was not found"), message);
        assertTrue(images().isEmpty());
        assertEquals(0, app.document.engine().sizes().getOrDefault("asset", 0));
    }

    @Test
    void droppingFilesPlacesThemSideBySideWhereTheyLand(FxRobot robot) {
        app.awaitReady();
        String frame = fx(() -> {
            Map<String, Object> f = new HashMap<>(Map.of("x", 100.0, "y", 100.0, "w", 600.0, "h", 400.0,
                    "name", "Board", "fill", "#ffffff"));
            return app.window.model().createNode("frame", null, f);
        });
        app.awaitNode(r -> frame.equals(r.get(app.col("id"))));
        Path a = TestImages.write(dir, "a.png", TestImages.png(200, 100, 0xff0000));
        Path b = TestImages.write(dir, "b.png", TestImages.png(100, 100, 0x00ff00));
        Path notes = TestImages.write(dir, "notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
        showFileSource(List.of(a.toFile(), b.toFile(), notes.toFile()));

        // Drag the files from the strip and drop them on page point (400, 300), inside the frame.
        Point2D drop = fx(() -> {
            Point2D s = app.window.canvas().viewport().toScreen(400, 300);
            Point2D p = app.window.canvas().localToScreen(s.getX(), s.getY());
            return new Point2D(Math.round(p.getX()), Math.round(p.getY()));
        });
        Point2D from = fx(() -> fileSource.localToScreen(40, 20));
        forgetStaleDragTarget();
        robot.moveTo(from);
        robot.drag(from, MouseButton.PRIMARY).moveTo(drop).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        await().atMost(TIMEOUT).until(() -> images().size() == 2
                && !app.document.connection().replica().hasPredictions());
        Row ra = images().stream().filter(r -> "a".equals(r.get(app.col("name")))).findFirst().orElseThrow();
        Row rb = images().stream().filter(r -> "b".equals(r.get(app.col("name")))).findFirst().orElseThrow();
        // Into the frame (positions relative to it); a row 200 + 20 + 100 wide centred on the drop point.
        assertEquals(frame, ra.get(app.col("parent")));
        assertEquals(frame, rb.get(app.col("parent")));
        Point2D at = fx(() -> {
            Point2D local = app.window.canvas().screenToLocal(drop);
            return app.window.canvas().viewport().toWorld(local.getX(), local.getY());
        });
        assertEquals(at.getX() - 160 - 100, app.num(ra, "x"), 0.02);
        assertEquals(at.getY() - 50 - 100, app.num(ra, "y"), 0.02);
        assertEquals(app.num(ra, "x") + 220, app.num(rb, "x"), 0.02);
        assertEquals(200, app.num(ra, "w"), 0.01);
        assertEquals(100, app.num(rb, "w"), 0.01);
        String message = status();
        assertTrue(message.startsWith("Added 2 images"), message);
        assertTrue(message.contains("notes.txt is not a PNG, JPEG or GIF image"), message);
        assertEquals(2, fx(() -> app.window.model().selection().ids().size()));

        // Both came in one undo step.
        fx(() -> {
            app.window.stage().toFront();
            app.window.canvas().requestFocus();
            return null;
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        await().atMost(TIMEOUT).until(() -> images().isEmpty());
    }

    /**
     * Works around the headless toolkit: Monocle's mouse input remembers, as the view a drag starts over, the
     * first view the mouse met since the last drag and drop ended, even if that window (an earlier test's) is
     * gone; a drag then "leaves" that dead view and fails. Forgetting it makes the next mouse event pick the
     * view under the mouse, as on a real desktop.
     */
    private static void forgetStaleDragTarget() {
        fx(() -> {
            Class<?> input = Class.forName("com.sun.glass.ui.monocle.MouseInput");
            java.lang.reflect.Method instance = input.getDeclaredMethod("getInstance");
            instance.setAccessible(true);
            java.lang.reflect.Field view = input.getDeclaredField("dragView");
            view.setAccessible(true);
            view.set(instance.invoke(null), null);
            return null;
        });
    }

    /**
     * A strip above the canvas that drags files, as a file manager would. (It sits in the window itself: the
     * headless toolkit delivers a drag only within the window it started in.)
     */
    private void showFileSource(List<java.io.File> files) {
        fx(() -> {
            Pane pane = new Pane();
            pane.setStyle("-fx-background-color: #ddd;");
            pane.setMinHeight(40);
            pane.setPrefHeight(40);
            pane.setOnDragDetected(e -> {
                Dragboard board = pane.startDragAndDrop(TransferMode.COPY);
                ClipboardContent c = new ClipboardContent();
                c.putFiles(files);
                board.setContent(c);
                e.consume();
            });
            VBox top = (VBox) ((BorderPane) app.window.scene().getRoot()).getTop();
            top.getChildren().add(pane);
            fileSource = pane;
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
