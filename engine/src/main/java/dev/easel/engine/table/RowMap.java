package dev.easel.engine.table;

import java.util.AbstractCollection;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A table's rows by primary key: an open-addressing hash table (linear probing, backward-shift deletion) of the
 * rows themselves, each row's key read from its own primary-key column. Against a {@code HashMap} this saves the
 * entry object per row (about 32 bytes of a 15-column row's few hundred) and a pointer hop per lookup; the
 * parallel array of hashes keeps probing off the rows. Keys compare with {@code equals}, as a HashMap's do.
 */
final class RowMap {
    private static final int MIN_CAPACITY = 16;

    private final int pkColumn;
    private Row[] rows = new Row[MIN_CAPACITY];
    private int[] hashes = new int[MIN_CAPACITY];
    private int size;
    private int modCount;

    RowMap(int pkColumn) {
        this.pkColumn = pkColumn;
    }

    int size() {
        return size;
    }

    private static int hash(Object key) {
        int h = key.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    Row get(Object key) {
        int i = slotOf(key);
        return i < 0 ? null : rows[i];
    }

    /** The slot holding the row with this key, or -1. */
    private int slotOf(Object key) {
        if (key == null) {
            return -1;
        }
        int h = hash(key);
        int mask = rows.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            Row r = rows[i];
            if (r == null) {
                return -1;
            }
            if (hashes[i] == h && key.equals(r.get(pkColumn))) {
                return i;
            }
        }
    }

    boolean containsKey(Object key) {
        return get(key) != null;
    }

    /** Puts the row under its own primary key, replacing any row with the same key; returns that row or null. */
    Row put(Row row) {
        Object key = row.get(pkColumn);
        int h = hash(key);
        int mask = rows.length - 1;
        int i = h & mask;
        for (; ; i = (i + 1) & mask) {
            Row r = rows[i];
            if (r == null) {
                break;
            }
            if (hashes[i] == h && key.equals(r.get(pkColumn))) {
                rows[i] = row;
                return r;
            }
        }
        rows[i] = row;
        hashes[i] = h;
        modCount++;
        if (++size > (rows.length >> 1) + (rows.length >> 2)) {
            resize(rows.length << 1);
        }
        return null;
    }

    /** Removes the row with this key; returns it, or null if there was none. */
    Row remove(Object key) {
        int i = slotOf(key);
        if (i < 0) {
            return null;
        }
        Row r = rows[i];
        deleteSlot(i);
        size--;
        modCount++;
        return r;
    }

    /** Empties slot {@code i} and shifts later rows of the probe run back, so no lookup ever stops early. */
    private void deleteSlot(int i) {
        int mask = rows.length - 1;
        int hole = i;
        for (int j = (i + 1) & mask; rows[j] != null; j = (j + 1) & mask) {
            int home = hashes[j] & mask;
            // Move j into the hole unless its home lies cyclically in (hole, j].
            boolean stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
            if (!stays) {
                rows[hole] = rows[j];
                hashes[hole] = hashes[j];
                hole = j;
            }
        }
        rows[hole] = null;
        hashes[hole] = 0;
    }

    private void resize(int capacity) {
        Row[] oldRows = rows;
        int[] oldHashes = hashes;
        rows = new Row[capacity];
        hashes = new int[capacity];
        int mask = capacity - 1;
        for (int k = 0; k < oldRows.length; k++) {
            Row r = oldRows[k];
            if (r != null) {
                int h = oldHashes[k];
                int i = h & mask;
                while (rows[i] != null) {
                    i = (i + 1) & mask;
                }
                rows[i] = r;
                hashes[i] = h;
            }
        }
    }

    void clear() {
        rows = new Row[MIN_CAPACITY];
        hashes = new int[MIN_CAPACITY];
        size = 0;
        modCount++;
    }

    /** A live, read-only view of the rows, in no particular order. */
    AbstractCollection<Row> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<Row> iterator() {
                return new Iterator<>() {
                    private final Row[] table = rows;
                    private final int expected = modCount;
                    private int at = advance(0);

                    private int advance(int from) {
                        int i = from;
                        while (i < table.length && table[i] == null) {
                            i++;
                        }
                        return i;
                    }

                    @Override
                    public boolean hasNext() {
                        return at < table.length;
                    }

                    @Override
                    public Row next() {
                        if (modCount != expected || table != rows) {
                            throw new ConcurrentModificationException();
                        }
                        if (at >= table.length) {
                            throw new NoSuchElementException();
                        }
                        Row r = table[at];
                        at = advance(at + 1);
                        return r;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
