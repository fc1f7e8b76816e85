package dev.easel.engine.table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The primary keys sharing one secondary-index key, in insertion order (as a LinkedHashSet keeps them), at about
 * 12 bytes a key rather than a LinkedHashSet's 50: a dense array in insertion order (a removed key leaves a hole
 * until the next compaction), and once the set is larger than a scan is cheap, an open-addressing table of
 * positions in that array. A class of its own, so a set is never mistaken for a key.
 */
final class PkSet {
    /** Up to this many keys a linear scan beats hashing. */
    private static final int SCAN_LIMIT = 8;

    private Object[] keys = new Object[4];
    /** Next free position in {@code keys}; positions below it are keys or holes (null). */
    private int end;
    private int size;
    /** Slot -> position in {@code keys} + 1 (0 is empty); null while the set is small. */
    private int[] slots;

    int size() {
        return size;
    }

    private static int hash(Object key) {
        int h = key.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** Adds a key at the end of the order; a key already present keeps its place. */
    void add(Object key) {
        if (position(key) < 0) {
            addNew(key);
        }
    }

    /**
     * Adds a key the caller knows is absent (a table's index never holds a primary key twice), skipping the
     * lookup that {@link #add} makes.
     */
    void addNew(Object key) {
        assert position(key) < 0 : key;
        if (end == keys.length) {
            if (size < end - (end >> 2)) {
                compact(keys.length); // at least a quarter holes: close them instead of growing
            } else {
                compact(keys.length << 1);
            }
        }
        keys[end] = key;
        if (slots != null) {
            insertSlot(hash(key), end);
        }
        end++;
        size++;
        if (slots == null && size > SCAN_LIMIT) {
            rebuildSlots();
        } else if (slots != null && size > (slots.length >> 1)) {
            rebuildSlots();
        }
    }

    /** Removes a key; false if it was not there. */
    boolean remove(Object key) {
        int p = position(key);
        if (p < 0) {
            return false;
        }
        if (slots != null) {
            deleteSlot(key, p);
        }
        keys[p] = null;
        size--;
        if (p == end - 1) {
            end--;
        }
        if (size == 0) {
            end = 0;
        } else if (end > 16 && size < (end >> 1)) {
            compact(Math.max(4, Integer.highestOneBit(size) << 1)); // holes under half: iteration stays O(size)
        }
        return true;
    }

    /** The first key in order (the set must not be empty). */
    Object first() {
        for (int i = 0; i < end; i++) {
            if (keys[i] != null) {
                return keys[i];
            }
        }
        throw new IllegalStateException("empty");
    }

    /** Appends the keys, in order, to {@code out}. */
    void addTo(Collection<Object> out) {
        for (int i = 0; i < end; i++) {
            Object k = keys[i];
            if (k != null) {
                out.add(k);
            }
        }
    }

    List<Object> toList() {
        List<Object> out = new ArrayList<>(size);
        addTo(out);
        return out;
    }

    private int position(Object key) {
        if (slots == null) {
            for (int i = 0; i < end; i++) {
                Object k = keys[i];
                if (k != null && k.equals(key)) {
                    return i;
                }
            }
            return -1;
        }
        int mask = slots.length - 1;
        for (int s = hash(key) & mask; ; s = (s + 1) & mask) {
            int p = slots[s] - 1;
            if (p < 0) {
                return -1;
            }
            if (keys[p].equals(key)) {
                return p;
            }
        }
    }

    private void insertSlot(int h, int p) {
        int mask = slots.length - 1;
        int s = h & mask;
        while (slots[s] != 0) {
            s = (s + 1) & mask;
        }
        slots[s] = p + 1;
    }

    /** Empties the slot pointing at position {@code p}, shifting later entries of its probe run back. */
    private void deleteSlot(Object key, int p) {
        int mask = slots.length - 1;
        int s = hash(key) & mask;
        while (slots[s] != p + 1) {
            s = (s + 1) & mask;
        }
        int hole = s;
        for (int j = (s + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
            int home = hash(keys[slots[j] - 1]) & mask;
            boolean stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
            if (!stays) {
                slots[hole] = slots[j];
                hole = j;
            }
        }
        slots[hole] = 0;
    }

    /** Closes the holes, keeping the order, into an array of {@code capacity}. */
    private void compact(int capacity) {
        Object[] next = new Object[capacity];
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (keys[i] != null) {
                next[n++] = keys[i];
            }
        }
        keys = next;
        end = n;
        if (slots != null) {
            rebuildSlots();
        }
    }

    private void rebuildSlots() {
        int capacity = Integer.highestOneBit(Math.max(16, size * 2 - 1)) << 1;
        slots = new int[capacity];
        for (int i = 0; i < end; i++) {
            if (keys[i] != null) {
                insertSlot(hash(keys[i]), i);
            }
        }
    }
}
