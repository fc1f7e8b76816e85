package dev.easel.host.session;

import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.subscription.RowUpdate;
import dev.easel.engine.subscription.TableDelta;
import dev.easel.engine.table.Row;
import dev.easel.host.protocol.Message;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collapses a run of one subscription's deltas into one that leaves a replica in the same state: per row, an
 * insert followed by updates becomes one insert of the final row, updates merge their columns (latest values
 * win), a delete wins over updates, and a row inserted and deleted within the run disappears. It works on the
 * engine's deltas, before anything is turned into a message, so a backlog costs one conversion per row, not one
 * per transaction.
 */
final class DeltaMerger {
    private enum Kind { INSERT, UPDATE, DELETE, NONE }

    /** The net effect on one row so far. */
    private static final class RowState {
        Kind kind = Kind.NONE;
        /** True if the client held the row before the run began (it saw it arrive earlier). */
        boolean clientHad;
        Row row;
        final BitSet columns = new BitSet();
    }

    private final TableSchema table;
    private final LinkedHashMap<Object, RowState> rows = new LinkedHashMap<>();

    DeltaMerger(TableSchema table) {
        this.table = table;
    }

    void add(TableDelta delta) {
        int pk = table.primaryKey();
        for (Row r : delta.inserts()) {
            RowState s = state(r.get(pk), false);
            s.kind = Kind.INSERT;
            s.row = r;
            s.columns.clear();
        }
        for (RowUpdate u : delta.updates()) {
            RowState s = state(u.after().get(pk), true);
            s.row = u.after();
            if (s.kind != Kind.INSERT) {
                s.kind = Kind.UPDATE;
                for (int c : u.changedColumns()) {
                    s.columns.set(c);
                }
            }
        }
        for (Row r : delta.deletes()) {
            RowState s = state(r.get(pk), true);
            s.row = null;
            s.columns.clear();
            s.kind = s.clientHad ? Kind.DELETE : Kind.NONE;
        }
    }

    /** The row's state, created on first sight: {@code clientHad} says whether the client must already hold it. */
    private RowState state(Object pk, boolean clientHad) {
        RowState s = rows.get(pk);
        if (s == null) {
            s = new RowState();
            s.clientHad = clientHad;
            rows.put(pk, s);
        }
        return s;
    }

    /** The merged delta as the wire carries it. */
    Message.QueryUpdate toQueryUpdate(long queryId) {
        List<Object[]> inserts = new ArrayList<>();
        List<Message.ColumnUpdate> updates = new ArrayList<>();
        List<Object> deletes = new ArrayList<>();
        for (Map.Entry<Object, RowState> e : rows.entrySet()) {
            RowState s = e.getValue();
            switch (s.kind) {
                case INSERT -> inserts.add(s.row.toArray());
                case UPDATE -> {
                    int[] cols = setBits(s.columns);
                    Object[] vals = new Object[cols.length];
                    for (int i = 0; i < cols.length; i++) {
                        vals[i] = s.row.get(cols[i]);
                    }
                    updates.add(new Message.ColumnUpdate(e.getKey(), cols, vals));
                }
                case DELETE -> deletes.add(e.getKey());
                default -> {
                }
            }
        }
        return new Message.QueryUpdate(queryId, table.id(), inserts, updates, deletes);
    }

    private static int[] setBits(BitSet bits) {
        int[] out = new int[bits.cardinality()];
        for (int i = 0, c = bits.nextSetBit(0); c >= 0; c = bits.nextSetBit(c + 1)) {
            out[i++] = c;
        }
        return out;
    }
}
