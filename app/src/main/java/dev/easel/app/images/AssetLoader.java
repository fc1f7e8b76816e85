package dev.easel.app.images;

import dev.easel.app.document.OpenDocument;
import dev.easel.host.canvas.Canvas;
import dev.easel.host.session.Invite;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Fetches an image's bytes by content hash, where the document keeps them: its engine's asset table when this
 * app hosts it, the host's HTTP server (with the invite's secret) when it was joined. Blocking: call off the
 * JavaFX thread.
 */
@FunctionalInterface
public interface AssetLoader {
    byte[] load(String hash) throws IOException, InterruptedException;

    /** The loader for a document: in process, over HTTP, or (neither known) one that always fails. */
    static AssetLoader of(OpenDocument doc) {
        if (doc.hosted()) {
            return hash -> Canvas.asset(doc.engine(), hash).map(a -> a.bytes())
                    .orElseThrow(() -> new IOException("the document holds no image " + hash));
        }
        if (doc.invite() != null) {
            return overHttp(doc.invite(), HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
        }
        return hash -> {
            throw new IOException("this document does not say where its images are");
        };
    }

    /** Fetches images from the session's host, as a member holding the invite's secret. */
    static AssetLoader overHttp(Invite invite, HttpClient http) {
        return hash -> {
            HttpRequest request = HttpRequest.newBuilder(invite.assetUri(hash)).timeout(Duration.ofSeconds(60))
                    .GET().build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("the host answered " + response.statusCode() + " for image " + hash);
            }
            return response.body();
        };
    }
}
