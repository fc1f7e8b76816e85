package dev.easel.host.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.replica.ReplicaListener;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Row;
import dev.easel.host.client.RemoteConnection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A joiner applies what the host sends on the selector thread that read it (see {@code ReadsOnSelector}), not
 * after a hand-off to a pool thread. Jetty runs such a read through its "produce-consume" path,
 * {@code AdaptiveExecutionStrategy.pcRunTask}, which it uses only for tasks declared non-blocking; a read
 * declared blocking goes through another path. (If a Jetty upgrade renames that method, look for its new name.)
 */
class JoinerReadThreadTest {
    @Test
    void transactionsAreAppliedOnTheSelectorThreadThatReadThem() throws Exception {
        try (SessionFixture f = new SessionFixture(null)) {
            RemoteConnection editor = f.joinWatchingAll("Ada");
            RemoteConnection watcher = f.joinWatchingAll("Bo");
            List<Boolean> onSelector = new CopyOnWriteArrayList<>();
            CountDownLatch all = new CountDownLatch(5);
            watcher.replica().addListener(new ReplicaListener() {
                @Override
                public void onInsert(TableSchema table, Row row) {
                    onSelector.add(StackWalker.getInstance().walk(frames -> frames.anyMatch(
                            fr -> fr.getClassName().endsWith("AdaptiveExecutionStrategy")
                                    && fr.getMethodName().equals("pcRunTask"))));
                    all.countDown();
                }
            });
            for (int i = 0; i < 5; i++) {
                editor.call("put_item", Map.of("id", "n" + i, "x", 1.0, "y", 2.0)).join();
            }
            assertTrue(all.await(10, TimeUnit.SECONDS), "every insert reached the watcher");
            assertEquals(List.of(true, true, true, true, true), onSelector);
        }
    }
}
