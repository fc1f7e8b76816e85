package dev.easel.app;

import static dev.easel.app.AppFixture.TIMEOUT;
import static dev.easel.app.AppFixture.fx;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.table.Row;
import dev.easel.host.canvas.Canvas;
import dev.easel.host.canvas.ImageStore;
import dev.easel.host.session.Connection;
import dev.easel.host.session.Role;
import java.io.RandomAccessFile;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A joiner adds images through a real WebSocket session: the picture reaches the host's document, which
 * serves it back over HTTP by hash (as joiners fetch pictures). A photo over a session message's 1 MiB goes
 * in parts; one over the image store's 50 MB is refused with the reason before anything is sent, and the link
 * stays up.
 */
class JoinerImageTest extends TwoWindowTest {
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private List<String> insert(MainWindow w, Path file) throws Exception {
        return fx(() -> w.images().insertFiles(List.of(file), null)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Row hostRow(String id) {
        Connection hc = host.document.connection();
        return hc.replica().hasPredictions() ? null : hc.replica().find("node", id);
    }

    @Test
    void aJoinerAddsImagesSmallAndLarge() throws Exception {
        pair.hostOnLoopback();
        MainWindow joiner = pair.join(pair.editorLink());

        byte[] png = TestImages.png(120, 80, 0x123456);
        List<String> ids = insert(joiner, TestImages.write(dir, "Badge.png", png));
        assertEquals(1, ids.size());
        String hash = ImageStore.hash(png);
        await().atMost(TIMEOUT).until(() -> hostRow(ids.get(0)) != null);
        assertEquals(hash, hostRow(ids.get(0)).get(host.col("asset")));
        assertEquals(120, host.num(hostRow(ids.get(0)), "w"), 0.01);
        assertArrayEquals(png, Canvas.asset(host.document.engine(), hash).orElseThrow().bytes());

        // The host serves the picture to session members over HTTP, by hash.
        HttpResponse<byte[]> got = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(pair.session.invite(Role.EDITOR).assetUri(hash)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, got.statusCode());
        assertEquals("image/png", got.headers().firstValue("content-type").orElse(""));
        assertArrayEquals(png, got.body());

        // A photo over a session message's 1 MiB travels in parts, its progress in the status bar.
        byte[] photo = TestImages.noise(1000, 800);
        assertTrue(photo.length > 2 * (1 << 20), "the test picture must need several parts: " + photo.length);
        List<String> big = insert(joiner, TestImages.write(dir, "Photo.png", photo));
        assertEquals(1, big.size(), fx(() -> joiner.status().message()));
        await().atMost(TIMEOUT).until(() -> hostRow(big.get(0)) != null);
        assertEquals(ImageStore.hash(photo), hostRow(big.get(0)).get(host.col("asset")));
        assertArrayEquals(photo, Canvas.asset(host.document.engine(), ImageStore.hash(photo)).orElseThrow().bytes());
        assertEquals(0, host.document.engine().sizes().get("upload_part"), "no parts are left behind");

        // Over the image store's 50 MB: refused here, with the reason, and nothing sent.
        Path huge = dir.resolve("Huge.png");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.write(photo, 0, 64);
            f.setLength(ImageStore.MAX_BYTES + 1L);
        }
        List<String> refused = insert(joiner, huge);
        assertTrue(refused.isEmpty());
        String message = fx(() -> joiner.status().message());
        assertTrue(message.startsWith("Huge.png is ") && message.contains("an image can be at most 50.0 MB"), message);
        assertEquals(2, host.document.engine().sizes().get("asset"));
        assertEquals(Connection.State.CONNECTED, pair.joined().state());
    }
}
