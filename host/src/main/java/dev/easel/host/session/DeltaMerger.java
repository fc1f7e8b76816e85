package dev.easel.host.session;

import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.subscription.RowUpdate;
import dev.easel.engine.subscription.TableDelta;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.TxInfo;
import dev.easel.host.protocol.Message;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collapses a client's backlog of transactions into one {@code tx} that leaves its replica in the same state:
 * per row, an insert followed by updates becomes one insert of the final row, updates merge their columns
 * (latest values win), a delete wins over updates, and a row inserted and deleted within the backlog
 * disappears. It works on the engine's deltas, before anything is turned into a message, so a backlog costs
 * one conversion per row, not one per transaction.
 */
final class DeltaMerger {
    private enum Kind { INSERT, UPDATE, DELETE, NONE }

    /** The net effect on one row so far. */
    private static final class RowState {
        Kind kind = Kind.NONE;
        /** True if the client held the row before the backlog began (it saw it arrive earlier). */
        boolean clientHad;
        Row row;
        final BitSet columns = new BitSet();
    }

    private static final class QueryState {
        final TableSchema table;
        final LinkedHashMap<Object, RowState> rows = new LinkedHashMap<>();

        QueryState(TableSchema table) {
            this.table = table;
        }
    }

    private final Map<Long, QueryState> queries = new LinkedHashMap<>();
    private TxInfo last;

    void add(long queryId, TxInfo info, TableDelta delta) {
        last = info;
        QueryState q = queries.get(queryId);
        if (q == null) {
            q = new QueryState(delta.table());
            queries.put(queryId, q);
        }
        int pk = delta.table().primaryKey();
        for (Row r : delta.inserts()) {
            RowState s = state(q, r.get(pk), false);
            s.kind = Kind.INSERT;
            s.row = r;
            s.columns.clear();
        }
        for (RowUpdate u : delta.updates()) {
            RowState s = state(q, u.after().get(pk), true);
            s.row = u.after();
            if (s.kind != Kind.INSERT) {
                s.kind = Kind.UPDATE;
                for (int c : u.changedColumns()) {
                    s.columns.set(c);
                }
            }
        }
        for (Row r : delta.deletes()) {
            RowState s = state(q, r.get(pk), true);
            s.row = null;
            s.columns.clear();
            s.kind = s.clientHad ? Kind.DELETE : Kind.NONE;
        }
    }

    /** The row's state, created on first sight: {@code clientHad} says whether the client must already hold it. */
    private static RowState state(QueryState q, Object pk, boolean clientHad) {
        RowState s = q.rows.get(pk);
        if (s == null) {
            s = new RowState();
            s.clientHad = clientHad;
            q.rows.put(pk, s);
        }
        return s;
    }

    /** The merged transaction: the newest offset and time, no request id (several calls may be in it). */
    Message.Tx toMessage() {
        List<Message.QueryUpdate> updates = new ArrayList<>(queries.size());
        for (Map.Entry<Long, QueryState> e : queries.entrySet()) {
            updates.add(emit(e.getKey(), e.getValue()));
        }
        return new Message.Tx(last.offset(), last.timestampMicros(), last.caller().id(), last.reducer(), -1, updates);
    }

    private static Message.QueryUpdate emit(long queryId, QueryState q) {
        List<Object[]> inserts = new ArrayList<>();
        List<Message.ColumnUpdate> updates = new ArrayList<>();
        List<Object> deletes = new ArrayList<>();
        for (Map.Entry<Object, RowState> e : q.rows.entrySet()) {
            RowState s = e.getValue();
            switch (s.kind) {
                case INSERT -> inserts.add(s.row.toArray());
                case UPDATE -> {
                    int[] cols = s.columns.stream().toArray();
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
        return new Message.QueryUpdate(queryId, q.table.id(), inserts, updates, deletes);
    }
}
