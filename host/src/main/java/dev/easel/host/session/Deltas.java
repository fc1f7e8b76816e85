package dev.easel.host.session;

import dev.easel.engine.replica.QueryChange;
import dev.easel.engine.replica.RowPatch;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.subscription.RowUpdate;
import dev.easel.engine.subscription.TableDelta;
import dev.easel.engine.table.Row;
import dev.easel.host.protocol.Message;
import java.util.ArrayList;
import java.util.List;

/** Turns a subscription's delta into what a replica applies: updates cut down to the changed columns. */
public final class Deltas {
    private Deltas() {
    }

    public static QueryChange toQueryChange(long queryId, TableDelta delta) {
        TableSchema t = delta.table();
        List<RowPatch> patches = new ArrayList<>(delta.updates().size());
        for (RowUpdate u : delta.updates()) {
            patches.add(patch(t, u));
        }
        List<Object> deletes = new ArrayList<>(delta.deletes().size());
        for (Row r : delta.deletes()) {
            deletes.add(r.get(t.primaryKey()));
        }
        return new QueryChange(queryId, t, delta.inserts(), patches, deletes);
    }

    /** The same delta as the wire carries it: full rows for inserts, changed columns for updates, keys for deletes. */
    public static Message.QueryUpdate toQueryUpdate(long queryId, TableDelta delta) {
        QueryChange c = toQueryChange(queryId, delta);
        List<Object[]> inserts = new ArrayList<>(c.inserts().size());
        for (Row r : c.inserts()) {
            inserts.add(r.toArray());
        }
        List<Message.ColumnUpdate> updates = new ArrayList<>(c.updates().size());
        for (RowPatch p : c.updates()) {
            updates.add(new Message.ColumnUpdate(p.primaryKey(), p.columns(), p.values()));
        }
        return new Message.QueryUpdate(queryId, delta.table().id(), inserts, updates, c.deletes());
    }

    public static RowPatch patch(TableSchema t, RowUpdate u) {
        int[] cols = u.changedColumns();
        Object[] values = new Object[cols.length];
        for (int i = 0; i < cols.length; i++) {
            values[i] = u.after().get(cols[i]);
        }
        return new RowPatch(u.after().get(t.primaryKey()), cols, values);
    }
}
