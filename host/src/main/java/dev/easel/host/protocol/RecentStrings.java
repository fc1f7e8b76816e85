package dev.easel.host.protocol;

/**
 * Short strings a decoder produced lately, so one that comes again (a cursor's owner, a node's id, a colour) is
 * not allocated again: a joiner in a cursor storm decodes the same hundred keys every frame. A direct-mapped
 * table by hash; a collision just replaces the older string. One decoder's, so one thread's at a time.
 */
final class RecentStrings {
    private static final int SLOTS = 1024;
    /** Longer strings are rarely repeated and cost more to compare than to allocate. */
    static final int MAX_LENGTH = 64;
    private final String[] slots = new String[SLOTS];

    String of(char[] chars, int offset, int length) {
        if (length > MAX_LENGTH) {
            return new String(chars, offset, length);
        }
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + chars[offset + i];
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        String known = slots[slot];
        if (known != null && matches(known, chars, offset, length)) {
            return known;
        }
        String fresh = new String(chars, offset, length);
        slots[slot] = fresh;
        return fresh;
    }

    private static boolean matches(String s, char[] chars, int offset, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
