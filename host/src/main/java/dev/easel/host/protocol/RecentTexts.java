package dev.easel.host.protocol;

/**
 * The short texts a decoder met lately, found again by their encoded bytes: a joiner receiving a cursor storm
 * gets the same hundred owners' keys every frame, and the ids of the nodes being dragged over and over. Finding
 * the String it made last time spares building a new one (a 64-character key is about a hundred bytes of
 * garbage, an eighth of what a joiner allocated in the storm), and the replica's lookups then meet a String
 * whose hash is already computed and that equals the key it holds by identity.
 *
 * <p>Looked up before Jackson builds the text (its parser builds a token's String only when asked for it), so a
 * hit allocates nothing. The bytes' hash picks a pair of slots, which hold the two texts of that hash met last:
 * with one slot per hash, 18 in 100 of a hundred cursor owners in 512 slots shared theirs, and two that share
 * one push each other out every frame. Only ASCII texts are kept, whose characters are their bytes, so a
 * slot is checked against the frame without encoding anything. Not safe for use by two threads at once: each
 * thread decoding frames has its own ({@link DecodeScratch}), shared by the connections it reads.
 */
final class RecentTexts {
    /** Longer texts (names, descriptions) rarely repeat from frame to frame. */
    static final int MAX_BYTES = 96;
    /**
     * Several hundred keys in play at once, in pairs of slots (16 KB). With a hundred keys, three share a pair
     * (and push one another out every frame) in about 4 tables in 100 of this size, against 45 in 100 with 1,024
     * slots; a miss only costs building that text again.
     */
    private static final int SLOTS = 4096;

    private final String[] slots = new String[SLOTS];

    /** The text encoded as the ASCII bytes {@code bytes[from, from + length)} if met lately, else null. */
    String find(byte[] bytes, int from, int length) {
        int pair = pair(bytes, from, length);
        String s = slots[pair];
        if (matches(s, bytes, from, length)) {
            return s;
        }
        s = slots[pair + 1];
        return matches(s, bytes, from, length) ? s : null;
    }

    private static boolean matches(String s, byte[] bytes, int from, int length) {
        if (s == null || s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != bytes[from + i]) {
                return false;
            }
        }
        return true;
    }

    /** Keeps {@code text}, just decoded from {@code bytes[from, from + length)}, if it is short ASCII. */
    void remember(byte[] bytes, int from, int length, String text) {
        if (length <= MAX_BYTES && text.length() == length && ascii(bytes, from, length)) {
            int pair = pair(bytes, from, length);
            slots[pair + 1] = slots[pair]; // the older of the pair goes
            slots[pair] = text;
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

    /** The first slot of the pair for these bytes. */
    private static int pair(byte[] bytes, int from, int length) {
        int h = length;
        for (int i = from; i < from + length; i++) {
            h = 31 * h + bytes[i];
        }
        return (h ^ (h >>> 16)) & (SLOTS - 2);
    }
}
