package dev.easel.engine.store;

import dev.easel.engine.schema.Column;
import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.schema.Values;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.CommitRecord;
import dev.easel.engine.tx.RowChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * One document file: the rows of its durable tables in an H2 MVStore, one map per table keyed by primary key,
 * plus a meta map (format, schema version, column layout, last offset) and a change log holding the rows
 * changed since they were last put in their tables (see {@link ChangeLog}). A batch of whole transactions is
 * written as one MVStore commit, which is atomic: after a crash the file holds a prefix of the batches,
 * never part of one.
 */
public final class DocumentStore implements AutoCloseable {
    static final String FORMAT = "easel-document-1";
    /**
     * The store's page cache, in MB. Every row lives in memory once loaded and the file is only written, so the
     * cache serves just the pages a batch rewrites; H2's default of 16 MB would hold a second, serialized copy of
     * most of a large document (160 bytes a row at 100,000 rows).
     */
    static final int CACHE_MB = 2;
    /** From this many rows a table is read and decoded on a second thread while the caller takes the rows. */
    static final int PIPELINE_ROWS = 20_000;

    private final Path file;
    private final Schema schema;
    private final MVStore store;
    private final MVMap<String, String> meta;
    private final MVMap<Object, byte[]>[] maps;
    /** Per table, the last change to each row in the batch being written; only the committer thread writes. */
    private final HashMap<Object, RowChange>[] pending;
    private final boolean sync;
    /** Where batches are written first; set once the file is known to be a document. */
    private ChangeLog changes;

    @SuppressWarnings("unchecked")
    private DocumentStore(Path file, Schema schema, MVStore store, boolean sync) {
        this.file = file;
        this.schema = schema;
        this.store = store;
        this.sync = sync;
        this.meta = store.openMap("meta");
        this.maps = new MVMap[schema.tables().size()];
        this.pending = new HashMap[schema.tables().size()];
        for (TableSchema t : schema.tables()) {
            if (t.durable()) {
                maps[t.id()] = store.openMap("t." + t.name());
            }
        }
    }

    /**
     * Opens (or creates) a document file. {@code sync} forces each batch to the disk itself, not only to the
     * operating system, so acknowledged work also survives a power cut.
     */
    public static DocumentStore open(Path file, Schema schema, boolean sync) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the folder for " + file + ": " + e.getMessage(), e);
        }
        MVStore mv;
        try {
            mv = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().cacheSize(CACHE_MB).open();
        } catch (MVStoreException e) {
            throw new StoreException(describeOpenFailure(file, e), e);
        }
        try {
            DocumentStore ds = new DocumentStore(file, schema, mv, sync);
            ds.checkFormat();
            ds.changes = new ChangeLog(mv, schema, ds.maps);
            return ds;
        } catch (RuntimeException e) {
            mv.closeImmediately();
            throw e;
        }
    }

    private static String describeOpenFailure(Path file, MVStoreException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("locked")) {
            return file + " is open in another Easel process";
        }
        return file + " is not an Easel document or is damaged (" + m + ")";
    }

    private void checkFormat() {
        String format = meta.get("format");
        if (format == null) {
            if (meta.isEmpty() && store.getMapNames().size() <= schema.tables().size() + 1) {
                meta.put("format", FORMAT);
                meta.put("schemaVersion", Integer.toString(schema.version()));
                writeLayout();
                meta.put("offset", "0");
                store.commit();
                return;
            }
            throw new StoreException(file + " is not an Easel document");
        }
        if (!FORMAT.equals(format)) {
            throw new StoreException(file + " has format " + format + ", which this version of Easel cannot read");
        }
        int version = Integer.parseInt(meta.getOrDefault("schemaVersion", "1"));
        if (version > schema.version()) {
            throw new StoreException(file + " was written by a newer Easel (document schema " + version
                    + ", this version reads up to " + schema.version() + "): update Easel to open it");
        }
    }

    private void writeLayout() {
        for (TableSchema t : schema.tables()) {
            if (t.durable()) {
                meta.put("columns." + t.name(), layout(t));
            }
        }
    }

    private static String layout(TableSchema t) {
        StringBuilder b = new StringBuilder();
        for (Column c : t.columns()) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(c.name()).append(':').append(c.type().name());
        }
        return b.toString();
    }

    public Path file() {
        return file;
    }

    /** The offset of the last transaction on disk. */
    public long lastOffset() {
        return Long.parseLong(meta.getOrDefault("offset", "0"));
    }

    /** The schema version the file was written with. */
    public int storedSchemaVersion() {
        return Integer.parseInt(meta.getOrDefault("schemaVersion", "1"));
    }

    /**
     * Hands every stored row to {@code sink}, mapped onto the current columns: columns added since the file was
     * written take their defaults, columns removed are dropped. A column whose type changed, or a new
     * non-null column without a default, cannot be migrated and is refused.
     */
    public void load(BiConsumer<TableSchema, Row> sink) {
        try {
            changes.read();
            if (!changes.isEmpty() && layoutChanged()) {
                // Migrate from rows as the log left them: put the logged rows in their tables first.
                changes.checkpoint();
                store.commit();
            }
            loadRows(sink);
        } catch (RuntimeException e) {
            // A migration refused part way must not leave the tables rewritten so far: closing would save them.
            store.rollback();
            throw e;
        }
    }

    private void loadRows(BiConsumer<TableSchema, Row> sink) {
        boolean migrated = false;
        for (TableSchema t : schema.tables()) {
            if (!t.durable()) {
                continue;
            }
            int[] mapping = mapping(t);
            String storedLayout = meta.get("columns." + t.name());
            boolean rewrite = storedLayout != null && !storedLayout.equals(layout(t));
            MVMap<Object, byte[]> map = maps[t.id()];
            if (!rewrite && map.sizeAsLong() >= PIPELINE_ROWS) {
                RowPipeline.run(rows -> readRows(t, mapping, false, rows), row -> sink.accept(t, row));
            } else {
                readRows(t, mapping, rewrite, row -> sink.accept(t, row));
            }
            // A table new since the file was written has no layout yet: record it, or its rows could not be
            // mapped once its columns change.
            migrated |= rewrite || storedLayout == null;
        }
        if (migrated || storedSchemaVersion() < schema.version()) {
            // Old rows were rewritten in the new layout above; record it in the same atomic commit.
            meta.put("schemaVersion", Integer.toString(schema.version()));
            writeLayout();
            store.commit();
            if (sync) {
                store.sync();
            }
        }
    }

    /**
     * Decodes a table's stored rows (with the log's newer versions laid over them) into {@code out}, rewriting
     * each in the current layout if {@code rewrite} is set.
     */
    private void readRows(TableSchema t, int[] mapping, boolean rewrite, Consumer<Row> out) {
        MVMap<Object, byte[]> map = maps[t.id()];
        StringPool[] pools = pools(t);
        // Rows changed since the last checkpoint: the log's version wins (never with a rewrite, see load).
        HashMap<Object, byte[]> logged = changes.overlay(t.id());
        for (Map.Entry<Object, byte[]> e : map.entrySet()) {
            byte[] stored = e.getValue();
            if (logged != null) {
                byte[] newer = logged.remove(e.getKey());
                if (newer == ChangeLog.DELETED) {
                    continue;
                }
                stored = newer != null ? newer : stored;
            }
            Object[] values = remap(t, RowCodec.decode(stored), mapping, pools);
            if (rewrite) {
                map.put(e.getKey(), RowCodec.encode(values));
            }
            out.accept(Row.wrap(values));
        }
        if (logged != null) {
            for (byte[] row : logged.values()) {
                if (row != ChangeLog.DELETED) {
                    out.accept(Row.wrap(remap(t, RowCodec.decode(row), mapping, pools)));
                }
            }
        }
    }

    /** Whether any durable table's stored column layout differs from the schema's (a migration is due). */
    private boolean layoutChanged() {
        for (TableSchema t : schema.tables()) {
            String stored = t.durable() ? meta.get("columns." + t.name()) : null;
            if (stored != null && !stored.equals(layout(t))) {
                return true;
            }
        }
        return false;
    }

    /** For each current column, where it sits in the stored row (-1 if it did not exist then). */
    private int[] mapping(TableSchema t) {
        String storedLayout = meta.get("columns." + t.name());
        int[] mapping = new int[t.columnCount()];
        if (storedLayout == null || storedLayout.equals(layout(t))) {
            for (int i = 0; i < mapping.length; i++) {
                mapping[i] = i;
            }
            return mapping;
        }
        Map<String, Integer> position = new HashMap<>();
        Map<String, String> type = new HashMap<>();
        String[] cols = storedLayout.split(",");
        for (int i = 0; i < cols.length; i++) {
            String[] nt = cols[i].split(":");
            position.put(nt[0], i);
            type.put(nt[0], nt[1]);
        }
        for (Column c : t.columns()) {
            Integer p = position.get(c.name());
            if (p == null) {
                if (!c.nullable() && c.defaultValue() == null) {
                    throw new StoreException(file + ": column " + t.name() + "." + c.name()
                            + " is new, required and has no default, so this document cannot be migrated");
                }
                mapping[c.position()] = -1;
            } else {
                if (!type.get(c.name()).equals(c.type().name())) {
                    throw new StoreException(file + ": column " + t.name() + "." + c.name() + " changed type from "
                            + type.get(c.name()) + " to " + c.type().name() + "; this document cannot be migrated");
                }
                mapping[c.position()] = p;
            }
        }
        return mapping;
    }

    /** A pool for each string column but the primary key (unique by definition), null elsewhere. */
    private static StringPool[] pools(TableSchema t) {
        StringPool[] pools = new StringPool[t.columnCount()];
        for (Column c : t.columns()) {
            if (c.type() == ColumnType.STRING && c.position() != t.primaryKey()) {
                pools[c.position()] = new StringPool();
            }
        }
        return pools;
    }

    private static boolean isIdentity(int[] mapping) {
        for (int i = 0; i < mapping.length; i++) {
            if (mapping[i] != i) {
                return false;
            }
        }
        return true;
    }

    private static Object[] remap(TableSchema t, Object[] stored, int[] mapping, StringPool[] pools) {
        boolean identity = stored.length == mapping.length && isIdentity(mapping);
        Object[] values = identity ? stored : new Object[mapping.length];
        for (int i = 0; i < mapping.length; i++) {
            Column c = t.column(i);
            Object v = mapping[i] < 0 ? c.defaultValue() : stored[mapping[i]];
            if (v instanceof String s && c.type() == ColumnType.STRING) {
                // Decoded UTF-8 is always valid text: only sharing is left to do.
                values[i] = pools[i] != null ? pools[i].share(s) : s;
            } else {
                values[i] = v == null ? null : Values.coerce(v, c.type());
            }
        }
        return values;
    }

    /**
     * Writes whole transactions as one atomic MVStore commit, forced to disk if {@code sync} is set: the rows
     * they changed go to the change log (see {@link ChangeLog}), the last offset to the meta map. A row that
     * several transactions of the batch changed is written once, as the last of them left it: the batch lands
     * on disk whole or not at all, so no intermediate version could ever be read back.
     */
    public void write(List<CommitRecord> batch) {
        commitBatch(batch);
        if (sync) {
            store.sync();
        }
    }

    /** Whether each batch is forced to the disk before it is acknowledged. */
    boolean syncs() {
        return sync;
    }

    /** Forces everything committed so far to the disk itself; may run while the next batch is committed. */
    void sync() {
        store.sync();
    }

    /** {@link #write} without the final fsync: the batch reaches the operating system, atomically. */
    void commitBatch(List<CommitRecord> batch) {
        long last = -1;
        for (CommitRecord record : batch) {
            for (RowChange change : record.changes()) {
                TableSchema t = change.table();
                if (t.durable()) {
                    HashMap<Object, RowChange> latest = pending[t.id()];
                    if (latest == null) {
                        latest = new HashMap<>();
                        pending[t.id()] = latest;
                    }
                    latest.put(change.primaryKey(), change);
                }
            }
            last = record.offset();
        }
        changes.append(pending);
        for (HashMap<Object, RowChange> latest : pending) {
            if (latest != null) {
                latest.clear();
            }
        }
        if (last >= 0) {
            meta.put("offset", Long.toString(last));
        }
        store.commit();
    }

    /**
     * Writes a complete new document file holding {@code rows} of the durable tables, as of {@code offset}
     * ("save as"). The file is written beside the target under a temporary name and then moved into place,
     * so an existing file at {@code target} is replaced whole or not at all.
     */
    public static void writeCopy(Path target, Schema schema, long offset, Map<TableSchema, List<Row>> rows) {
        Path temp = target.toAbsolutePath().resolveSibling(target.getFileName() + ".saving");
        try {
            Files.deleteIfExists(temp);
            try (DocumentStore copy = open(temp, schema, true)) {
                for (Map.Entry<TableSchema, List<Row>> e : rows.entrySet()) {
                    TableSchema t = e.getKey();
                    MVMap<Object, byte[]> map = copy.maps[t.id()];
                    for (Row r : e.getValue()) {
                        map.put(r.get(t.primaryKey()), RowCodec.encode(r.toArray()));
                    }
                }
                copy.meta.put("offset", Long.toString(offset));
                copy.store.commit();
                copy.store.sync();
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot save a copy to " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (java.io.IOException ignored) {
                // the move failed already and was reported; a leftover temporary file is harmless
            }
        }
    }

    /** Puts the logged rows into their tables (so a clean file has an empty log), then closes the file. */
    @Override
    public void close() {
        if (!store.isClosed()) {
            try {
                if (changes != null && !changes.isEmpty()) {
                    changes.checkpoint();
                    store.commit();
                }
            } catch (RuntimeException e) {
                // The log still holds those rows and the next open lays them over the tables: nothing is lost.
            } finally {
                store.close();
            }
        }
    }
}
