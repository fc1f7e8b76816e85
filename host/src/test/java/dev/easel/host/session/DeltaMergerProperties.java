package dev.easel.host.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.subscription.RowUpdate;
import dev.easel.engine.subscription.TableDelta;
import dev.easel.engine.table.Row;
import dev.easel.host.protocol.Message;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A slow client's backlog, merged into one delta, leaves its rows exactly as the transactions one by one would:
 * rows inserted, moved, deleted and inserted again, by commits of one or several rows each.
 */
class DeltaMergerProperties {
    private static final TableSchema ITEM = Schema.builder()
            .table("item", t -> t.column("id", ColumnType.STRING).column("x", ColumnType.I64)
                    .column("y", ColumnType.I64).primaryKey("id"))
            .build().table("item");
    private static final int KEYS = 6;

    /** One change a commit makes to row {@code key}: set column {@code column} (1 or 2) or delete the row. */
    record Step(int key, int column, long value, boolean delete) {
    }

    @Provide
    Arbitrary<List<List<Step>>> commits() {
        Arbitrary<Step> step = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, KEYS - 1),
                Arbitraries.integers().between(1, 2), Arbitraries.longs().between(0, 9),
                Arbitraries.integers().between(0, 3).map(d -> d == 0)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(3).list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 500)
    void aMergedBacklogLeavesTheRowsTheTransactionsWould(@ForAll("commits") List<List<Step>> commits,
            @ForAll("held") Set<Integer> heldAtStart) {
        Map<String, Object[]> host = new TreeMap<>();
        for (int k : heldAtStart) {
            host.put(key(k), new Object[] {key(k), 0L, 0L});
        }
        Map<String, Object[]> oneByOne = copy(host);
        Map<String, Object[]> merged = copy(host);

        DeltaMerger merger = new DeltaMerger(ITEM);
        for (List<Step> commit : commits) {
            TableDelta delta = commit(host, commit);
            applyDelta(oneByOne, delta);
            merger.add(delta);
        }
        applyMerged(merged, merger.toQueryUpdate(1));

        assertEquals(render(oneByOne), render(merged));
        assertEquals(render(host), render(merged));
    }

    @Provide
    Arbitrary<Set<Integer>> held() {
        return Arbitraries.integers().between(0, KEYS - 1).set();
    }

    /** Applies one commit's steps to the host's rows (one change per row) and returns its delta. */
    private static TableDelta commit(Map<String, Object[]> host, List<Step> steps) {
        TableDelta delta = new TableDelta(ITEM);
        Set<Integer> touched = new HashSet<>();
        for (Step s : steps) {
            if (!touched.add(s.key())) {
                continue; // the engine reports a row's net change once per commit
            }
            String id = key(s.key());
            Object[] before = host.get(id);
            if (before == null) {
                Object[] row = {id, 0L, 0L};
                row[s.column()] = s.value();
                host.put(id, row);
                delta.inserts().add(Row.of(row.clone()));
            } else if (s.delete()) {
                host.remove(id);
                delta.deletes().add(Row.of(before.clone()));
            } else {
                Object[] after = before.clone();
                after[s.column()] = s.value();
                host.put(id, after);
                delta.updates().add(new RowUpdate(Row.of(before.clone()), Row.of(after.clone()),
                        new int[] {s.column()}));
            }
        }
        return delta;
    }

    private static void applyDelta(Map<String, Object[]> client, TableDelta delta) {
        for (Row r : delta.inserts()) {
            client.put((String) r.get(0), r.toArray());
        }
        for (RowUpdate u : delta.updates()) {
            Object[] row = client.get((String) u.after().get(0));
            for (int c : u.changedColumns()) {
                row[c] = u.after().get(c);
            }
        }
        for (Row r : delta.deletes()) {
            client.remove((String) r.get(0));
        }
    }

    /** As PROTOCOL.md says a client applies a query update: each row named once, an insert may replace. */
    private static void applyMerged(Map<String, Object[]> client, Message.QueryUpdate u) {
        List<Object> named = new ArrayList<>();
        for (Object[] r : u.inserts()) {
            named.add(r[0]);
            client.put((String) r[0], r.clone());
        }
        for (Message.ColumnUpdate c : u.updates()) {
            named.add(c.primaryKey());
            Object[] row = client.get((String) c.primaryKey());
            assertTrue(row != null, "an update of " + c.primaryKey() + ", which the client does not hold");
            for (int i = 0; i < c.columns().length; i++) {
                row[c.columns()[i]] = c.values()[i];
            }
        }
        for (Object pk : u.deletes()) {
            named.add(pk);
            assertTrue(client.remove((String) pk) != null, "a delete of " + pk + ", which the client does not hold");
        }
        assertEquals(new HashSet<>(named).size(), named.size(), "a row named twice in " + named);
    }

    private static String key(int k) {
        return "k" + k;
    }

    private static Map<String, Object[]> copy(Map<String, Object[]> rows) {
        Map<String, Object[]> copy = new TreeMap<>();
        rows.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    private static String render(Map<String, Object[]> rows) {
        StringBuilder b = new StringBuilder();
        rows.forEach((k, v) -> b.append(Arrays.toString(v)).append('\n'));
        return b.toString();
    }
}
