package dev.easel.host.session;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.host.client.RemoteConnection;
import dev.easel.host.identity.KeyIdentity;
import dev.easel.host.protocol.Codecs;
import dev.easel.host.protocol.Message;
import dev.easel.host.server.SessionLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A client watching a stream of edits gets them a tick's worth per frame, not a frame per commit. */
class FramePacingTest {
    private static final int TICK_MICROS = 10_000;
    private static final int MOVES = 400;

    @Test
    void aStreamOfCommitsReachesAWatcherInAboutOneFramePerTick() throws Exception {
        SessionLimits limits = SessionLimits.DEFAULT.withRate(100_000, 100_000).withFrameTickMicros(TICK_MICROS);
        try (SessionFixture f = new SessionFixture(null, limits);
                RawClient watcher = new RawClient(Codecs.CBOR).open(f.editorInvite().webSocketUri())) {
            watcher.hello(KeyIdentity.generate(), "Watcher");
            watcher.send(new Message.Subscribe(1, "SELECT * FROM item"));
            watcher.next(m -> m instanceof Message.Snapshot);
            RemoteConnection writer = f.joinWatchingAll("Writer");
            for (int i = 0; i < 20; i++) {
                writer.call("put_item", Map.of("id", "n" + i, "x", 0.0, "y", 0.0)).join();
            }
            awaitOffset(watcher, f.engine.offset());

            int framesBefore = watcher.frames();
            long start = System.nanoTime();
            List<CompletableFuture<Object>> moves = new ArrayList<>();
            // The stream starts with a burst, as a drag does: commits pile up faster than frames go out, which
            // is what starts pacing. (A link that keeps up with every commit sends each at once: that is what
            // a lone edit needs, and what session.move_latency_us measures.)
            for (int i = 0; i < 20; i++) {
                moves.add(writer.call("move", Map.of("id", "n" + i, "x", -1.0, "y", 1.0)));
            }
            for (int i = 0; i < MOVES; i++) {
                moves.add(writer.call("move", Map.of("id", "n" + (i % 20), "x", (double) i, "y", 1.0)));
                // A steady stream, about a commit a millisecond, like cursors: not a burst the link batches anyway.
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
            CompletableFuture.allOf(moves.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            awaitOffset(watcher, f.engine.offset());
            long ticks = (System.nanoTime() - start) / TimeUnit.MICROSECONDS.toNanos(TICK_MICROS) + 1;
            int frames = watcher.frames() - framesBefore;

            // Once paced, the stream stays paced (every tick finds a commit to send): a frame per tick, plus the
            // few of the burst before pacing began; without pacing a fast link carries a frame per commit or so.
            assertTrue(frames <= 2 * ticks + 2, frames + " frames in " + ticks + " ticks for " + MOVES + " commits");
            assertTrue(frames < MOVES / 2, frames + " frames for " + MOVES + " commits");
            Replicas.awaitEqual(writer, f.engine, List.of("item"));
        }
    }

    /** Waits until the watcher has received the transaction at {@code offset}. */
    private static void awaitOffset(RawClient watcher, long offset) throws InterruptedException {
        watcher.next(m -> m instanceof Message.Tx tx && tx.offset() >= offset);
    }
}
