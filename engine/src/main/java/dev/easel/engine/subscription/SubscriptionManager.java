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
import java.util.List;
import java.util.Map;

/**
 * Files live subscriptions by table and, where a filter pins a column to one value, by that value, so a
 * commit costs in proportion to the rows it changed and the subscriptions those rows can affect, not to the
 * number of subscribers or the size of the tables. Not thread-safe: the engine calls it under its writer lock.
 */
public final class SubscriptionManager {
    private final PerTable[] tables;
    /** Subscriptions that match the same rows share one delta per commit. */
    private final Map<Object, SharedQuery> shared = new HashMap<>();
    private long nextId = 1;
    /** Numbers the calls of {@link #evaluate}, to tell a subscription's current delta from a stale one. */
    private long evaluation;
    private int count;

    /** The subscriptions of one table. */
    private static final class PerTable {
        final List<Subscription> unfiltered = new ArrayList<>();
        /** By column: value -> subscriptions whose filter requires that column to hold that value (or null). */
        final Map<Object, List<Subscription>>[] byEquality;
        int[] keyedColumns = new int[0];

        @SuppressWarnings("unchecked")
        PerTable(int columns) {
            byEquality = new Map[columns];
        }

        boolean isEmpty() {
            return unfiltered.isEmpty() && keyedColumns.length == 0;
        }

        void refreshKeyedColumns() {
            int n = 0;
            for (Map<Object, List<Subscription>> m : byEquality) {
                n += m == null ? 0 : 1;
            }
            int[] keyed = new int[n];
            int k = 0;
            for (int c = 0; c < byEquality.length; c++) {
                if (byEquality[c] != null) {
                    keyed[k++] = c;
                }
            }
            keyedColumns = keyed;
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
            tables[i] = new PerTable(schema.table(i).columnCount());
        }
    }

    public Subscription add(Identity subscriber, Query.Bound query, SubscriptionListener listener, boolean durableOnly) {
        Subscription s = new Subscription(nextId++, subscriber, query, listener, durableOnly);
        s.shared = shared.computeIfAbsent(s.sameRowsKey(), SharedQuery::new);
        s.shared.subscribers++;
        PerTable t = tables[query.table().id()];
        EqualityKey key = s.equalityKey();
        if (key == null) {
            t.unfiltered.add(s);
        } else {
            Map<Object, List<Subscription>> byValue = t.byEquality[key.column()];
            if (byValue == null) {
                byValue = new HashMap<>();
                t.byEquality[key.column()] = byValue;
                t.refreshKeyedColumns();
            }
            byValue.computeIfAbsent(key.value(), v -> new ArrayList<>(2)).add(s);
        }
        count++;
        return s;
    }

    public void remove(Subscription s) {
        if (!s.active()) {
            return;
        }
        s.cancel();
        if (--s.shared.subscribers == 0) {
            shared.remove(s.shared.key);
        }
        PerTable t = tables[s.table().id()];
        EqualityKey key = s.equalityKey();
        if (key == null) {
            t.unfiltered.remove(s);
        } else {
            Map<Object, List<Subscription>> byValue = t.byEquality[key.column()];
            List<Subscription> list = byValue.get(key.value());
            list.remove(s);
            if (list.isEmpty()) {
                byValue.remove(key.value());
                if (byValue.isEmpty()) {
                    t.byEquality[key.column()] = null;
                    t.refreshKeyedColumns();
                }
            }
        }
        count--;
    }

    public int count() {
        return count;
    }

    /**
     * Each affected subscription's share of a commit, in order of first effect. Subscriptions matching the same
     * rows are handed the same delta, built once (see {@link SharedQuery}); finding it again costs field reads
     * rather than map lookups.
     */
    public List<Pending> evaluate(CommitRecord record) {
        List<Pending> out = null;
        long round = ++evaluation;
        for (RowChange change : record.changes()) {
            PerTable t = tables[change.table().id()];
            if (t.isEmpty()) {
                continue;
            }
            List<Subscription> unfiltered = t.unfiltered;
            if (out == null && !unfiltered.isEmpty()) {
                // Sized for the table's watchers: a commit to the cursors reaches every one of them.
                out = new ArrayList<>(unfiltered.size() + 1);
            }
            for (int i = 0, n = unfiltered.size(); i < n; i++) {
                out = apply(unfiltered.get(i), change, round, out);
            }
            Row before = change.before();
            Row after = change.after();
            for (int column : t.keyedColumns) {
                Map<Object, List<Subscription>> byValue = t.byEquality[column];
                Object b = before == null ? null : before.get(column);
                Object a = after == null ? null : after.get(column);
                if (before != null) {
                    out = applyAll(byValue.get(b), change, round, out);
                }
                if (after != null && (before == null || !Values.equal(a, b))) {
                    out = applyAll(byValue.get(a), change, round, out);
                }
            }
        }
        return out == null || out.isEmpty() ? List.of() : out;
    }

    private static List<Pending> applyAll(List<Subscription> subs, RowChange change, long round, List<Pending> out) {
        if (subs != null) {
            for (int i = 0, n = subs.size(); i < n; i++) {
                out = apply(subs.get(i), change, round, out);
            }
        }
        return out;
    }

    private static List<Pending> apply(Subscription s, RowChange change, long round, List<Pending> out) {
        SharedQuery q = s.shared;
        if (!q.offer(s, s.table(), change, round)) {
            return out;
        }
        if (s.scratchRound != round) {
            s.scratchRound = round;
            if (out == null) {
                out = new ArrayList<>(2);
            }
            out.add(new Pending(s, q.delta()));
        }
        return out;
    }

    static void add(TableDelta d, RowChange change, boolean was, boolean is) {
        if (was && is) {
            d.addUpdate(new RowUpdate(change.before(), change.after(), change.changedColumns()));
        } else if (was) {
            d.addDelete(change.before());
        } else {
            d.addInsert(change.after());
        }
    }

    /** One subscription's share of a past commit: how a resuming subscriber catches up without a snapshot. */
    public static TableDelta deltaFor(Subscription s, CommitRecord record) {
        TableDelta d = null;
        for (RowChange change : record.changes()) {
            if (change.table().id() != s.table().id()) {
                continue;
            }
            boolean was = change.before() != null && s.matches(change.before());
            boolean is = change.after() != null && s.matches(change.after());
            if (was || is) {
                if (d == null) {
                    d = new TableDelta(s.table());
                }
                add(d, change, was, is);
            }
        }
        return d;
    }
}
