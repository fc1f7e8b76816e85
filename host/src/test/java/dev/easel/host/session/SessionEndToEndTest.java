package dev.easel.host.session;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.Engine;
import dev.easel.engine.replica.ReplicaListener;
import dev.easel.engine.tx.Identity;
import dev.easel.host.client.RemoteConnection;
import dev.easel.host.identity.KeyIdentity;
import dev.easel.host.protocol.Codecs;
import dev.easel.host.protocol.ErrorCodes;
import dev.easel.host.protocol.Message;
import dev.easel.host.server.SessionLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void editsReachEveryReplicaInTheSameOrder() throws Exception {
        try (SessionFixture f = new SessionFixture(dir.resolve("doc.easel"))) {
            RemoteConnection a = f.joinWatchingAll("Ada");
            RemoteConnection b = f.joinWatchingAll("Bo");
            RemoteConnection c = f.joinWatchingAll("Cy");
            List<Long> seenByB = offsets(b);
            List<Long> seenByC = offsets(c);

            List<CompletableFuture<Object>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(a.call("put_item", Map.of("id", "i" + i, "x", (double) i, "y", 1.0)));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
            for (int i = 0; i < 20; i++) {
                calls.add((i % 2 == 0 ? b : c).call("move", Map.of("id", "i" + i, "x", 100.5 + i, "y", 7L)));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();

            for (RemoteConnection r : List.of(a, b, c)) {
                Replicas.awaitEqual(r, f.engine, TestDocument.allTables());
            }
            // A client that falls behind may get several transactions merged into one, so the batches seen can
            // differ; what they must share is commit order and the same end.
            for (List<Long> seen : List.of(seenByB, seenByC)) {
                assertTrue(seen.size() <= 40, "never more batches than transactions");
                for (int i = 1; i < seen.size(); i++) {
                    assertTrue(seen.get(i) > seen.get(i - 1), "transactions apply in commit order");
                }
                assertEquals(f.engine.offset(), seen.get(seen.size() - 1), "every replica reaches the last commit");
            }
        }
    }

    private static List<Long> offsets(RemoteConnection c) {
        List<Long> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        c.replica().addListener(new ReplicaListener() {
            @Override
            public void onApplied(long offset) {
                seen.add(offset);
            }
        });
        return seen;
    }

    @Test
    void largeCallsMadeTogetherAllGoThroughAndOneTooLargeForTheHostFailsAtOnce() throws Exception {
        try (SessionFixture f = new SessionFixture(null)) {
            RemoteConnection a = f.joinWatchingAll("Ada");
            RemoteConnection b = f.joinWatchingAll("Bo");
            a.call("put_item", Map.of("id", "n1", "x", 1.0, "y", 2.0)).join();
            // Four calls of 700 KB made at once: together they would be a frame the host refuses.
            List<CompletableFuture<Object>> labels = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                labels.add(a.call("label", Map.of("id", "n1", "label", String.valueOf(i).repeat(700_000))));
            }
            CompletableFuture<Object> tooLarge = a.call("label", Map.of("id", "n1", "label", "q".repeat(600_000),
                    "note", "r".repeat(600_000)));

            ExecutionException refused = assertThrows(ExecutionException.class, () -> tooLarge.get(30, TimeUnit.SECONDS));
            assertEquals(ErrorCodes.TOO_LARGE, ((CallFailedException) refused.getCause()).code());
            CompletableFuture.allOf(labels.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            for (RemoteConnection r : List.of(a, b)) {
                Replicas.awaitEqual(r, f.engine, TestDocument.allTables());
            }
            assertEquals("3".repeat(700_000), Replicas.hostRows(f.engine, "item").get("n1").get(
                    f.engine.schema().require("item").columnIndex("label")), "the last of the four calls won");
        }
    }

    @Test
    void anUpdateCarriesOnlyTheChangedColumns() throws Exception {
        try (SessionFixture f = new SessionFixture(null); RawClient raw = new RawClient(Codecs.JSON)) {
            RemoteConnection a = f.joinWatchingAll("Ada");
            a.call("put_item", Map.of("id", "n1", "x", 1.0, "y", 2.0)).join();
            raw.open(f.editorInvite().webSocketUri()).hello(KeyIdentity.generate(), "Watcher");
            raw.send(new Message.Subscribe(1, "SELECT * FROM item"));
            raw.next(m -> m instanceof Message.Snapshot);

            a.call("move", Map.of("id", "n1", "x", 50.25, "y", 2.0)).join();

            Message.Tx tx = (Message.Tx) raw.next(m -> m instanceof Message.Tx);
            Message.ColumnUpdate u = tx.updates().get(0).updates().get(0);
            assertEquals("n1", u.primaryKey());
            assertArrayEquals(new int[] {f.engine.schema().require("item").columnIndex("x")}, u.columns(),
                    "y did not change, so only x travels");
            assertEquals(50.25, ((Number) u.values()[0]).doubleValue());
            assertEquals("move", tx.reducer());
            assertEquals(-1, tx.requestId(), "another client's call carries no request id");
        }
    }

    @Test
    void theHostingAppAndAJoinerSeeEachOther() throws Exception {
        try (SessionFixture f = new SessionFixture(null)) {
            LocalConnection host = new LocalConnection(f.engine, new Identity("host-identity"), "Host");
            host.subscribe("SELECT * FROM item").join();
            RemoteConnection joiner = f.joinWatchingAll("Joiner");

            host.call("put_item", Map.of("id", "h1", "x", 1.0, "y", 1.0)).join();
            joiner.call("move", Map.of("id", "h1", "x", 9.0, "y", 9.0)).join();

            Replicas.awaitEqual(joiner, f.engine, List.of("item"));
            Replicas.awaitEqual(host, f.engine, List.of("item"));
            assertEquals(9.0, host.replica().find("item", "h1").get(2));
            host.close();
        }
    }

    @Test
    void aChosenNameIsTidiedBeforeTheDocumentSeesIt() throws Exception {
        Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();
        Engine engine = TestDocument.builder(null).onConnect((ctx, a) -> {
            names.put(ctx.caller().id(), a.string("name"));
            return null;
        }).open();
        try (SessionFixture f = SessionFixture.hosting(engine, SessionLimits.DEFAULT)) {
            // A direction override and a line break could make a name pass for another, or break a label.
            RemoteConnection tricky = f.join("  A\u202eda\n Lovelace\u200b ");
            RemoteConnection nameless = f.join(" \u200b ");
            await().atMost(Duration.ofSeconds(10)).until(() -> names.size() == 2);
            assertEquals("Ada Lovelace", names.get(tricky.identity().id()));
            assertEquals("Guest", names.get(nameless.identity().id()));
        }
    }

    @Test
    void aResultForADurableChangeComesOnlyAfterItIsOnDisk() throws Exception {
        // Forced to disk (fsync) as a user's document is: an acknowledgement sent before the force would arrive
        // well before the durable offset moves, and be caught.
        Engine synced = TestDocument.builder(dir.resolve("durable.easel")).syncWrites(true).open();
        try (SessionFixture f = SessionFixture.hosting(synced, SessionLimits.DEFAULT);
                RawClient raw = new RawClient(Codecs.CBOR)) {
            raw.open(f.editorInvite().webSocketUri()).hello(KeyIdentity.generate(), "Writer");
            for (long id = 1; id <= 50; id++) {
                raw.send(new Message.Call(id, "put_item", Map.of("id", "d" + id, "x", 1.0, "y", 2.0)));
            }
            for (long id = 1; id <= 50; id++) {
                Message.Result r = raw.nextResult(id);
                assertTrue(r.ok(), r.errorMessage());
                assertTrue(f.engine.durableOffset() >= r.offset(),
                        "acknowledged offset " + r.offset() + " but durable only up to " + f.engine.durableOffset());
            }
            assertFalse(f.engine.rows("item").isEmpty());
        }
    }
}
