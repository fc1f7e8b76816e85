package dev.easel.host.protocol;

/**
 * The short texts a decoder met lately, found again by their encoded bytes: a joiner receiving a cursor storm
 * gets the same hundred owners' keys every frame, and the ids of the nodes being dragged over and over. Finding
 * the String it made last time spares building a new one (a 64-character key is about a hundred bytes of
 * garbage, a twentieth of what a joiner allocated in the storm), and the replica's lookups then meet a String
 * whose hash is already computed and that equals the key it holds by identity.
 *
 * <p>Looked up before Jackson builds the text (its parser builds a token's String only when asked for it), so a
 * hit allocates nothing. A slot holds the newest text whose bytes hash to it; only ASCII texts are kept, whose
 * characters are their bytes, so a slot is checked against the frame without encoding anything. Not safe for
 * use by two threads at once; a decoder reads one frame at a time.
 */
final class RecentTexts {
    /** Longer texts (names, descriptions) rarely repeat from frame to frame. */
    static final int MAX_BYTES = 96;
    /** Several hundred keys in play at once; a collision only costs building that text again. */
    private static final int SLOTS = 512;

    private final String[] slots = new String[SLOTS];

    /** The text encoded as the ASCII bytes {@code bytes[from, from + length)} if met lately, else null. */
    String find(byte[] bytes, int from, int length) {
        String s = slots[slot(bytes, from, length)];
        if (s == null || s.length() != length) {
            return null;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != bytes[from + i]) {
                return null;
            }
        }
        return s;
    }

    /** Keeps {@code text}, just decoded from {@code bytes[from, from + length)}, if it is short ASCII. */
    void remember(byte[] bytes, int from, int length, String text) {
        if (length <= MAX_BYTES && text.length() == length && ascii(bytes, from, length)) {
            slots[slot(bytes, from, length)] = text;
        }
    }

    private static boolean ascii(byte[] bytes, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static int slot(byte[] bytes, int from, int length) {
        int h = length;
        for (int i = from; i < from + length; i++) {
            h = 31 * h + bytes[i];
        }
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }
}
