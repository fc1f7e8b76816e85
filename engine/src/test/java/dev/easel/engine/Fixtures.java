package dev.easel.engine;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.easel.engine.replica.QueryChange;
import dev.easel.engine.replica.Replica;
import dev.easel.engine.replica.RowPatch;
import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.schema.IndexDef;
import dev.easel.engine.schema.IndexKind;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.schema.Values;
import dev.easel.engine.subscription.RowUpdate;
import dev.easel.engine.subscription.Subscription;
import dev.easel.engine.subscription.SubscriptionListener;
import dev.easel.engine.subscription.TableDelta;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.Reducer;
import dev.easel.engine.tx.ReducerException;
import dev.easel.engine.tx.TableHandle;
import dev.easel.engine.tx.TxInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the engine tests share: a small document schema, its reducers, and ways to watch subscriptions. */
public final class Fixtures {
    /**
     * {@code node} is durable with every kind of index; {@code cursor} is transient. Column positions:
     * node(id 0, parent 1, x 2, name 3, z 4), cursor(id 0, x 1).
     */
    public static final Schema SCHEMA = Schema.builder()
            .table("node", t -> t.column("id", ColumnType.STRING).primaryKey("id")
                    .column("parent", ColumnType.STRING, "")
                    .column("x", ColumnType.F64, 0.0)
                    .nullable("name", ColumnType.STRING)
                    .column("z", ColumnType.I64, 0L)
                    .hashIndex("by_parent", "parent")
                    .orderedIndex("by_x", "x")
                    .unique("by_name", "name"))
            .table("cursor", t -> t.transientTable().column("id", ColumnType.STRING).primaryKey("id")
                    .column("x", ColumnType.F64, 0.0))
            .build();

    private Fixtures() {
    }

    /** An engine over {@link #SCHEMA} with reducers to create, move, rename and delete nodes and move cursors. */
    public static Engine.Builder engine() {
        return Engine.builder(SCHEMA)
                .reducer("create", (ctx, a) -> ctx.table("node").insert(Map.of("id", a.string("id"),
                        "parent", a.string("parent", ""), "x", a.f64("x", 0.0))))
                .reducer("move", (ctx, a) -> ctx.table("node").set(a.string("id"), 2, a.f64("x")))
                .reducer("rename", (ctx, a) -> {
                    Map<String, Object> patch = new HashMap<>();
                    patch.put("name", a.raw("name"));
                    return ctx.table("node").update(a.string("id"), patch);
                })
                .reducer("delete", (ctx, a) -> ctx.table("node").delete(a.string("id")))
                .reducer("cursor", (ctx, a) -> ctx.table("cursor").upsert(Row.of(a.string("id"), a.f64("x"))));
    }

    public static Args node(String id, String parent, double x) {
        return Args.of("id", id, "parent", parent, "x", x);
    }

    /**
     * A reducer that checks every index of the schema against a scan of its table and returns what disagrees
     * (an empty list if all is well): {@code findBy} for each stored value, null and each probe value of the
     * column's type, and for ordered indexes {@code range} between each pair of them, in key order. Probe values
     * (argument {@code probe}, a list) catch entries left behind for values no row holds any more.
     */
    public static Reducer indexChecker(Schema schema) {
        return (ctx, a) -> {
            List<Object> probes = a.has("probe") ? a.list("probe") : List.of();
            List<String> problems = new ArrayList<>();
            for (TableSchema t : schema.tables()) {
                TableHandle table = ctx.table(t.id());
                List<Row> rows = table.scan();
                for (IndexDef index : t.indexes()) {
                    checkIndex(table, index, rows, probes, problems);
                }
            }
            return problems;
        };
    }

    private static void checkIndex(TableHandle table, IndexDef index, List<Row> rows, List<Object> probes,
            List<String> problems) {
        int c = index.column();
        Class<?> type = table.schema().column(c).type().javaType();
        List<Object> values = new ArrayList<>();
        values.add(null);
        rows.forEach(r -> values.add(r.get(c)));
        probes.stream().filter(type::isInstance).forEach(values::add);
        String where = table.schema().name() + "." + index.name();
        for (Object v : values) {
            List<Row> expected = rows.stream().filter(r -> Values.equal(r.get(c), v)).toList();
            compare(where + " findBy " + v, expected, table.findBy(index.name(), v), problems);
        }
        if (index.kind() != IndexKind.ORDERED) {
            return;
        }
        for (Object from : values) {
            for (Object to : values) {
                List<Row> expected = rows.stream()
                        .filter(r -> r.get(c) != null
                                && (from == null || Values.compare(r.get(c), from) >= 0)
                                && (to == null || Values.compare(r.get(c), to) <= 0))
                        .toList();
                List<Row> actual = table.range(index.name(), from, to);
                compare(where + " range [" + from + ", " + to + "]", expected, actual, problems);
                for (int i = 1; i < actual.size(); i++) {
                    if (actual.get(i - 1) != null && actual.get(i) != null
                            && Values.compare(actual.get(i - 1).get(c), actual.get(i).get(c)) > 0) {
                        problems.add(where + " range is out of key order: " + actual);
                    }
                }
            }
        }
    }

    private static void compare(String what, List<Row> expected, List<Row> actual, List<String> problems) {
        if (actual.size() != expected.size() || !new HashSet<>(actual).equals(new HashSet<>(expected))) {
            problems.add(what + ": expected " + expected + ", got " + actual);
        }
    }

    /** The error a call failed with; fails the test if the call succeeded. */
    public static ReducerException failure(CompletableFuture<?> call) {
        CompletionException e = assertThrows(CompletionException.class, call::join);
        return assertInstanceOf(ReducerException.class, e.getCause());
    }

    /** A subscription's delta as a client receives it: updates carry the primary key and changed columns only. */
    public static QueryChange toQueryChange(Subscription s, TableDelta d) {
        return toQueryChange(s.id(), d);
    }

    /** The same, filed under the client's own query id (a resumed subscription carries on an old query). */
    public static QueryChange toQueryChange(long queryId, TableDelta d) {
        TableSchema t = d.table();
        List<RowPatch> patches = new ArrayList<>(d.updates().size());
        for (RowUpdate u : d.updates()) {
            int[] columns = u.changedColumns();
            Object[] values = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                values[i] = u.after().get(columns[i]);
            }
            patches.add(new RowPatch(u.after().get(t.primaryKey()), columns.clone(), values));
        }
        List<Object> deletes = d.deletes().stream().map(r -> r.get(t.primaryKey())).toList();
        return new QueryChange(queryId, t, List.copyOf(d.inserts()), patches, deletes);
    }

    /** A listener that keeps a replica in step with one subscription, one transaction per delta. */
    public static SubscriptionListener feeding(Replica replica) {
        return new SubscriptionListener() {
            @Override
            public void onSnapshot(Subscription s, long offset, List<Row> rows) {
                replica.applySnapshot(s.id(), s.table(), rows, offset);
            }

            @Override
            public void onDelta(Subscription s, TxInfo tx, TableDelta delta) {
                replica.applyTransaction(tx, List.of(toQueryChange(s, delta)), null);
            }
        };
    }

    /** Records everything a subscription hears, in arrival order; safe to read from any thread. */
    public static final class Recorder implements SubscriptionListener {
        public record Snapshot(long offset, List<Row> rows) {
        }

        public record Delta(TxInfo tx, TableDelta delta) {
        }

        private final List<Snapshot> snapshots = new CopyOnWriteArrayList<>();
        private final List<Delta> deltas = new CopyOnWriteArrayList<>();

        @Override
        public void onSnapshot(Subscription s, long offset, List<Row> rows) {
            snapshots.add(new Snapshot(offset, List.copyOf(rows)));
        }

        @Override
        public void onDelta(Subscription s, TxInfo tx, TableDelta delta) {
            deltas.add(new Delta(tx, delta));
        }

        public List<Snapshot> snapshots() {
            return snapshots;
        }

        public List<Delta> deltas() {
            return deltas;
        }

        public List<Long> offsets() {
            return deltas.stream().map(d -> d.tx().offset()).toList();
        }
    }
}
