package dev.easel.host.canvas;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.Engine;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.Clock;
import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.ReducerException;
import dev.easel.host.client.RemoteConnection;
import dev.easel.host.identity.KeyIdentity;
import dev.easel.host.protocol.ErrorCodes;
import dev.easel.host.protocol.Limits;
import dev.easel.host.server.HostedSession;
import dev.easel.host.server.SessionServer;
import dev.easel.host.session.CallFailedException;
import dev.easel.host.session.LinkProxy;
import dev.easel.host.session.LocalConnection;
import dev.easel.host.session.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A joiner's messages are limited to 1 MiB, so a larger image travels in parts: they wait at the host under
 * the sender's identity until put_asset puts them together and checks them against the image's hash. Parts
 * someone else sent, parts that are missing or do not add up are refused; a sender who leaves leaves nothing.
 */
class ImageUploadTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static Object call(RemoteConnection c, String reducer, Map<String, Object> args) {
        return c.call(reducer, args).orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    private static String failure(Runnable r) {
        CompletionException e = assertThrows(CompletionException.class, r::run);
        CallFailedException f = assertInstanceOf(CallFailedException.class, e.getCause());
        return f.code() + ": " + f.getMessage();
    }

    private static int staged(Engine engine) {
        return engine.sizes().get(CanvasSchema.UPLOAD_PART);
    }

    @Test
    void aJoinerSendsAnImageOverOneMessageInParts() throws Exception {
        byte[] photo = Images.noise(1000, 800);
        assertTrue(photo.length > 2 * Limits.MAX_FRAME_BYTES, "the picture must need several parts: " + photo.length);
        String hash = ImageStore.hash(photo);
        try (Engine engine = Canvas.engineBuilder(null, Clock.SYSTEM).runScheduler(false).open();
                SessionServer server = SessionServer.start(SessionServer.Options.loopback(0))) {
            HostedSession session = server.host(engine, CanvasAssets.of(engine));
            RemoteConnection ann = RemoteConnection.join(session.invite(Role.EDITOR), KeyIdentity.generate(), "Ann",
                    RemoteConnection.Options.DEFAULT);
            RemoteConnection bob = RemoteConnection.join(session.invite(Role.EDITOR), KeyIdentity.generate(), "Bob",
                    RemoteConnection.Options.DEFAULT);
            RemoteConnection viewer = RemoteConnection.join(session.invite(Role.VIEWER), KeyIdentity.generate(), "Vi",
                    RemoteConnection.Options.DEFAULT);
            try {
                List<Double> progress = new ArrayList<>();
                Map<?, ?> stored = ImageUpload.put(ann, photo, p -> {
                    synchronized (progress) {
                        progress.add(p);
                    }
                }).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                assertEquals(hash, stored.get("hash"));
                assertEquals(1000L, stored.get("width"));
                assertArrayEquals(photo, ImageStore.find(engine, hash).orElseThrow().bytes());
                int parts = (photo.length + ImageUpload.PART_BYTES - 1) / ImageUpload.PART_BYTES;
                assertEquals(parts, progress.size());
                assertEquals(1.0, progress.get(parts - 1));
                assertEquals(0, staged(engine), "the parts are dropped once the image is stored");

                // Parts that are missing, someone else's, or do not add up to the hash named are refused.
                byte[] second = Images.noise(700, 500);
                String secondHash = ImageStore.hash(second);
                byte[] first = Arrays.copyOf(second, ImageUpload.PART_BYTES);
                call(ann, ImageStore.PART_REDUCER, Map.of("hash", secondHash, "part", 0L, "bytes", first));
                String missing = failure(() -> call(ann, ImageStore.PUT_REDUCER, Map.of("hash", secondHash,
                        "parts", 2L)));
                assertTrue(missing.startsWith(ErrorCodes.BAD_ARGUMENT + ": part 1 of 2"), missing);
                String notHers = failure(() -> call(bob, ImageStore.PUT_REDUCER, Map.of("hash", secondHash,
                        "parts", 1L)));
                assertTrue(notHers.startsWith(ErrorCodes.BAD_ARGUMENT + ": part 0 of 1"), notHers);
                String wrong = failure(() -> call(ann, ImageStore.PUT_REDUCER, Map.of("hash", secondHash,
                        "parts", 1L)));
                assertTrue(wrong.contains("do not add up"), wrong);
                String viewing = failure(() -> call(viewer, ImageStore.PART_REDUCER, Map.of("hash", secondHash,
                        "part", 0L, "bytes", first)));
                assertTrue(viewing.startsWith(ErrorCodes.FORBIDDEN), viewing);
                String badHash = failure(() -> call(ann, ImageStore.PART_REDUCER, Map.of("hash", "x'; DROP TABLE",
                        "part", 0L, "bytes", first)));
                assertTrue(badHash.startsWith(ErrorCodes.BAD_ARGUMENT + ": hash must be"), badHash);
                assertEquals(1, staged(engine));
                assertTrue(ImageStore.find(engine, secondHash).isEmpty());

                // Ann leaves with a part still waiting: it goes with her.
                ann.close();
                await().atMost(TIMEOUT).until(() -> staged(engine) == 0);
            } finally {
                ann.close();
                bob.close();
                viewer.close();
            }
        }
    }

    @Test
    void aJoinerKeepsSeveralPartsOnTheirWayOverASlowLink() throws Exception {
        byte[] photo = Images.noise(1000, 800);
        try (Engine engine = Canvas.engineBuilder(null, Clock.SYSTEM).runScheduler(false).open();
                SessionServer server = SessionServer.start(SessionServer.Options.loopback(0));
                LinkProxy link = new LinkProxy(server.port(), 200)) {
            HostedSession session = server.host(engine, CanvasAssets.of(engine));
            RemoteConnection far = RemoteConnection.join(link.route(session.invite(Role.EDITOR)), KeyIdentity.generate(),
                    "Far", RemoteConnection.Options.DEFAULT);
            try {
                var upload = ImageUpload.put(far, photo, p -> { });
                assertEquals(ImageUpload.PARTS_IN_FLIGHT, far.unansweredCalls(),
                        "parts sent before any answer can come back over a link with 200 ms each way");
                assertEquals(ImageStore.hash(photo), upload.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get("hash"));
                assertArrayEquals(photo, ImageStore.find(engine, ImageStore.hash(photo)).orElseThrow().bytes());
            } finally {
                far.close();
            }
        }
    }

    /** The hosting app's calls are not messages: a large image goes in one call, and no parts wait anywhere. */
    @Test
    void theHostingAppStoresALargeImageInOneCall() throws Exception {
        byte[] photo = Images.noise(1000, 800);
        try (Engine engine = Canvas.engineBuilder(null, Clock.SYSTEM).runScheduler(false).open();
                LocalConnection host = new LocalConnection(engine, new Identity("host"), "Host")) {
            long before = engine.offset();
            List<Double> progress = new ArrayList<>();
            Map<?, ?> stored = ImageUpload.put(host, photo, progress::add).get(TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS);
            assertEquals(ImageStore.hash(photo), stored.get("hash"));
            assertArrayEquals(photo, ImageStore.find(engine, ImageStore.hash(photo)).orElseThrow().bytes());
            assertEquals(List.of(), progress, "one call, no parts");
            assertEquals(before + 1, engine.offset(), "one transaction");
        }
    }

    @Test
    void partsCannotHoldMoreThanOneImageMayWeigh() {
        try (Engine engine = Canvas.engineBuilder(null, Clock.SYSTEM).runScheduler(false).open()) {
            Identity ann = new Identity("ann");
            String hash = "ab".repeat(32);
            byte[] megabyte = new byte[1 << 20];
            int fit = ImageStore.MAX_BYTES / megabyte.length;
            for (long part = 0; part < fit; part++) {
                engine.call(ann, ImageStore.PART_REDUCER, Args.of("hash", hash, "part", part, "bytes", megabyte)).join();
            }
            CompletionException e = assertThrows(CompletionException.class, () -> engine.call(ann,
                    ImageStore.PART_REDUCER, Args.of("hash", hash, "part", (long) fit, "bytes", megabyte)).join());
            ReducerException r = assertInstanceOf(ReducerException.class, e.getCause());
            assertTrue(r.getMessage().startsWith("an image can be at most"), r.getMessage());
            assertEquals(fit, staged(engine));
            // Sending a part again replaces it rather than adding to the total.
            engine.call(ann, ImageStore.PART_REDUCER, Args.of("hash", hash, "part", 0L, "bytes", megabyte)).join();
            assertEquals(fit, staged(engine));
        }
    }
}
