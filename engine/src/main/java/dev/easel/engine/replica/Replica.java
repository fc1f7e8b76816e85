package dev.easel.engine.replica;

import dev.easel.engine.schema.Schema;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.schema.Values;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.TxInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A client's local copy of the rows its subscriptions match, built from snapshots and deltas. A row held by
 * several subscriptions is kept once and leaves when the last of them lets go. Predicted changes (a call's
 * expected effect) sit in an overlay above the confirmed rows until the host answers. Listeners hear about
 * changes to what is visible, after each whole batch. Thread-safe: all methods synchronize on the replica.
 */
public final class Replica {
    private final Schema schema;
    private final Map<Object, Held>[] confirmed;
    private final Map<Long, QueryRows> queries = new HashMap<>();
    /** Outstanding predictions in call order; the newest prediction of a row is what shows. */
    private final LinkedHashMap<Object, Map<Key, Row>> predictions = new LinkedHashMap<>();
    private final List<ReplicaListener> listeners = new CopyOnWriteArrayList<>();
    private long offset;
    /** Batches begun so far: each {@link Changes} has its own stamp. */
    private long batches;

    /** Stands for "deleted" in a prediction. */
    private static final Row GONE = Row.wrap(new Object[0]);

    private static final class Held {
        /**
         * The row's key as first received: a patch arriving later carries an equal but distinct key object, and
         * looking rows up by this one spares comparing long string keys character by character again.
         */
        final Key key;
        Row row;
        int holders;
        /** The last batch ({@link Changes#stamp}) whose patches touched this row while it only patched rows. */
        long patchedIn;

        Held(Key key, Row row) {
            this.key = key;
            this.row = row;
        }
    }

    private record QueryRows(TableSchema table, Set<Object> keys) {
    }

    private record Key(int table, Object pk) {
    }

    /** A predicted row change: {@code after} null for a delete. */
    public record Prediction(TableSchema table, Object primaryKey, Row after) {
    }

    @SuppressWarnings("unchecked")
    public Replica(Schema schema) {
        this.schema = schema;
        this.confirmed = new Map[schema.tables().size()];
        for (int i = 0; i < confirmed.length; i++) {
            confirmed[i] = new HashMap<>();
        }
    }

    public Schema schema() {
        return schema;
    }

    public void addListener(ReplicaListener l) {
        listeners.add(l);
    }

    public void removeListener(ReplicaListener l) {
        listeners.remove(l);
    }

    // ---- reading (what is visible: confirmed rows under the prediction overlay) -------------------------

    public synchronized Row find(String table, Object pk) {
        return visible(new Key(schema.require(table).id(), pk));
    }

    public synchronized List<Row> rows(String table) {
        TableSchema t = schema.require(table);
        Map<Object, Row> view = new LinkedHashMap<>();
        for (Map.Entry<Object, Held> e : confirmed[t.id()].entrySet()) {
            view.put(e.getKey(), e.getValue().row);
        }
        for (Map<Key, Row> p : predictions.values()) {
            for (Map.Entry<Key, Row> e : p.entrySet()) {
                if (e.getKey().table == t.id()) {
                    if (e.getValue() == GONE) {
                        view.remove(e.getKey().pk);
                    } else {
                        view.put(e.getKey().pk, e.getValue());
                    }
                }
            }
        }
        return new ArrayList<>(view.values());
    }

    /** Only the rows the host has confirmed, without predictions. */
    public synchronized List<Row> confirmedRows(String table) {
        List<Row> out = new ArrayList<>();
        for (Held h : confirmed[schema.require(table).id()].values()) {
            out.add(h.row);
        }
        return out;
    }

    public synchronized int size(String table) {
        return rows(table).size();
    }

    /** The offset of the last transaction applied. */
    public synchronized long offset() {
        return offset;
    }

    public synchronized boolean hasPredictions() {
        return !predictions.isEmpty();
    }

    private Row visible(Key k) {
        Row shown = null;
        boolean predicted = false;
        for (Map<Key, Row> p : predictions.values()) {
            Row r = p.get(k);
            if (r != null) {
                shown = r;
                predicted = true;
            }
        }
        if (predicted) {
            return shown == GONE ? null : shown;
        }
        Held h = confirmed[k.table].get(k.pk);
        return h == null ? null : h.row;
    }

    // ---- feeding ---------------------------------------------------------------------------------------

    /**
     * The full set of rows a subscription matches as of {@code atOffset}. For a subscription seen before
     * (a resync after a reconnect), rows it no longer has leave and changed rows update.
     */
    public void applySnapshot(long queryId, TableSchema table, List<Row> rows, long atOffset) {
        List<Event> events;
        synchronized (this) {
            // Sized for the rows up front: growing these maps row by row was a tenth of a 100,000-node join.
            Changes c = new Changes(rows.size(), false);
            QueryRows q = queries.computeIfAbsent(queryId,
                    id -> new QueryRows(table, new HashSet<>(capacityFor(rows.size()))));
            Set<Object> incoming = new HashSet<>(capacityFor(rows.size()));
            if (confirmed[table.id()].isEmpty()) {
                confirmed[table.id()] = new HashMap<>(capacityFor(rows.size()));
            }
            for (Row r : rows) {
                Object pk = r.get(table.primaryKey());
                incoming.add(pk);
                hold(c, q, table, pk, r);
            }
            for (Object pk : new ArrayList<>(q.keys)) {
                if (!incoming.contains(pk)) {
                    release(c, q, table, pk);
                }
            }
            offset = Math.max(offset, atOffset);
            events = c.events();
        }
        fire(events, atOffset);
    }

    /**
     * One whole transaction: every subscription's part of it. {@code resolvedCall} names the prediction this
     * transaction confirms (the caller's own call), which is dropped in the same step so nothing flickers.
     */
    public void applyTransaction(TxInfo info, List<QueryChange> parts, Object resolvedCall) {
        applyTransactions(List.of(new Transaction(info, parts, resolvedCall)));
    }

    /** One received transaction: its header, every subscription's part, and the prediction it confirms (or null). */
    public record Transaction(TxInfo info, List<QueryChange> parts, Object resolvedCall) {
    }

    /**
     * Several whole transactions in commit order, applied as one step: listeners hear once, with the net change
     * to each row, after the last of them. A client applies what arrived in one frame this way.
     */
    public void applyTransactions(List<Transaction> transactions) {
        if (transactions.isEmpty()) {
            return;
        }
        List<Event> events;
        long last;
        synchronized (this) {
            Changes c = changesFor(transactions);
            for (Transaction tx : transactions) {
                apply(c, tx);
            }
            last = transactions.get(transactions.size() - 1).info().offset();
            offset = Math.max(offset, last);
            events = c.events();
        }
        fire(events, last);
    }

    /** A hash map's initial capacity for {@code entries} entries at the default load factor. */
    private static int capacityFor(int entries) {
        return Math.max(16, (int) (entries / 0.75f) + 1);
    }

    /** Changes sized for the row changes the transactions carry: at most that many rows are touched. */
    private Changes changesFor(List<Transaction> transactions) {
        int patches = 0;
        int others = 0;
        for (Transaction tx : transactions) {
            for (QueryChange part : tx.parts()) {
                patches += part.updates().size();
                others += part.inserts().size() + part.deletes().size();
            }
        }
        return new Changes(patches + others, others == 0);
    }

    private void apply(Changes c, Transaction tx) {
        for (QueryChange part : tx.parts()) {
            QueryRows q = queries.computeIfAbsent(part.queryId(), id -> new QueryRows(part.table(), new HashSet<>()));
            TableSchema t = part.table();
            for (Row r : part.inserts()) {
                hold(c, q, t, r.get(t.primaryKey()), r);
            }
            for (RowPatch p : part.updates()) {
                patch(c, t, p);
            }
            for (Object pk : part.deletes()) {
                release(c, q, t, pk);
            }
        }
        if (tx.resolvedCall() != null) {
            dropPrediction(c, tx.resolvedCall());
        }
    }

    /** Forgets a subscription; rows only it held leave. */
    public void dropQuery(long queryId) {
        List<Event> events;
        synchronized (this) {
            QueryRows q = queries.remove(queryId);
            if (q == null) {
                return;
            }
            Changes c = new Changes();
            for (Object pk : new ArrayList<>(q.keys)) {
                q.keys.remove(pk);
                unhold(c, q.table, pk);
            }
            events = c.events();
        }
        fire(events, offset());
    }

    /** Shows a call's expected effect at once, until {@link #resolve} or its transaction drops it. */
    public void predict(Object callTag, List<Prediction> changes) {
        Objects.requireNonNull(callTag, "callTag");
        List<Event> events;
        synchronized (this) {
            Changes c = new Changes();
            Map<Key, Row> overlay = predictions.computeIfAbsent(callTag, t -> new HashMap<>());
            for (Prediction p : changes) {
                Key k = new Key(p.table().id(), p.primaryKey());
                c.touch(p.table(), k);
                overlay.put(k, p.after() == null ? GONE : p.after());
            }
            events = c.events();
        }
        fire(events, offset());
    }

    /** Drops a call's prediction (its call failed, or changed nothing): the confirmed rows show again. */
    public void resolve(Object callTag) {
        List<Event> events;
        synchronized (this) {
            Changes c = new Changes();
            dropPrediction(c, callTag);
            events = c.events();
        }
        fire(events, offset());
    }

    /** Forgets everything (a new session). */
    public void clear() {
        List<Event> events;
        synchronized (this) {
            Changes c = new Changes();
            for (Object tag : new ArrayList<>(predictions.keySet())) {
                dropPrediction(c, tag);
            }
            for (Long id : new ArrayList<>(queries.keySet())) {
                QueryRows q = queries.remove(id);
                for (Object pk : new ArrayList<>(q.keys)) {
                    q.keys.remove(pk);
                    unhold(c, q.table, pk);
                }
            }
            events = c.events();
        }
        fire(events, offset());
    }

    private void dropPrediction(Changes c, Object tag) {
        Map<Key, Row> overlay = predictions.get(tag);
        if (overlay == null) {
            return;
        }
        for (Key k : overlay.keySet()) {
            c.touch(schema.table(k.table), k);
        }
        predictions.remove(tag);
    }

    private void hold(Changes c, QueryRows q, TableSchema t, Object pk, Row row) {
        Key k = new Key(t.id(), pk);
        c.touch(t, k);
        Map<Object, Held> rows = confirmed[t.id()];
        Held h = rows.get(pk);
        if (h == null) {
            h = new Held(k, row);
            rows.put(pk, h);
        } else {
            h.row = row;
        }
        if (q.keys.add(pk)) {
            h.holders++;
        }
    }

    private void patch(Changes c, TableSchema t, RowPatch p) {
        Held h = confirmed[t.id()].get(p.primaryKey());
        if (h == null) {
            return;
        }
        c.touch(t, h);
        Object[] values = h.row.toArray();
        int[] cols = p.columns();
        for (int i = 0; i < cols.length; i++) {
            values[cols[i]] = p.values()[i];
        }
        h.row = Row.wrap(values);
    }

    private void release(Changes c, QueryRows q, TableSchema t, Object pk) {
        if (q.keys.remove(pk)) {
            c.touch(t, new Key(t.id(), pk));
            unhold(c, t, pk);
        }
    }

    private void unhold(Changes c, TableSchema t, Object pk) {
        Map<Object, Held> rows = confirmed[t.id()];
        Held h = rows.get(pk);
        if (h == null) {
            return;
        }
        c.touch(t, new Key(t.id(), pk));
        if (--h.holders <= 0) {
            rows.remove(pk);
        }
    }

    /** A row touched in a batch: what was visible before it, and the confirmed row it was found as (or null). */
    private record Touched(TableSchema table, Row was, Held held) {
    }

    /**
     * Collects, per touched row, what was visible before the batch, to report the net change after it.
     *
     * <p>A batch that only patches confirmed rows (a frame of cursor moves, a drag) keeps them in two arrays,
     * each row marking itself with the batch's stamp so it is listed once: a joiner in a cursor storm touches six
     * thousand rows a second, and a map entry and a record for each were a tenth of what it allocated. The first
     * touch of any other kind (an insert, a delete, a prediction) moves the list into the map, which also works
     * for rows no longer held.
     */
    private final class Changes {
        private final long stamp = ++batches;
        /** Null while the batch has only patched confirmed rows. */
        private LinkedHashMap<Key, Touched> before;
        private Held[] patched;
        private Row[] patchedWas;
        private int patchedCount;

        /** For a batch that will touch rows in every way. */
        Changes() {
            this(0, false);
        }

        /**
         * For a batch of {@code rows} row changes, presized for them (growing the map for a frame of a hundred
         * cursor moves was 4% of what a joiner spent applying a cursor storm); {@code onlyPatches} if they are
         * all patches.
         */
        Changes(int rows, boolean onlyPatches) {
            int size = Math.max(4, rows);
            if (onlyPatches) {
                patched = new Held[size];
                patchedWas = new Row[size];
            } else {
                before = new LinkedHashMap<>(capacityFor(size));
            }
        }

        void touch(TableSchema t, Key k) {
            Map<Key, Touched> map = map();
            if (!map.containsKey(k)) {
                map.put(k, new Touched(t, visible(k), null));
            }
        }

        /**
         * Touches a confirmed row about to change. Without predictions it is what shows, so neither now nor when
         * the batch ends does it need looking up again: a client applying a hundred cursor moves a frame does
         * one lookup per move instead of three.
         */
        void touch(TableSchema t, Held h) {
            if (!predictions.isEmpty()) {
                touch(t, h.key);
            } else if (before != null) {
                before.putIfAbsent(h.key, new Touched(t, h.row, h));
            } else if (h.patchedIn != stamp) {
                h.patchedIn = stamp;
                if (patchedCount == patched.length) {
                    patched = Arrays.copyOf(patched, patchedCount * 2);
                    patchedWas = Arrays.copyOf(patchedWas, patchedCount * 2);
                }
                patched[patchedCount] = h;
                patchedWas[patchedCount++] = h.row;
            }
        }

        /** The map of touched rows, taking in the rows patched so far, in order. */
        private Map<Key, Touched> map() {
            if (before == null) {
                before = new LinkedHashMap<>(capacityFor(patchedCount));
                for (int i = 0; i < patchedCount; i++) {
                    Held h = patched[i];
                    before.put(h.key, new Touched(schema.table(h.key.table), patchedWas[i], h));
                }
                patched = null;
                patchedWas = null;
            }
            return before;
        }

        /** What shows of a touched row now. A held row still has holders while it is in the replica. */
        private Row now(Key k, Touched touched) {
            Held h = touched.held();
            return h != null && h.holders > 0 && predictions.isEmpty() ? h.row : visible(k);
        }

        List<Event> events() {
            if (before == null) {
                // Only patches: every row listed is still held and shows its confirmed row.
                List<Event> out = new ArrayList<>(patchedCount);
                for (int i = 0; i < patchedCount; i++) {
                    Row was = patchedWas[i];
                    Row now = patched[i].row;
                    if (!sameRow(was, now)) {
                        out.add(new Event(schema.table(patched[i].key.table), was, now));
                    }
                }
                return out;
            }
            List<Event> out = new ArrayList<>(before.size());
            for (Map.Entry<Key, Touched> e : before.entrySet()) {
                Row was = e.getValue().was();
                Row now = now(e.getKey(), e.getValue());
                if ((was == null) != (now == null) || was != null && !sameRow(was, now)) {
                    out.add(new Event(e.getValue().table(), was, now));
                }
            }
            return out;
        }
    }

    /**
     * One row's change for the listeners: an insert when {@code was} is null, a delete when {@code now} is. A
     * record rather than a closure, so a client applying thousands of rows a second allocates one object each.
     */
    private record Event(TableSchema table, Row was, Row now) {
        void tell(ReplicaListener l) {
            if (was == null) {
                l.onInsert(table, now);
            } else if (now == null) {
                l.onDelete(table, was);
            } else {
                l.onUpdate(table, was, now);
            }
        }
    }

    private static boolean sameRow(Row a, Row b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Values.equal(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private void fire(List<Event> events, long at) {
        if (listeners.isEmpty() || events.isEmpty()) {
            return;
        }
        ReplicaListener[] told = listeners.toArray(new ReplicaListener[0]); // one copy per batch, not per row
        for (Event e : events) {
            for (ReplicaListener l : told) {
                e.tell(l);
            }
        }
        for (ReplicaListener l : told) {
            l.onApplied(at);
        }
    }

    /** The visible rows of every table, by primary key: for comparing a replica with its host. */
    public synchronized Map<String, Map<Object, Row>> contents() {
        Map<String, Map<Object, Row>> out = new LinkedHashMap<>();
        for (TableSchema t : schema.tables()) {
            Map<Object, Row> rows = new HashMap<>();
            for (Row r : rows(t.name())) {
                rows.put(r.get(t.primaryKey()), r);
            }
            out.put(t.name(), rows);
        }
        return out;
    }

    Collection<Long> queryIds() {
        return queries.keySet();
    }
}
