package dev.easel.engine.tx;

import dev.easel.engine.schema.Schema;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.ConstraintViolation;
import dev.easel.engine.table.Row;
import dev.easel.engine.table.Table;
import java.util.List;

/**
 * The tables of one document and the offset of its last commit. Runs a reducer as one transaction: all of
 * it commits under the next offset, or none of it happened. Not thread-safe: one writer at a time, which the
 * engine guarantees.
 */
public final class Database {
    private final Schema schema;
    private final Table[] tables;
    /**
     * Set by the writer alone; other threads may read how far the document has got through {@link #offset()}
     * (release/acquire: they see a recent value without the writer paying for a full fence per commit).
     */
    private long offset;
    private static final java.lang.invoke.VarHandle OFFSET;

    static {
        try {
            OFFSET = java.lang.invoke.MethodHandles.lookup().findVarHandle(Database.class, "offset", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    private long lastTimestamp;

    public Database(Schema schema) {
        this.schema = schema;
        this.tables = new Table[schema.tables().size()];
        for (TableSchema t : schema.tables()) {
            tables[t.id()] = new Table(t);
        }
    }

    public Schema schema() {
        return schema;
    }

    public Table table(int id) {
        return tables[id];
    }

    public Table table(String name) {
        return tables[schema.require(name).id()];
    }

    public long offset() {
        return (long) OFFSET.getAcquire(this);
    }

    /** Continues numbering after a loaded document's last commit. */
    public void resumeAt(long lastOffset) {
        OFFSET.setRelease(this, lastOffset);
    }

    /** Puts a stored row in place without a transaction: only while loading a document. */
    public void load(TableSchema table, Row row) {
        tables[table.id()].insert(row);
    }

    /** What a call did: the commit (null if it changed nothing) and the reducer's return value. */
    public record Outcome(CommitRecord commit, Object value, long offset) {
    }

    /**
     * Runs the reducer in a transaction. A {@link ReducerException} (or any other failure, reported as one)
     * means every write was rolled back and no offset was used.
     */
    public Outcome run(Identity caller, String name, Reducer reducer, Args args, Object callTag, long nowMicros) {
        long timestamp = Math.max(nowMicros, lastTimestamp);
        Transaction tx = new Transaction();
        ReducerContext ctx = new ReducerContext(schema, tables, tx, caller, timestamp, name);
        Object value;
        try {
            value = reducer.run(ctx, args);
        } catch (ReducerException e) {
            tx.rollback();
            throw e;
        } catch (ConstraintViolation e) {
            tx.rollback();
            throw new ReducerException(ReducerException.CONSTRAINT, e.getMessage());
        } catch (RuntimeException | Error e) {
            // Errors too (a failed assert, running out of memory): nothing half-applied may stay behind.
            tx.rollback();
            throw new ReducerException(ReducerException.FAILED, name + " failed: " + e, e);
        }
        if (tx.isEmpty()) {
            return new Outcome(null, value, offset);
        }
        List<RowChange> changes = tx.changes();
        if (changes.isEmpty()) {
            return new Outcome(null, value, offset);
        }
        OFFSET.setRelease(this, offset + 1);
        lastTimestamp = timestamp;
        CommitRecord record = new CommitRecord(new TxInfo(offset, timestamp, caller, name, callTag), changes);
        return new Outcome(record, value, offset);
    }
}
