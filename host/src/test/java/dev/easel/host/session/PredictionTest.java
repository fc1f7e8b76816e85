package dev.easel.host.session;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.easel.engine.replica.Replica;
import dev.easel.engine.replica.ReplicaListener;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Row;
import dev.easel.host.client.RemoteConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Over a link that delays every frame by 100 ms, a predicted move shows at once and ends in the host's state. */
class PredictionTest {
    @Test
    void aPredictedMoveShowsAtOnceAndSettlesOnTheHostsState() throws Exception {
        try (SessionFixture f = new SessionFixture(null); LinkProxy proxy = new LinkProxy(f.server.port(), 100)) {
            RemoteConnection joiner = farJoinerWithAnItem(f, proxy);
            TableSchema item = joiner.schema().require("item");
            Row moved = joiner.replica().find("item", "n1").with(item.columnIndex("x"), 250.0);
            long start = System.nanoTime();
            CompletableFuture<Object> call = joiner.call("move", Map.of("id", "n1", "x", 250.0, "y", 1.0),
                    List.of(new Replica.Prediction(item, "n1", moved)));
            assertEquals(250.0, joiner.replica().find("item", "n1").get(item.columnIndex("x")),
                    "the prediction shows before any answer could arrive");
            assertFalse(call.isDone(), "the host cannot have answered yet over a 100 ms link");
            call.join();
            assertEquals(true, (System.nanoTime() - start) >= 100_000_000L);
            Replicas.awaitEqual(joiner, f.engine, List.of("item"));
            assertFalse(joiner.replica().hasPredictions());
        }
    }

    @Test
    void aFailedCallsPredictionIsWithdrawnAndTheListenersAreToldOfBothSteps() throws Exception {
        try (SessionFixture f = new SessionFixture(null); LinkProxy proxy = new LinkProxy(f.server.port(), 100)) {
            RemoteConnection joiner = farJoinerWithAnItem(f, proxy);
            TableSchema item = joiner.schema().require("item");
            int x = item.columnIndex("x");
            List<String> told = new CopyOnWriteArrayList<>();
            joiner.replica().addListener(new ReplicaListener() {
                @Override
                public void onUpdate(TableSchema table, Row before, Row after) {
                    told.add(after.get(0) + " x " + before.get(x) + " -> " + after.get(x));
                }
            });

            Row predicted = joiner.replica().find("item", "n1").with(x, 555.0);
            CompletableFuture<Object> call = joiner.call("fail_after_write", Map.of("id", "n1"),
                    List.of(new Replica.Prediction(item, "n1", predicted)));
            assertEquals(555.0, joiner.replica().find("item", "n1").get(x));
            assertFalse(call.isDone(), "the host cannot have answered yet over a 100 ms link");
            assertThrows(CompletionException.class, call::join);
            await().atMost(Duration.ofSeconds(5)).until(() -> !joiner.replica().hasPredictions());
            assertEquals(1.0, joiner.replica().find("item", "n1").get(x));
            Replicas.awaitEqual(joiner, f.engine, List.of("item"));
            assertEquals(List.of("n1 x 1.0 -> 555.0", "n1 x 555.0 -> 1.0"), told);
        }
    }

    /** A joiner behind the slow link, holding item n1 at (1, 1). */
    private static RemoteConnection farJoinerWithAnItem(SessionFixture f, LinkProxy proxy) {
        RemoteConnection joiner = f.join("Far", proxy.route(f.editorInvite()), RemoteConnection.Options.DEFAULT);
        joiner.subscribe("SELECT * FROM item").join();
        joiner.call("put_item", Map.of("id", "n1", "x", 1.0, "y", 1.0)).join();
        Replicas.awaitEqual(joiner, f.engine, List.of("item"));
        return joiner;
    }
}
