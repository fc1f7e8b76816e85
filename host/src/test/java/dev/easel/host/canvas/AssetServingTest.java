package dev.easel.host.canvas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.easel.engine.Engine;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.Clock;
import dev.easel.engine.tx.Identity;
import dev.easel.host.server.HostedSession;
import dev.easel.host.server.SessionServer;
import dev.easel.host.session.Invite;
import dev.easel.host.session.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The host serves a document's images over its session port to members only. */
class AssetServingTest {
    @Test
    void aMemberFetchesAnImageByHashAndAnyoneElseIsRefused() throws Exception {
        byte[] png = Images.encode("png", 40, 30);
        try (Engine engine = Canvas.engineBuilder(null, Clock.SYSTEM).runScheduler(false).open();
                SessionServer server = SessionServer.start(SessionServer.Options.loopback(0))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> put = (Map<String, Object>) engine.call(new Identity("alice"), "put_asset",
                    Args.of("bytes", png)).join().value();
            String hash = (String) put.get("hash");
            HostedSession session = server.host(engine, CanvasAssets.of(engine));
            HttpClient http = HttpClient.newHttpClient();

            Invite viewer = session.invite(Role.VIEWER);
            HttpResponse<byte[]> ok = http.send(HttpRequest.newBuilder(viewer.assetUri(hash)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, ok.statusCode());
            assertArrayEquals(png, ok.body());
            assertEquals("image/png", ok.headers().firstValue("content-type").orElse(""));

            URI noSecret = URI.create("http://127.0.0.1:" + server.port() + "/session/" + session.id() + "/asset/" + hash);
            assertEquals(403, http.send(HttpRequest.newBuilder(noSecret).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            Invite wrong = new Invite("127.0.0.1", server.port(), session.id(), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            assertEquals(403, http.send(HttpRequest.newBuilder(wrong.assetUri(hash)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(404, http.send(HttpRequest.newBuilder(viewer.assetUri("0".repeat(64))).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        }
    }
}
