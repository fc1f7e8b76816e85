package dev.easel.app;

import static dev.easel.app.AppFixture.TIMEOUT;
import static dev.easel.app.AppFixture.fx;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.app.export.FrameExport;
import dev.easel.app.images.AssetLoader;
import dev.easel.app.images.ImageCache;
import dev.easel.engine.table.Row;
import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.xml.sax.InputSource;

/**
 * File > Export Frame: the dialog offers the page's frames (the one holding the selection first) and the
 * formats; the file holds the frame and what is inside it, clipped to it, and nothing else of the page.
 */
class FrameExportTest extends OneWindowTest {
    private static final int PINK = 0xE0457B;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private String create(String kind, String parent, Map<String, Object> fields) {
        String id = fx(() -> app.window.model().createNode(kind, parent, new HashMap<>(fields)));
        app.awaitNode(r -> id.equals(r.get(app.col("id"))));
        WaitForAsyncUtils.waitForFxEvents();
        return id;
    }

    private Row row(String id) {
        return app.confirmedNodes().stream().filter(r -> id.equals(r.get(app.col("id")))).findFirst().orElseThrow();
    }

    private static int rgb(BufferedImage img, double x, double y) {
        return img.getRGB((int) x, (int) y) & 0xffffff;
    }

    @Test
    void exportsTheChosenFrameAsPngAndSvg(FxRobot robot) throws Exception {
        app.awaitReady();
        String hero = create("frame", null, Map.of("name", "Hero", "x", 50.0, "y", 50.0, "w", 200.0, "h", 100.0,
                "fill", "#ffffff"));
        String red = create("rect", hero, Map.of("x", 10.0, "y", 10.0, "w", 40.0, "h", 30.0, "fill", "#ff0000"));
        // Reaches past the frame's right edge: clipped.
        String blue = create("rect", hero, Map.of("x", 180.0, "y", 60.0, "w", 60.0, "h", 30.0, "fill", "#0000ff"));
        String card = create("frame", null, Map.of("name", "Card", "x", 400.0, "y", 50.0, "w", 120.0, "h", 80.0,
                "fill", "#00ff00"));
        String dot = create("ellipse", card, Map.of("x", 20.0, "y", 20.0, "w", 30.0, "h", 30.0, "fill", "#123456"));
        // On top of Hero but not inside it: left out of Hero's export.
        String over = create("rect", null, Map.of("x", 60.0, "y", 100.0, "w", 50.0, "h", 30.0, "fill", "#000000"));
        fx(() -> {
            app.window.frameExport().setSaveAsker((owner, name, format) -> dir.resolve(name));
            app.window.model().selection().set(List.of(dot));
            app.window.canvas().requestFocus();
            return null;
        });

        // Ctrl+E: the dialog lists both frames and picks Card, which holds the selection.
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        await().atMost(TIMEOUT).until(() -> fx(() -> app.window.frameExport().dialog() != null));
        assertEquals(card, fx(() -> app.window.frameExport().dialog().selectedFrame().id()));
        assertEquals(2, (int) fx(() -> FrameExport.frames(app.window.model()).size()));

        // Choose Hero at 2x and export.
        Node heroCell = robot.lookup((Node n) -> n instanceof ListCell<?> c && c.getText() != null
                && c.getText().startsWith("Hero")).query();
        robot.clickOn(heroCell);
        robot.clickOn("#export-format-png-2x");
        robot.clickOn("Export\u2026");
        Path png = dir.resolve("Hero@2x.png");
        await().atMost(TIMEOUT).until(() -> fx(() -> app.window.status().message()).equals("Exported Hero@2x.png"));
        assertTrue(Files.isRegularFile(png));
        BufferedImage img = ImageIO.read(png.toFile());
        Row frame = row(hero);
        assertEquals(app.num(frame, "w") * 2, img.getWidth());
        assertEquals(app.num(frame, "h") * 2, img.getHeight());
        assertEquals(0xffffff, rgb(img, 5 * 2, 5 * 2), "the frame's own fill");
        Row r = row(red);
        assertEquals(0xff0000, rgb(img, (app.num(r, "x") + 20) * 2, (app.num(r, "y") + 15) * 2), "a child");
        assertEquals(0x0000ff, rgb(img, 199 * 2 + 1, 75 * 2), "a child, up to the frame's edge");
        assertEquals(0xffffff, rgb(img, 30 * 2, 65 * 2), "what lies over the frame without being in it is left out");

        // Again, as SVG: Card (offered first again), with its ellipse, and nothing of Hero or the page.
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        await().atMost(TIMEOUT).until(() -> fx(() -> app.window.frameExport().dialog() != null));
        assertTrue(fx(() -> robot.lookup("#export-format-png-2x").queryAs(javafx.scene.control.RadioButton.class)
                .isSelected()), "the last format is offered again");
        robot.clickOn("#export-format-svg");
        robot.clickOn("Export\u2026");
        Path svgFile = dir.resolve("Card.svg");
        await().atMost(TIMEOUT).until(() -> fx(() -> app.window.status().message()).equals("Exported Card.svg"));
        String svg = Files.readString(svgFile);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        Row c = row(card);
        assertTrue(svg.contains("viewBox=\"" + (int) app.num(c, "x") + " " + (int) app.num(c, "y") + " 120 80\""), svg);
        assertTrue(svg.contains("id=\"" + card + "\""), svg);
        assertTrue(svg.contains("<ellipse id=\"" + dot + "\""), svg);
        assertTrue(svg.contains("clip-path"), svg);
        for (String absent : List.of(hero, red, blue, over)) {
            assertFalse(svg.contains(absent), absent + " should not be in " + svg);
        }
    }

    @Test
    void pngAtOneScaleIsTheFrameSize() throws Exception {
        app.awaitReady();
        String frame = create("frame", null, Map.of("name", "Small", "x", -30.0, "y", 20.0, "w", 64.0, "h", 48.0,
                "fill", "#336699"));
        Path file = dir.resolve("out/Small.png");
        Path written = fx(() -> FrameExport.export(app.window.model(), frame, FrameExport.Format.PNG_1X, file,
                Runnable::run)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        BufferedImage img = ImageIO.read(written.toFile());
        assertEquals(app.num(row(frame), "w"), img.getWidth());
        assertEquals(app.num(row(frame), "h"), img.getHeight());
        assertEquals(0x336699, rgb(img, 32, 24));
    }

    /**
     * A picture not loaded yet (a joiner fetches it from the host; a large one takes a moment) is loaded before
     * the frame is drawn: the file shows the picture, not the placeholder the canvas shows meanwhile. One that
     * cannot be had does not hold the export up.
     */
    @Test
    void anExportWaitsForPicturesStillLoading() throws Exception {
        app.awaitReady();
        String frame = create("frame", null, Map.of("name", "Photo", "x", 0.0, "y", 0.0, "w", 300.0, "h", 200.0,
                "fill", "#ffffff"));
        byte[] png = TestImages.png(160, 100, PINK);
        // Dropped on the frame: it goes inside it, centred there.
        List<String> ids = fx(() -> app.window.images().insertFiles(List.of(TestImages.write(dir, "Pink.png", png)),
                new Point2D(150, 100))).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        String image = ids.get(0);
        app.awaitNode(r -> image.equals(r.get(app.col("id"))) && frame.equals(r.get(app.col("parent"))));
        WaitForAsyncUtils.waitForFxEvents();

        // A cache of our own whose loads wait for the test: nothing is at hand when the export starts.
        CountDownLatch loadsMayEnd = new CountDownLatch(1);
        AssetLoader real = AssetLoader.of(fx(() -> app.window.document()));
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            ImageCache slow = fx(() -> new ImageCache(hash -> {
                loadsMayEnd.await();
                return real.load(hash);
            }, background, Platform::runLater, ImageCache.DEFAULT_MAX_PIXELS));
            Path file = dir.resolve("Photo.png");
            CompletableFuture<Path> export = fx(() -> FrameExport.export(app.window.model(), frame,
                    FrameExport.Format.PNG_1X, file, Runnable::run, slow));
            loadsMayEnd.countDown();
            BufferedImage img = ImageIO.read(export.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).toFile());
            assertEquals(PINK, rgb(img, 150, 100), "the picture, not its placeholder");
            assertEquals(0, (int) fx(() -> FrameExport.missingPictures(app.window.model(), frame, slow)));

            ImageCache failing = fx(() -> new ImageCache(hash -> {
                throw new java.io.IOException("the host is gone");
            }, background, Platform::runLater, ImageCache.DEFAULT_MAX_PIXELS));
            Path written = fx(() -> FrameExport.export(app.window.model(), frame, FrameExport.Format.PNG_1X,
                    dir.resolve("Placeholder.png"), Runnable::run, failing)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertTrue(Files.isRegularFile(written));
            assertEquals(1, (int) fx(() -> FrameExport.missingPictures(app.window.model(), frame, failing)));
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void aPageWithoutFramesSaysSo(FxRobot robot) {
        app.awaitReady();
        create("rect", null, Map.of("x", 10.0, "y", 10.0, "w", 20.0, "h", 20.0));
        fx(() -> {
            app.window.canvas().requestFocus();
            return null;
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> app.window.status().message()).startsWith("This page has no frames to export"));
        assertNull(fx(() -> app.window.frameExport().dialog()));
    }
}
