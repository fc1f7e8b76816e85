package dev.easel.host.session;

import dev.easel.host.protocol.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collapses consecutive {@code tx} messages into one that leaves a replica in the same state: per row, an
 * insert followed by updates becomes one insert of the final row, updates merge their columns (latest value
 * wins), a delete wins over updates, and a row inserted and deleted within the run disappears.
 */
final class TxMerger {
    private TxMerger() {
    }

    /** Merges each run of transactions in {@code queue}; other messages keep their place between runs. */
    static List<Message> mergeRuns(List<Message> queue, int[] primaryKeyByTable) {
        List<Message> out = new ArrayList<>();
        List<Message.Tx> run = new ArrayList<>();
        for (Message m : queue) {
            if (m instanceof Message.Tx tx) {
                run.add(tx);
            } else {
                if (!run.isEmpty()) {
                    out.add(merge(run, primaryKeyByTable));
                    run.clear();
                }
                out.add(m);
            }
        }
        if (!run.isEmpty()) {
            out.add(merge(run, primaryKeyByTable));
        }
        return out;
    }

    private enum Kind { INSERT, UPDATE, DELETE, NONE }

    /** The net effect on one row so far. */
    private static final class RowState {
        Kind kind;
        boolean clientHad;
        Object[] row;
        final TreeMap<Integer, Object> columns = new TreeMap<>();
    }

    private static final class QueryState {
        final int tableId;
        final LinkedHashMap<Object, RowState> rows = new LinkedHashMap<>();

        QueryState(int tableId) {
            this.tableId = tableId;
        }
    }

    static Message.Tx merge(List<Message.Tx> run, int[] primaryKeyByTable) {
        if (run.size() == 1) {
            return run.get(0);
        }
        Map<Long, QueryState> queries = new LinkedHashMap<>();
        for (Message.Tx tx : run) {
            for (Message.QueryUpdate qu : tx.updates()) {
                QueryState q = queries.computeIfAbsent(qu.queryId(), id -> new QueryState(qu.tableId()));
                for (Object[] row : qu.inserts()) {
                    insert(q, row[primaryKeyByTable[qu.tableId()]], row);
                }
                for (Message.ColumnUpdate u : qu.updates()) {
                    update(q, u);
                }
                for (Object pk : qu.deletes()) {
                    delete(q, pk);
                }
            }
        }
        Message.Tx last = run.get(run.size() - 1);
        List<Message.QueryUpdate> updates = new ArrayList<>();
        for (Map.Entry<Long, QueryState> e : queries.entrySet()) {
            updates.add(emit(e.getKey(), e.getValue()));
        }
        return new Message.Tx(last.offset(), last.timestampMicros(), last.caller(), last.reducer(), -1, updates);
    }

    private static void insert(QueryState q, Object pk, Object[] row) {
        RowState s = q.rows.computeIfAbsent(pk, k -> new RowState());
        s.kind = Kind.INSERT;
        s.row = row.clone();
        s.columns.clear();
    }

    private static void update(QueryState q, Message.ColumnUpdate u) {
        RowState s = q.rows.computeIfAbsent(u.primaryKey(), pk -> {
            RowState fresh = new RowState();
            fresh.kind = Kind.NONE;
            fresh.clientHad = true;
            return fresh;
        });
        if (s.kind == Kind.INSERT) {
            for (int i = 0; i < u.columns().length; i++) {
                s.row[u.columns()[i]] = u.values()[i];
            }
            return;
        }
        s.kind = Kind.UPDATE;
        for (int i = 0; i < u.columns().length; i++) {
            s.columns.put(u.columns()[i], u.values()[i]);
        }
    }

    private static void delete(QueryState q, Object pk) {
        RowState s = q.rows.computeIfAbsent(pk, k -> {
            RowState fresh = new RowState();
            fresh.clientHad = true;
            return fresh;
        });
        s.row = null;
        s.columns.clear();
        s.kind = s.clientHad ? Kind.DELETE : Kind.NONE;
    }

    private static Message.QueryUpdate emit(long queryId, QueryState q) {
        List<Object[]> inserts = new ArrayList<>();
        List<Message.ColumnUpdate> updates = new ArrayList<>();
        List<Object> deletes = new ArrayList<>();
        for (Map.Entry<Object, RowState> e : q.rows.entrySet()) {
            RowState s = e.getValue();
            switch (s.kind) {
                case INSERT -> inserts.add(s.row);
                case UPDATE -> {
                    int[] cols = new int[s.columns.size()];
                    Object[] vals = new Object[cols.length];
                    int i = 0;
                    for (Map.Entry<Integer, Object> c : s.columns.entrySet()) {
                        cols[i] = c.getKey();
                        vals[i++] = c.getValue();
                    }
                    updates.add(new Message.ColumnUpdate(e.getKey(), cols, vals));
                }
                case DELETE -> deletes.add(e.getKey());
                default -> {
                }
            }
        }
        return new Message.QueryUpdate(queryId, q.tableId, inserts, updates, deletes);
    }
}
