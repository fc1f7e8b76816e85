package dev.easel.engine.store;

import dev.easel.engine.schema.Schema;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.tx.RowChange;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The document's change log: each group-commit batch is appended as one entry of the {@code log} map (the rows
 * it changed, already encoded), in the same atomic store commit as the batch's offset. Writing a batch then
 * costs in proportion to the rows it changed, where putting the rows into the table maps would rewrite every
 * B-tree page they touch (with rows spread over a table, nearly all of its pages, every batch). Once the log
 * holds {@link #CHECKPOINT_BYTES}, a checkpoint puts the latest version of each logged row into its table map
 * and empties the log, again in one atomic commit; closing the document does the same. Opening a document
 * reads the table maps with the log laid over them.
 *
 * <p>An entry: varint table count; per table its name (varint length, UTF-8), varint change count, and per
 * change the primary key (varint length, {@link RowCodec} of the one-value row) and the row (varint length,
 * {@link RowCodec}; length 0 for a deleted row). Tables are named, not numbered, so a log written before a
 * schema change still finds its tables.
 */
final class ChangeLog {
    /** Stands for a deleted row among the logged rows. */
    static final byte[] DELETED = new byte[0];
    /** Log size that triggers a checkpoint: bounds the log's replay when opening after a crash. */
    static final long CHECKPOINT_BYTES = 4L << 20;

    private final Schema schema;
    private final MVMap<Long, byte[]> log;
    private final MVMap<Object, byte[]>[] maps;
    /** Per table: primary key -> its encoded row (or DELETED) as the log has it, for rows changed since the
     *  last checkpoint. */
    private final HashMap<Object, byte[]>[] dirty;
    private long nextKey;
    private long bytes;
    private byte[] buffer = new byte[1 << 12];
    private int length;

    @SuppressWarnings("unchecked")
    ChangeLog(MVStore store, Schema schema, MVMap<Object, byte[]>[] maps) {
        this.schema = schema;
        this.maps = maps;
        this.log = store.openMap("log");
        this.dirty = new HashMap[maps.length];
        Long last = log.lastKey();
        this.nextKey = last == null ? 0 : last + 1;
    }

    boolean isEmpty() {
        return bytes == 0 && log.isEmpty();
    }

    /** Reads what the log holds (the rows a crash left unwritten to their tables) into the dirty rows. */
    void read() {
        for (Map.Entry<Long, byte[]> e : log.entrySet()) {
            byte[] entry = e.getValue();
            bytes += entry.length;
            int[] at = {0};
            int tables = (int) varint(entry, at);
            for (int i = 0; i < tables; i++) {
                int nameLength = (int) varint(entry, at);
                String name = new String(entry, at[0], nameLength, StandardCharsets.UTF_8);
                at[0] += nameLength;
                TableSchema t = schema.table(name);
                HashMap<Object, byte[]> rows = t != null && t.durable() ? rowsOf(t.id()) : null;
                int changes = (int) varint(entry, at);
                for (int k = 0; k < changes; k++) {
                    byte[] pk = slice(entry, at);
                    byte[] row = slice(entry, at);
                    if (rows != null) {
                        rows.put(RowCodec.decode(pk)[0], row.length == 0 ? DELETED : row);
                    }
                }
            }
        }
    }

    /** A copy of one table's logged rows (primary key -> encoded row or DELETED), or null if it has none. */
    HashMap<Object, byte[]> overlay(int table) {
        HashMap<Object, byte[]> rows = dirty[table];
        return rows == null || rows.isEmpty() ? null : new HashMap<>(rows);
    }

    /** Appends one batch, given as the last change of each row per table; checkpoints when the log is full. */
    void append(HashMap<Object, RowChange>[] latest) {
        length = 0;
        int tables = 0;
        for (HashMap<Object, RowChange> changes : latest) {
            tables += changes == null || changes.isEmpty() ? 0 : 1;
        }
        if (tables == 0) {
            return;
        }
        putVarint(tables);
        for (int id = 0; id < latest.length; id++) {
            HashMap<Object, RowChange> changes = latest[id];
            if (changes == null || changes.isEmpty()) {
                continue;
            }
            byte[] name = schema.table(id).name().getBytes(StandardCharsets.UTF_8);
            putBytes(name);
            putVarint(changes.size());
            HashMap<Object, byte[]> rows = rowsOf(id);
            for (Map.Entry<Object, RowChange> e : changes.entrySet()) {
                byte[] row = e.getValue().after() == null ? DELETED : RowCodec.encode(e.getValue().after());
                putBytes(RowCodec.encode(new Object[] {e.getKey()}));
                putBytes(row);
                rows.put(e.getKey(), row);
            }
        }
        byte[] entry = Arrays.copyOf(buffer, length);
        log.put(nextKey++, entry);
        bytes += entry.length;
        if (bytes >= CHECKPOINT_BYTES) {
            checkpoint();
        }
    }

    /** Puts the logged rows into their table maps and empties the log; the caller commits. */
    void checkpoint() {
        for (int id = 0; id < dirty.length; id++) {
            HashMap<Object, byte[]> rows = dirty[id];
            if (rows == null || rows.isEmpty()) {
                continue;
            }
            MVMap<Object, byte[]> map = maps[id];
            for (Map.Entry<Object, byte[]> e : rows.entrySet()) {
                if (e.getValue() == DELETED) {
                    map.remove(e.getKey());
                } else {
                    map.put(e.getKey(), e.getValue());
                }
            }
            rows.clear();
        }
        log.clear();
        bytes = 0;
    }

    private HashMap<Object, byte[]> rowsOf(int table) {
        HashMap<Object, byte[]> rows = dirty[table];
        if (rows == null) {
            rows = new HashMap<>();
            dirty[table] = rows;
        }
        return rows;
    }

    private void putBytes(byte[] b) {
        putVarint(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buffer, length, b.length);
        length += b.length;
    }

    private void putVarint(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buffer[length++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buffer[length++] = (byte) v;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    private static long varint(byte[] data, int[] at) {
        long v = 0;
        int shift = 0;
        while (true) {
            int b = data[at[0]++] & 0xFF;
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
            shift += 7;
        }
    }

    private static byte[] slice(byte[] data, int[] at) {
        int n = (int) varint(data, at);
        byte[] out = n == 0 ? DELETED : Arrays.copyOfRange(data, at[0], at[0] + n);
        at[0] += n;
        return out;
    }
}
