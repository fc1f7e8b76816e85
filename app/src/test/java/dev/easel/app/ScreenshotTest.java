package dev.easel.app;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.export.PngExport;
import dev.easel.host.client.RemoteConnection;
import dev.easel.host.identity.KeyIdentity;
import dev.easel.host.server.HostedSession;
import dev.easel.host.server.SessionServer;
import dev.easel.host.session.Invite;
import dev.easel.host.session.Role;
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
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders a small sample document in the editor window and through the PNG export, writes both under the
 * build folder's {@code screenshots/} and checks neither is blank.
 */
class ScreenshotTest extends OneWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static Path folder() {
        return Path.of(System.getProperty("easel.screenshots", "target/screenshots"));
    }

    @Test
    void sampleDocumentRendersToPng() throws Exception {
        app.awaitReady();
        sample();
        AppFixture.fx(() -> {
            app.window.model().selection().set(List.of("r1"));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        WritableImage window = AppFixture.fx(() -> app.window.scene().snapshot(null));
        WritableImage export = AppFixture.fx(() -> PngExport.render(app.window.model(), null, 2, Color.WHITE,
                app.window.pictures()));
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
        // The button's blue fill, left of its label (frame at 40, button at 288, 140 in it, 44 high).
        Color blue = export.getPixelReader().getColor((40 + 288 + 8) * 2 - 80, (40 + 140 + 22) * 2 - 80);
        assertTrue(blue.getBlue() > 0.9 && blue.getRed() < 0.2, "expected the blue button, got " + blue);
    }

    /**
     * The sample document hosted on a loopback session with two collaborators joined over WebSocket (no
     * windows of their own): each points somewhere and selects (locks) a node. The host's window draws
     * their cursors, selections and lock badges; the picture goes to {@code session.png}.
     */
    @Test
    void sessionWithTwoCollaboratorsRendersToPng() throws Exception {
        app.awaitReady();
        sample();
        HostedSession session = AppFixture.fx(() -> app.window.hostSession(SessionServer.Options.loopback(0), false))
                .get(AppFixture.TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        Invite invite = session.invite(Role.EDITOR);
        String page = AppFixture.fx(() -> app.window.model().page());
        try (RemoteConnection ada = RemoteConnection.join(invite, KeyIdentity.generate(), "Ada Lovelace",
                RemoteConnection.Options.DEFAULT);
                RemoteConnection grace = RemoteConnection.join(invite, KeyIdentity.generate(), "Grace Hopper",
                        RemoteConnection.Options.DEFAULT)) {
            ada.call("set_selection", Map.of("ids", List.of("e1"))).join();
            ada.call("set_cursor", Map.of("x", 150.0, "y", 360.0, "page", page)).join();
            grace.call("set_selection", Map.of("ids", List.of("t1"))).join();
            grace.call("set_cursor", Map.of("x", 520.0, "y", 88.0, "page", page)).join();
            await().atMost(AppFixture.TIMEOUT).until(() -> {
                CanvasView.CollaboratorOverlay o = AppFixture.fx(() -> app.window.canvas().collaboratorOverlay());
                return o.cursors().size() == 2 && o.badges().size() == 2 && o.selections().size() == 2
                        && o.cursors().stream().allMatch(m -> m.x() == 150 && m.y() == 360 || m.x() == 520 && m.y() == 88);
            });
            await().atMost(AppFixture.TIMEOUT).until(() -> AppFixture.fx(() -> app.window.presenceBar()
                    .shownIdentities().size()) == 3);
            CanvasView.CollaboratorOverlay o = AppFixture.fx(() -> app.window.canvas().collaboratorOverlay());
            assertTrue(o.badges().stream().anyMatch(b -> b.nodeId().equals("e1") && b.initials().equals("AL")), o.toString());
            assertTrue(o.badges().stream().anyMatch(b -> b.nodeId().equals("t1") && b.initials().equals("GH")), o.toString());
            WaitForAsyncUtils.waitForFxEvents();

            WritableImage window = AppFixture.fx(() -> app.window.scene().snapshot(null));
            Path file = folder().resolve("session.png");
            PngExport.write(window, file);
            assertTrue(Files.size(file) > 1000);
            javafx.geometry.Bounds cb = AppFixture.fx(() -> app.window.canvas()
                    .localToScene(app.window.canvas().getBoundsInLocal()));
            Color bg = AppFixture.fx(() -> app.window.canvas().backgroundColor());
            assertTrue(differing(window, bg, cb) > 10_000, "canvas area is blank");
            // Ada's cursor label is drawn in her colour just below and right of her pointer.
            Color adaColor = Color.web(o.cursors().stream().filter(m -> m.name().equals("Ada Lovelace"))
                    .findFirst().orElseThrow().color());
            javafx.geometry.Point2D at = AppFixture.fx(() -> app.window.canvas().localToScene(
                    app.window.canvas().viewport().toScreen(150, 360)));
            Color label = window.getPixelReader().getColor((int) at.getX() + 12, (int) at.getY() + 26);
            assertTrue(close(label, adaColor), "expected Ada's colour " + adaColor + " at her label, got " + label);
        } finally {
            AppFixture.fx(() -> {
                app.window.leaveSession();
                return null;
            });
        }
    }

    private static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue()) < 0.1;
    }

    /**
     * A small landing page in a frame: a hero picture, a heading and a line of copy, a button (a group of a
     * rectangle and its label), a divider, an avatar with a caption and a rotated sticker; a second page.
     */
    private void sample() {
        Connection c = app.document.connection();
        String page = AppFixture.fx(() -> app.window.model().page());
        c.call("rename_page", Map.of("id", page, "name", "Website")).join();
        c.call("add_page", Map.of("id", "p2", "name", "Mobile")).join();
        Map<?, ?> stored = (Map<?, ?>) c.call("put_asset", Map.of("bytes", TestImages.landscape(480, 320))).join();
        String photo = (String) stored.get("hash");
        node(c, page, null, "frame", "f1", Map.of("name", "Landing", "x", 40.0, "y", 40.0, "w", 520.0, "h", 360.0,
                "fill", "#ffffff", "stroke", "#d0d0d0", "stroke_width", 1.0));
        node(c, page, "f1", "image", "i1", Map.of("name", "Hero photo", "asset", photo, "x", 24.0, "y", 24.0,
                "w", 240.0, "h", 160.0));
        node(c, page, "f1", "text", "t1", Map.of("name", "Heading", "x", 288.0, "y", 28.0, "w", 210.0, "h", 72.0,
                "text", "Design\ntogether", "font_size", 28.0, "font_weight", 700L, "fill", "#1e1e1e"));
        node(c, page, "f1", "text", "t2", Map.of("name", "Tagline", "x", 288.0, "y", 106.0, "w", 210.0, "h", 20.0,
                "text", "One file, live cursors, no server.", "font_size", 13.0, "fill", "#6b6b6b"));
        node(c, page, "f1", "rect", "r1", Map.of("name", "Button fill", "x", 288.0, "y", 140.0, "w", 150.0,
                "h", 44.0, "fill", "#0d99ff", "corner_radius", 12.0));
        node(c, page, "f1", "text", "t3", Map.of("name", "Button label", "x", 312.0, "y", 151.0, "w", 110.0,
                "h", 22.0, "text", "Get started", "font_size", 16.0, "font_weight", 600L, "fill", "#ffffff"));
        c.call("group", Map.of("id", "g1", "ids", List.of("r1", "t3"), "name", "Button")).join();
        node(c, page, "f1", "line", "l1", Map.of("name", "Divider", "x", 24.0, "y", 212.0, "w", 472.0, "h", 0.0,
                "stroke", "#e0e0e0", "stroke_width", 2.0));
        node(c, page, "f1", "ellipse", "e1", Map.of("name", "Avatar", "x", 24.0, "y", 240.0, "w", 96.0, "h", 96.0,
                "fill", "#ff7262"));
        node(c, page, "f1", "text", "t4", Map.of("name", "Caption", "x", 136.0, "y", 262.0, "w", 200.0, "h", 48.0,
                "text", "Ada and Grace are\nediting this page", "font_size", 16.0, "fill", "#1e1e1e"));
        node(c, page, "f1", "rect", "r2", Map.of("name", "Sticker", "x", 360.0, "y", 250.0, "w", 120.0, "h", 64.0,
                "fill", "#a259ff", "corner_radius", 8.0, "rotation", -12.0));
        app.awaitNode(r -> "r2".equals(r.get(app.col("id"))));
        await().atMost(AppFixture.TIMEOUT).until(() -> AppFixture.fx(() -> app.window.model().nodeCount() == 11));
        // The hero picture is decoded in the background: wait until the canvas has it, so it is drawn.
        await().atMost(AppFixture.TIMEOUT).until(() -> AppFixture.fx(() -> app.window.pictures().image(photo) != null));
        WaitForAsyncUtils.waitForFxEvents();
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
