package dev.easel.engine.table;

import dev.easel.engine.schema.IndexDef;
import dev.easel.engine.schema.IndexKind;
import dev.easel.engine.schema.Values;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps one column's values to the primary keys of the rows holding them. A key held by a single row maps
 * straight to its primary key; only shared keys pay for a set.
 */
final class SecondaryIndex {
    /** Stands in for null, which TreeMap cannot hold. */
    private static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "NULL";
        }
    };

    private final IndexDef def;
    private final Map<Object, Object> entries;

    SecondaryIndex(IndexDef def) {
        this.def = def;
        this.entries = def.kind() == IndexKind.ORDERED
                ? new TreeMap<>(SecondaryIndex::compareKeys)
                : new HashMap<>();
    }

    IndexDef def() {
        return def;
    }

    private static int compareKeys(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == NULL) {
            return -1;
        }
        if (b == NULL) {
            return 1;
        }
        return Values.compare(a, b);
    }

    private static Object key(Object value) {
        return value == null ? NULL : value;
    }

    /** Throws if a unique index already holds this value for another row. */
    void checkUnique(Object value, Object pk, String table) {
        if (!def.unique() || value == null) {
            return;
        }
        Object holder = entries.get(value);
        if (holder != null && !Values.equal(holder, pk)) {
            throw new ConstraintViolation("unique constraint " + def.name() + " on " + table
                    + " already has " + Values.describe(value));
        }
    }

    @SuppressWarnings("unchecked")
    void add(Object value, Object pk) {
        Object k = key(value);
        Object current = entries.get(k);
        if (current == null) {
            entries.put(k, pk);
        } else if (current instanceof PkSet set) {
            set.addNew(pk); // the table never indexes a primary key twice: it is not in this set yet
        } else {
            PkSet set = new PkSet();
            set.addNew(current);
            set.addNew(pk);
            entries.put(k, set);
        }
    }

    void remove(Object value, Object pk) {
        Object k = key(value);
        Object current = entries.get(k);
        if (current instanceof PkSet set) {
            set.remove(pk);
            if (set.size() == 1) {
                entries.put(k, set.first());
            }
        } else if (current != null && Values.equal(current, pk)) {
            entries.remove(k);
        }
    }

    /** Primary keys of the rows whose column equals {@code value}. */
    Collection<Object> find(Object value) {
        Object current = entries.get(key(value));
        if (current == null) {
            return Collections.emptyList();
        }
        if (current instanceof PkSet set) {
            return set.toList();
        }
        return Collections.singletonList(current);
    }

    /**
     * Primary keys of rows whose value lies in [from, to] (either bound may be null for open). A null value lies
     * in no range, as {@code x <= to} never holds for a null x in a query; bounds the wrong way round hold nothing.
     */
    List<Object> range(Object from, Object to) {
        if (!(entries instanceof NavigableMap<Object, Object> sorted)) {
            throw new IllegalArgumentException("index " + def.name() + " is a hash index: ranges need an ordered one");
        }
        if (from != null && to != null && compareKeys(from, to) > 0) {
            return new ArrayList<>();
        }
        NavigableMap<Object, Object> view = from == null ? sorted.tailMap(NULL, false) : sorted.tailMap(from, true);
        if (to != null) {
            view = view.headMap(to, true);
        }
        List<Object> out = new ArrayList<>();
        for (Object v : view.values()) {
            if (v instanceof PkSet set) {
                set.addTo(out);
            } else {
                out.add(v);
            }
        }
        return out;
    }

    void clear() {
        entries.clear();
    }

    static Set<Object> emptySet() {
        return Collections.emptySet();
    }
}
