package dev.easel.host.session;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.Engine;
import dev.easel.engine.replica.ReplicaListener;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Row;
import dev.easel.host.server.SessionLimits;

import dev.easel.host.client.RemoteConnection;
import dev.easel.host.identity.KeyIdentity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A cut connection resumes by itself; calls made meanwhile are applied exactly once. */
class ReconnectTest {
    @Test
    void aCutMidStreamResumesAndAppliesQueuedCallsOnce() throws Exception {
        try (SessionFixture f = new SessionFixture(null)) {
            RemoteConnection editor = f.joinWatchingAll("Editor");
            RemoteConnection joiner = f.joinWatchingAll("Joiner");
            List<Connection.State> states = new java.util.concurrent.CopyOnWriteArrayList<>();
            joiner.addStateListener(states::add);
            for (int i = 0; i < 20; i++) {
                editor.call("put_item", Map.of("id", "n" + i, "x", 0.0, "y", 0.0)).join();
            }

            List<CompletableFuture<Object>> calls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                calls.add(editor.call("move", Map.of("id", "n" + (i % 20), "x", (double) i, "y", 1.0)));
                calls.add(joiner.call("increment", Map.of("id", "c")));
                if (i == 30 || i == 70) {
                    f.session.dropAllConnections();
                }
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();

            assertEquals(100L, f.engine.find("counter", "c").get(1), "every increment applied exactly once");
            Replicas.awaitEqual(joiner, f.engine, TestDocument.allTables());
            Replicas.awaitEqual(editor, f.engine, TestDocument.allTables());
            await().atMost(Duration.ofSeconds(10)).until(() -> joiner.state() == Connection.State.CONNECTED);
            assertEquals(true, states.contains(Connection.State.RECONNECTING), "the joiner noticed the cut");
            assertTrue(joiner.caughtUpByResuming(), "the host still held the commits missed: they were resent");
        }
    }

    /**
     * Away while others delete, move and add rows, a joiner is told just the net change when it is back: from
     * the commits it missed if the host still holds them, else from fresh snapshots reconciled into its replica.
     */
    @ParameterizedTest(name = "the host keeps {0} commits")
    @ValueSource(ints = {10_000, 2})
    void aJoinerBackFromAnOutageSeesJustTheNetChange(int historyLimit) throws Exception {
        Engine engine = TestDocument.builder(null).historyLimit(historyLimit).open();
        try (SessionFixture f = SessionFixture.hosting(engine, SessionLimits.DEFAULT);
                LinkProxy proxy = new LinkProxy(f.server.port())) {
            RemoteConnection editor = f.joinWatchingAll("Editor");
            for (int i = 0; i < 5; i++) {
                editor.call("put_item", Map.of("id", "n" + i, "x", 0.0, "y", 0.0)).join();
            }
            RemoteConnection joiner = f.join("Joiner", proxy.route(f.editorInvite()), RemoteConnection.Options.DEFAULT);
            joiner.subscribe("SELECT * FROM item").join();
            List<String> told = new CopyOnWriteArrayList<>();
            joiner.replica().addListener(new ReplicaListener() {
                @Override
                public void onInsert(TableSchema table, Row row) {
                    told.add("insert " + row.get(0));
                }

                @Override
                public void onUpdate(TableSchema table, Row before, Row after) {
                    told.add("update " + after.get(0));
                }

                @Override
                public void onDelete(TableSchema table, Row row) {
                    told.add("delete " + row.get(0));
                }
            });

            proxy.cut();
            await().atMost(Duration.ofSeconds(10)).until(() -> joiner.state() == Connection.State.RECONNECTING);
            editor.call("delete_item", Map.of("id", "n0")).join();
            editor.call("move", Map.of("id", "n1", "x", 5.0, "y", 5.0)).join();
            editor.call("put_item", Map.of("id", "n5", "x", 0.0, "y", 0.0)).join();
            for (int i = 0; i < 3; i++) {
                editor.call("increment", Map.of("id", "c")).join(); // more commits than a short history holds
            }
            proxy.restore();

            await().atMost(Duration.ofSeconds(30)).until(() -> joiner.state() == Connection.State.CONNECTED);
            Replicas.awaitEqual(joiner, f.engine, List.of("item"));
            assertEquals(historyLimit > 6, joiner.caughtUpByResuming());
            assertEquals(List.of("delete n0", "insert n5", "update n1"), told.stream().sorted().toList());
        }
    }

    @Test
    void aParticipantWhoLeavesAndJoinsAgainHasEveryCallApplied() throws Exception {
        try (SessionFixture f = new SessionFixture(null)) {
            KeyIdentity keys = KeyIdentity.generate();
            for (int visit = 1; visit <= 3; visit++) {
                // Each visit is a new connection of the same installation (the app closed and joined again).
                try (RemoteConnection visitor = RemoteConnection.join(f.editorInvite(), keys, "Visitor",
                        RemoteConnection.Options.DEFAULT)) {
                    if (visit == 1) {
                        visitor.call("put_item", Map.of("id", "mark", "x", 0.0, "y", 0.0)).join();
                    }
                    visitor.call("increment", Map.of("id", "visits")).join();
                    visitor.call("move", Map.of("id", "mark", "x", (double) visit, "y", 0.0)).join();
                }
                assertEquals((long) visit, f.engine.find("counter", "visits").get(1), "visit " + visit + " counted");
                assertEquals((double) visit, f.engine.find("item", "mark").get(2), "visit " + visit + " moved it");
            }
        }
    }

    @Test
    void aJoinerWhoseSessionEndedStopsAndSaysSo() throws Exception {
        assertJoinerStopsWhen(f -> f.server.end(f.session));
    }

    @Test
    void aJoinerWhoseHostStoppedServingStopsInsteadOfRetryingForever() throws Exception {
        // The headless host stops: the server closes with its session still open.
        assertJoinerStopsWhen(f -> f.server.close());
    }

    @Test
    void aJoinerWhoseHostEndedTheSessionAndStoppedServingStops() throws Exception {
        // The app stops hosting: it ends the session, then closes the server at once.
        assertJoinerStopsWhen(f -> {
            f.server.end(f.session);
            f.server.close();
        });
    }

    private static void assertJoinerStopsWhen(java.util.function.Consumer<SessionFixture> stopHosting) throws Exception {
        try (SessionFixture f = new SessionFixture(null)) {
            RemoteConnection joiner = f.joinWatchingAll("Joiner");
            List<CallFailedException> told = new java.util.concurrent.CopyOnWriteArrayList<>();
            joiner.addErrorListener(told::add);
            stopHosting.accept(f);
            await().atMost(Duration.ofSeconds(10)).until(() -> joiner.state() == Connection.State.CLOSED);
            assertEquals(true, told.stream().anyMatch(e -> e.getMessage().contains("ended")), String.valueOf(told));
        }
    }
}
