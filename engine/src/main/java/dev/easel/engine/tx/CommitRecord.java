package dev.easel.engine.tx;

import dev.easel.engine.table.Row;
import java.util.List;

/**
 * A committed transaction: its header, the net change to each row it touched, and roughly the memory keeping
 * it adds to the live rows (see {@link #estimateBytes}).
 */
public record CommitRecord(TxInfo info, List<RowChange> changes, long approximateBytes) {
    public CommitRecord(TxInfo info, List<RowChange> changes) {
        this(info, changes, estimateBytes(changes));
    }

    /**
     * A fixed cost per change and per column, plus, for tables with byte-string columns (images), each byte
     * string the change replaced, removed or brought. Only those are read: they are what makes a commit large,
     * and reading every value would cost each small commit.
     */
    static long estimateBytes(List<RowChange> changes) {
        long bytes = 64;
        for (RowChange c : changes) {
            bytes += 48 + 16L * c.table().columnCount();
            Row before = c.before();
            Row after = c.after();
            for (int i : c.table().bytesColumns()) {
                Object was = before == null ? null : before.get(i);
                Object is = after == null ? null : after.get(i);
                if (was != is) { // an unchanged value is the very array the live row holds
                    bytes += length(was) + length(is);
                }
            }
        }
        return bytes;
    }

    private static long length(Object value) {
        return value instanceof byte[] b ? b.length : 0;
    }

    public long offset() {
        return info.offset();
    }

    /**
     * This commit's changes to durable tables alone: itself if it changed nothing else, null if it changed
     * only transient tables (cursors, presence).
     */
    public CommitRecord durablePart() {
        int durable = 0;
        for (RowChange c : changes) {
            durable += c.table().durable() ? 1 : 0;
        }
        if (durable == changes.size()) {
            return this;
        }
        if (durable == 0) {
            return null;
        }
        List<RowChange> kept = new java.util.ArrayList<>(durable);
        for (RowChange c : changes) {
            if (c.table().durable()) {
                kept.add(c);
            }
        }
        return new CommitRecord(info, kept);
    }

    public boolean touchesDurable() {
        for (RowChange c : changes) {
            if (c.table().durable()) {
                return true;
            }
        }
        return false;
    }
}
