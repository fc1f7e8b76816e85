package dev.easel.engine;

import static dev.easel.engine.Fixtures.node;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.subscription.Subscription;
import dev.easel.engine.subscription.SubscriptionListener;
import dev.easel.engine.subscription.TableDelta;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.CallResult;
import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.TxInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A durable-only subscriber is told of a commit (or given a snapshot) only once it is on disk. */
class DurableOnlySubscriptionTest {
    private static final Identity ME = new Identity("me");
    private static final Engine.SubscribeOptions DURABLE_ONLY = new Engine.SubscribeOptions(true, -1);

    @TempDir
    Path dir;

    /** What a listener was told, with the engine's durable offset at that moment. */
    private record Told(String what, long offset, long durableThen, int rows) {
    }

    private static SubscriptionListener telling(Engine e, List<Told> log) {
        return new SubscriptionListener() {
            @Override
            public void onSnapshot(Subscription s, long offset, List<Row> rows) {
                log.add(new Told("snapshot", offset, e.durableOffset(), rows.size()));
            }

            @Override
            public void onDelta(Subscription s, TxInfo tx, TableDelta delta) {
                log.add(new Told("delta", tx.offset(), e.durableOffset(), delta.size()));
            }
        };
    }

    @Test
    void snapshotAndDeltasWaitForTheDisk() {
        try (Engine e = Fixtures.engine().document(dir.resolve("doc.easel")).open()) {
            List<Told> told = new CopyOnWriteArrayList<>();
            List<CompletableFuture<CallResult>> calls = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                calls.add(e.call(ME, "create", node("n" + i, "", i)));
            }
            // Subscribed while most of those commits are still on their way to the disk.
            e.subscribe(ME, "SELECT * FROM node", Map.of(), telling(e, told), DURABLE_ONLY);
            for (int i = 150; i < 300; i++) {
                calls.add(e.call(ME, "create", node("n" + i, "", i)));
            }
            calls.forEach(CompletableFuture::join);
            await().atMost(Duration.ofSeconds(10)).until(() -> told.size() == 151);

            assertEquals(new Told("snapshot", 150, told.get(0).durableThen(), 150), told.get(0));
            for (int i = 0; i < told.size(); i++) {
                Told t = told.get(i);
                assertEquals(150 + i, t.offset(), "in offset order, none missing");
                assertTrue(t.durableThen() >= t.offset(), () -> "told of " + t.offset() + " before it was on disk: " + t);
            }
        }
    }

    @Test
    void transientCommitsWaitForTheDurableOnesBeforeThem() {
        try (Engine e = Fixtures.engine().document(dir.resolve("doc.easel")).open()) {
            List<Told> told = new CopyOnWriteArrayList<>();
            e.subscribe(ME, "SELECT * FROM cursor", Map.of(), telling(e, told), DURABLE_ONLY);
            for (int i = 0; i < 50; i++) {
                e.call(ME, "create", node("n" + i, "", i));
                e.call(ME, "cursor", Args.of("id", "me", "x", (double) i));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> told.size() == 51);
            for (Told t : told) {
                assertTrue(t.durableThen() >= t.offset(), t::toString);
            }
        }
    }

    @Test
    void inMemoryEnginesTellAtOnce() {
        try (Engine e = Fixtures.engine().open()) {
            Fixtures.Recorder recorder = new Fixtures.Recorder();
            e.subscribe(ME, "SELECT * FROM node", Map.of(), recorder, DURABLE_ONLY);
            e.call(ME, "create", node("a", "", 0)).join();
            assertEquals(List.of(1L), recorder.offsets());
        }
    }
}
