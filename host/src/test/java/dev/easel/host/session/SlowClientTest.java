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

/**
 * A client that stops reading slows nobody down, and catches up with the newest state when it reads again: its
 * backlog is merged (latest values win), so it gets far fewer transactions than were committed.
 */
class SlowClientTest {
    @Test
    void aStalledReaderNeitherStallsTheWriterNorTheOthers() throws Exception {
        // A generous rate budget: this test is about a reader falling behind, not about floods.
        try (SessionFixture f = new SessionFixture(null, SessionLimits.DEFAULT.withRate(100_000, 100_000));
                LinkProxy proxy = new LinkProxy(f.server.port(), 0);
                RawClient counted = new RawClient(Codecs.CBOR)) {
            RemoteConnection writer = f.joinWatchingAll("Writer");
            RemoteConnection watcher = f.joinWatchingAll("Watcher");
            RemoteConnection slow = f.join("Slow", proxy.route(f.editorInvite()), RemoteConnection.Options.DEFAULT);
            slow.subscribe("SELECT * FROM item").join();
            // A second stalled reader that counts the transactions the host sends it.
            counted.open(proxy.route(f.editorInvite()).webSocketUri());
            counted.hello(KeyIdentity.generate(), "Counted");
            counted.send(new Message.Subscribe(1, "SELECT * FROM item"));
            counted.next(m -> m instanceof Message.Snapshot);
            for (int i = 0; i < 50; i++) {
                writer.call("put_item", Map.of("id", "n" + i, "x", 0.0, "y", 0.0)).join();
            }
            Replicas.awaitEqual(slow, f.engine, List.of("item"));

            proxy.pauseDownstream();
            List<CompletableFuture<Object>> moves = new ArrayList<>();
            for (int round = 0; round < 200; round++) {
                for (int i = 0; i < 50; i++) {
                    moves.add(writer.call("move", Map.of("id", "n" + i, "x", (double) round, "y", (double) i)));
                }
            }
            // 10,000 edits go through while the slow client reads nothing.
            CompletableFuture.allOf(moves.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            Replicas.awaitEqual(watcher, f.engine, List.of("item"));

            proxy.resumeDownstream();
            Replicas.awaitEqual(slow, f.engine, List.of("item"));
            // The backlog reached it merged: far fewer transactions than the 10,000 commits, ending at the last.
            long last = f.engine.offset();
            int txs = 1;
            for (Message m = counted.next(Message.Tx.class::isInstance); ((Message.Tx) m).offset() < last;
                    m = counted.next(Message.Tx.class::isInstance)) {
                txs++;
            }
            assertTrue(txs < 1_000, "the stalled client got " + txs + " transactions for 10,000 commits");
        }
    }
}
