package dev.easel.engine.subscription;

import dev.easel.engine.query.EqualityKey;
import dev.easel.engine.query.Query;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.schema.Values;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.CommitRecord;
import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.RowChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files live subscriptions by table and, where a filter pins a column to one value, by that value, so a
 * commit costs in proportion to the rows it changed and the subscriptions those rows can affect, not to the
 * number of subscribers or the size of the tables. Not thread-safe: the engine calls it under its writer lock.
 */
public final class SubscriptionManager {
    private final PerTable[] tables;
    private long nextId = 1;
    private int count;

    /** The subscriptions of one table. */
    private static final class PerTable {
        final List<Subscription> unfiltered = new ArrayList<>();
        /** column -> value -> subscriptions whose filter requires that column to hold that value. */
        final Map<Integer, Map<Object, List<Subscription>>> byEquality = new HashMap<>();
        int[] keyedColumns = new int[0];

        boolean isEmpty() {
            return unfiltered.isEmpty() && keyedColumns.length == 0;
        }

        void refreshKeyedColumns() {
            keyedColumns = byEquality.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        }
    }

    /** A delta computed for one subscription, waiting to be handed to its listener. */
    public record Pending(Subscription subscription, TableDelta delta) {
        public void deliver(dev.easel.engine.tx.TxInfo info) {
            if (subscription.active()) {
                subscription.listener().onDelta(subscription, info, delta);
            }
        }
    }

    public SubscriptionManager(Schema schema) {
        this.tables = new PerTable[schema.tables().size()];
        for (int i = 0; i < tables.length; i++) {
            tables[i] = new PerTable();
        }
    }

    public Subscription add(Identity subscriber, Query.Bound query, SubscriptionListener listener, boolean durableOnly) {
        Subscription s = new Subscription(nextId++, subscriber, query, listener, durableOnly);
        PerTable t = tables[query.table().id()];
        EqualityKey key = s.equalityKey();
        if (key == null) {
            t.unfiltered.add(s);
        } else {
            boolean newColumn = !t.byEquality.containsKey(key.column());
            t.byEquality.computeIfAbsent(key.column(), c -> new HashMap<>())
                    .computeIfAbsent(key.value(), v -> new ArrayList<>(2)).add(s);
            if (newColumn) {
                t.refreshKeyedColumns();
            }
        }
        count++;
        return s;
    }

    public void remove(Subscription s) {
        if (!s.active()) {
            return;
        }
        s.cancel();
        PerTable t = tables[s.table().id()];
        EqualityKey key = s.equalityKey();
        if (key == null) {
            t.unfiltered.remove(s);
        } else {
            Map<Object, List<Subscription>> byValue = t.byEquality.get(key.column());
            List<Subscription> list = byValue.get(key.value());
            list.remove(s);
            if (list.isEmpty()) {
                byValue.remove(key.value());
                if (byValue.isEmpty()) {
                    t.byEquality.remove(key.column());
                    t.refreshKeyedColumns();
                }
            }
        }
        count--;
    }

    public int count() {
        return count;
    }

    /** Each affected subscription's share of a commit, in order of first effect. */
    public List<Pending> evaluate(CommitRecord record) {
        Map<Subscription, TableDelta> out = null;
        for (RowChange change : record.changes()) {
            PerTable t = tables[change.table().id()];
            if (t.isEmpty()) {
                continue;
            }
            for (Subscription s : t.unfiltered) {
                out = apply(s, change, out);
            }
            Row before = change.before();
            Row after = change.after();
            for (int column : t.keyedColumns) {
                Map<Object, List<Subscription>> byValue = t.byEquality.get(column);
                Object b = before == null ? null : before.get(column);
                Object a = after == null ? null : after.get(column);
                if (before != null) {
                    out = applyAll(byValue.get(b), change, out);
                }
                if (after != null && (before == null || !Values.equal(a, b))) {
                    out = applyAll(byValue.get(a), change, out);
                }
            }
        }
        if (out == null) {
            return List.of();
        }
        List<Pending> result = new ArrayList<>(out.size());
        for (Map.Entry<Subscription, TableDelta> e : out.entrySet()) {
            result.add(new Pending(e.getKey(), e.getValue()));
        }
        return result;
    }

    /** One subscription's share of a past commit: how a resuming subscriber catches up without a snapshot. */
    public static TableDelta deltaFor(Subscription s, CommitRecord record) {
        Map<Subscription, TableDelta> out = null;
        for (RowChange change : record.changes()) {
            if (change.table().id() == s.table().id()) {
                out = apply(s, change, out);
            }
        }
        return out == null ? null : out.get(s);
    }

    private static Map<Subscription, TableDelta> applyAll(List<Subscription> subs, RowChange change,
            Map<Subscription, TableDelta> out) {
        if (subs != null) {
            for (Subscription s : subs) {
                out = apply(s, change, out);
            }
        }
        return out;
    }

    private static Map<Subscription, TableDelta> apply(Subscription s, RowChange change, Map<Subscription, TableDelta> out) {
        boolean was = change.before() != null && s.matches(change.before());
        boolean is = change.after() != null && s.matches(change.after());
        if (!was && !is) {
            return out;
        }
        if (out == null) {
            out = new LinkedHashMap<>(4);
        }
        TableDelta d = out.get(s);
        if (d == null) {
            d = new TableDelta(s.table());
            out.put(s, d);
        }
        if (was && is) {
            d.updates().add(new RowUpdate(change.before(), change.after(), change.changedColumns()));
        } else if (was) {
            d.deletes().add(change.before());
        } else {
            d.inserts().add(change.after());
        }
        return out;
    }
}
