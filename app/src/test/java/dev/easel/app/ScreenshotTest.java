package dev.easel.app;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import dev.easel.app.export.PngExport;
import dev.easel.host.session.Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders a small sample document in the editor window and through the PNG export, writes both under the
 * build folder's {@code screenshots/} and checks neither is blank.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {
    private AppFixture app;

    @Start
    void start(Stage stage) {
        app = new AppFixture(stage);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private static Path folder() {
        return Path.of(System.getProperty("easel.screenshots", "target/screenshots"));
    }

    @Test
    void sampleDocumentRendersToPng() throws Exception {
        app.awaitReady();
        Connection c = app.document.connection();
        String page = AppFixture.fx(() -> app.window.model().page());
        node(c, page, null, "frame", "f1", Map.of("name", "Landing", "x", 40.0, "y", 40.0, "w", 520.0, "h", 360.0,
                "fill", "#ffffff", "stroke", "#d0d0d0", "stroke_width", 1.0));
        node(c, page, "f1", "rect", "r1", Map.of("x", 32.0, "y", 40.0, "w", 200.0, "h", 120.0, "fill", "#0d99ff",
                "corner_radius", 12.0));
        node(c, page, "f1", "ellipse", "e1", Map.of("x", 280.0, "y", 50.0, "w", 140.0, "h", 140.0, "fill", "#ff7262cc"));
        node(c, page, "f1", "rect", "r2", Map.of("x", 300.0, "y", 220.0, "w", 160.0, "h", 80.0, "fill", "#a259ff",
                "rotation", 15.0));
        node(c, page, "f1", "text", "t1", Map.of("x", 32.0, "y", 200.0, "w", 240.0, "h", 40.0,
                "text", "Hello, Easel", "font_size", 28.0, "fill", "#1e1e1e"));
        node(c, page, "f1", "line", "l1", Map.of("x", 32.0, "y", 280.0, "w", 220.0, "h", 40.0, "stroke", "#14ae5c",
                "stroke_width", 4.0));
        app.awaitNode(r -> "l1".equals(r.get(app.col("id"))));
        await().atMost(AppFixture.TIMEOUT).until(() -> AppFixture.fx(() -> app.window.model().nodeCount() == 6));
        AppFixture.fx(() -> {
            app.window.model().selection().set(List.of("r1"));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        WritableImage window = AppFixture.fx(() -> app.window.scene().snapshot(null));
        WritableImage export = AppFixture.fx(() -> PngExport.render(app.window.model(), null, 2, Color.WHITE));
        Path dir = folder();
        PngExport.write(window, dir.resolve("editor.png"));
        PngExport.write(export, dir.resolve("sample@2x.png"));
        assertTrue(Files.size(dir.resolve("editor.png")) > 1000);

        // The canvas area of the window shows more than its background.
        javafx.geometry.Bounds cb = AppFixture.fx(() -> app.window.canvas()
                .localToScene(app.window.canvas().getBoundsInLocal()));
        Color bg = AppFixture.fx(() -> app.window.canvas().backgroundColor());
        assertTrue(differing(window, bg, cb) > 10_000, "canvas area is blank");
        // The export (2x: 1040 x 720) shows the shapes on white.
        assertTrue(export.getWidth() == 1040 && export.getHeight() == 720, export.getWidth() + "x" + export.getHeight());
        assertTrue(differing(export, Color.WHITE, null) > 50_000, "export is blank");
        Color blue = export.getPixelReader().getColor((int) ((40 + 32 + 100) * 2 - 80), (int) ((40 + 40 + 60) * 2 - 80));
        assertTrue(blue.getBlue() > 0.9 && blue.getRed() < 0.2, "expected the blue rectangle, got " + blue);
    }

    private static void node(Connection c, String page, String parent, String kind, String id, Map<String, Object> fields) {
        Map<String, Object> args = new HashMap<>(fields);
        args.put("id", id);
        args.put("kind", kind);
        args.put("page", page);
        if (parent != null) {
            args.put("parent", parent);
        }
        c.call("create_node", args).join();
    }

    private static long differing(Image img, Color bg, javafx.geometry.Bounds area) {
        PixelReader r = img.getPixelReader();
        int x0 = area == null ? 0 : (int) Math.max(0, area.getMinX());
        int y0 = area == null ? 0 : (int) Math.max(0, area.getMinY());
        int x1 = area == null ? (int) img.getWidth() : (int) Math.min(img.getWidth(), area.getMaxX());
        int y1 = area == null ? (int) img.getHeight() : (int) Math.min(img.getHeight(), area.getMaxY());
        long n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                Color p = r.getColor(x, y);
                if (Math.abs(p.getRed() - bg.getRed()) + Math.abs(p.getGreen() - bg.getGreen())
                        + Math.abs(p.getBlue() - bg.getBlue()) > 0.05) {
                    n++;
                }
            }
        }
        return n;
    }
}
