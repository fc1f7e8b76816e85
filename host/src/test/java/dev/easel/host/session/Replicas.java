package dev.easel.host.session;

import static org.awaitility.Awaitility.await;

import dev.easel.engine.Engine;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Row;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Compares what a connection's replica shows with the host's tables. */
final class Replicas {
    private Replicas() {
    }

    static Map<Object, Row> hostRows(Engine engine, String table) {
        TableSchema t = engine.schema().require(table);
        Map<Object, Row> out = new HashMap<>();
        for (Row r : engine.rows(table)) {
            out.put(r.get(t.primaryKey()), r);
        }
        return out;
    }

    static Map<Object, Row> replicaRows(Connection c, String table) {
        TableSchema t = c.schema().require(table);
        Map<Object, Row> out = new HashMap<>();
        for (Row r : c.replica().rows(table)) {
            out.put(r.get(t.primaryKey()), r);
        }
        return out;
    }

    static boolean matches(Connection c, Engine engine, List<String> tables) {
        for (String t : tables) {
            if (!Objects.equals(hostRows(engine, t), replicaRows(c, t))) {
                return false;
            }
        }
        return true;
    }

    /** Waits until the replica shows exactly the host's rows of these tables. */
    static void awaitEqual(Connection c, Engine engine, List<String> tables) {
        await().atMost(Duration.ofSeconds(20)).until(() -> matches(c, engine, tables));
    }
}
