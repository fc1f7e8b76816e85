package dev.easel.host.protocol;

/** The protocol's size limits (PROTOCOL.md, "Limits"). Both codecs enforce them when decoding. */
public final class Limits {
    /** Largest frame a codec decodes by default, and the most a host accepts from a client: 1 MiB. */
    public static final int MAX_FRAME_BYTES = 1 << 20;

    /**
     * What a client may choose to accept from the host it joined, whose snapshot of a large document can
     * exceed 1 MiB even compressed: 64 MiB. Pass it to the codec constructors on the client side.
     */
    public static final int MAX_HOST_FRAME_BYTES = 64 << 20;

    /** Longest string (in UTF-16 units, as Java counts) and largest byte string a frame may carry: 1 MiB. */
    public static final int MAX_STRING = 1 << 20;

    /**
     * Deepest nesting of lists and maps in call arguments and call results. The arguments map itself is level
     * one; a scalar adds no level.
     */
    public static final int MAX_VALUE_DEPTH = 32;

    /** Snapshot rows whose binary encoding is larger than this are compressed. */
    public static final int COMPRESS_ABOVE_BYTES = 16 * 1024;

    /** Largest inflated size of one compressed snapshot: a guard against decompression bombs. */
    public static final int MAX_INFLATED_BYTES = 32 << 20;

    /** Strings longer than this (in UTF-8 bytes) are never interned by the binary codec. */
    public static final int MAX_INTERNED_UTF8 = 255;

    /** Entries per intern table of the binary codec (callers, reducers); once full, strings go in full. */
    public static final int MAX_INTERNED = 1024;

    private Limits() {
    }
}
