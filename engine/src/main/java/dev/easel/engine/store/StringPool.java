package dev.easel.engine.store;

import java.util.HashMap;

/**
 * Shares equal strings of one column while a document loads: each decoded row brings its own copy of a page id,
 * parent id, kind or colour, and a 100,000-row document would otherwise hold 100,000 copies of each (40-60 bytes
 * apiece). A column whose values turn out to be mostly distinct (ids, keys) stops being pooled after a sample,
 * so it costs neither time nor a large map.
 */
final class StringPool {
    private static final int SAMPLE = 4096;
    private static final int MAX_ENTRIES = 1 << 16;

    private HashMap<String, String> pool = new HashMap<>();
    private int seen;

    /** The pool's copy of {@code s}, or {@code s} itself. */
    String share(String s) {
        HashMap<String, String> p = pool;
        if (p == null) {
            return s;
        }
        if (++seen == SAMPLE && p.size() > SAMPLE - SAMPLE / 8) {
            pool = null; // nearly every value so far was new: an id-like column
            return s;
        }
        String shared = p.get(s);
        if (shared != null) {
            return shared;
        }
        if (p.size() < MAX_ENTRIES) {
            p.put(s, s);
        }
        return s;
    }
}
