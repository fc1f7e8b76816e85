package dev.easel.app;

import static dev.easel.app.AppFixture.TIMEOUT;
import static dev.easel.app.AppFixture.fx;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.document.NodeView;
import dev.easel.app.export.PngExport;
import dev.easel.app.export.SvgExport;
import dev.easel.engine.table.Row;
import dev.easel.host.canvas.ImageStore;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.BoundingBox;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image nodes show their pictures: on the canvas of the app that hosts the document (bytes from its engine),
 * in the PNG and SVG exports of the selection, and on the canvas of an app that joined the session (bytes
 * fetched from the host over HTTP). The picture arrives after the node is first drawn, so each check also
 * proves the canvas repaints the node when it does.
 */
class ImageDisplayTest extends TwoWindowTest {
    private static final int PINK = 0xE0457B;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    /** Places a one-colour PNG in the host's document; returns its node once the host committed it. */
    private String placePinkImage() throws Exception {
        host.awaitReady();
        byte[] png = TestImages.png(160, 100, PINK);
        List<String> ids = fx(() -> host.window.images().insertFiles(List.of(TestImages.write(dir, "Pink.png", png)),
                null)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(1, ids.size());
        Row row = host.awaitNode(r -> ids.get(0).equals(r.get(host.col("id"))));
        assertEquals("image", row.get(host.col("kind")));
        assertEquals(ImageStore.hash(png), row.get(host.col("asset")));
        return ids.get(0);
    }

    /** The colour a canvas shows at the centre of a node (snapshot of the canvas, in canvas pixels). */
    private static Color centreOf(MainWindow w, String id) {
        return fx(() -> {
            CanvasView canvas = w.canvas();
            NodeView n = w.model().node(id);
            Point2D at = canvas.viewport().toScreen(w.model().worldX(n) + n.w() / 2, w.model().worldY(n) + n.h() / 2);
            WritableImage shot = canvas.snapshot(null, null);
            return shot.getPixelReader().getColor((int) at.getX(), (int) at.getY());
        });
    }

    private static boolean pink(Color c) {
        Color want = Color.rgb(0xE0, 0x45, 0x7B);
        return Math.abs(c.getRed() - want.getRed()) < 4 / 255.0 && Math.abs(c.getGreen() - want.getGreen()) < 4 / 255.0
                && Math.abs(c.getBlue() - want.getBlue()) < 4 / 255.0;
    }

    @Test
    void theHostsCanvasAndExportsShowThePicture() throws Exception {
        String id = placePinkImage();
        String hash = fx(() -> host.window.model().node(id).asset());

        await().atMost(TIMEOUT).until(() -> pink(centreOf(host.window, id)));
        assertNotNull(fx(() -> host.window.pictures().image(hash)));

        // The PNG export of the selection (the new image is selected) draws the picture too.
        assertEquals(List.of(id), fx(() -> List.copyOf(host.window.model().selection().ids())));
        WritableImage png = fx(() -> PngExport.renderNodes(host.window.model(),
                host.window.model().selection().ids(), 1, host.window.pictures()));
        assertEquals(160, (int) png.getWidth());
        assertTrue(pink(png.getPixelReader().getColor(80, 50)), String.valueOf(png.getPixelReader().getColor(80, 50)));
        WritableImage page = fx(() -> {
            NodeView n = host.window.model().node(id);
            return PngExport.render(host.window.model(), new BoundingBox(n.x(), n.y(), n.w(), n.h()), 2, Color.WHITE,
                    host.window.pictures());
        });
        assertTrue(pink(page.getPixelReader().getColor(160, 100)));

        // The SVG export embeds the picture's own bytes.
        String svg = fx(() -> SvgExport.render(host.window.model(), List.of(id), host.window.pictures()::bytes));
        String embedded = Base64.getEncoder().encodeToString(TestImages.png(160, 100, PINK));
        assertTrue(svg.contains("<image id=\"" + id + "\"") && svg.contains("href=\"data:image/png;base64," + embedded),
                svg.length() > 400 ? svg.substring(0, 400) : svg);
    }

    @Test
    void aJoinedAppShowsThePictureFetchedFromTheHost() throws Exception {
        String id = placePinkImage();
        pair.hostOnLoopback();
        MainWindow joiner = pair.join(pair.editorLink());
        assertFalse(fx(() -> joiner.document().hosted()));
        assertNotNull(fx(() -> joiner.document().invite()));

        await().atMost(TIMEOUT).until(() -> fx(() -> joiner.model().node(id) != null));
        NodeView shown = fx(() -> joiner.model().node(id));
        assertEquals(fx(() -> host.window.model().node(id).asset()), shown.asset());
        fx(() -> {
            joiner.canvas().viewport().fit(joiner.canvas().worldBounds(shown), joiner.canvas().getWidth(),
                    joiner.canvas().getHeight());
            return null;
        });
        await().atMost(TIMEOUT).until(() -> pink(centreOf(joiner, id)));
        assertEquals(null, fx(() -> joiner.pictures().failure(shown.asset())));
    }
}
