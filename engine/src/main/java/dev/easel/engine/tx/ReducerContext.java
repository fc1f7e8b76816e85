package dev.easel.engine.tx;

import dev.easel.engine.schema.Schema;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Table;

/** What a running reducer may use: the caller, the commit time, and handles on the tables. */
public final class ReducerContext {
    private final Schema schema;
    private final Table[] tables;
    private final Transaction tx;
    private final Identity caller;
    private final long timestampMicros;
    private final String reducer;
    private final TableHandle[] handles;

    ReducerContext(Schema schema, Table[] tables, Transaction tx, Identity caller, long timestampMicros,
            String reducer) {
        this.schema = schema;
        this.tables = tables;
        this.tx = tx;
        this.caller = caller;
        this.timestampMicros = timestampMicros;
        this.reducer = reducer;
        this.handles = new TableHandle[tables.length];
    }

    public Identity caller() {
        return caller;
    }

    /** The commit timestamp of this call, in microseconds since the epoch. */
    public long timestampMicros() {
        return timestampMicros;
    }

    public String reducer() {
        return reducer;
    }

    public TableHandle table(String name) {
        TableSchema t = schema.table(name);
        if (t == null) {
            throw new ReducerException(ReducerException.FAILED, "unknown table " + name);
        }
        return table(t.id());
    }

    public TableHandle table(int id) {
        TableHandle h = handles[id];
        if (h == null) {
            h = new TableHandle(tables[id], tx);
            handles[id] = h;
        }
        return h;
    }
}
