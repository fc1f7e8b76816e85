package dev.easel.host.protocol;

/**
 * What a thread's binary decoders reuse from frame to frame: a buffer for frames that arrive in direct memory,
 * and the texts met lately ({@link RecentTexts}). Kept per thread, not per connection: a process with a hundred
 * connections reads them on a couple of threads, and a hundred copies, each touched once a frame, were cold in
 * the CPU's cache by the time their connection's next frame came. A decoder uses it only while it decodes a
 * frame, and nothing decoded points into it.
 */
final class DecodeScratch {
    private static final ThreadLocal<DecodeScratch> OF_THREAD = ThreadLocal.withInitial(DecodeScratch::new);
    /** A larger buffer (a snapshot's frame) is not kept for the next frame. */
    private static final int KEEP_BUFFER_BYTES = 64 * 1024;

    private byte[] buffer = new byte[1024];
    private RecentTexts texts;

    private DecodeScratch() {
    }

    static DecodeScratch ofThisThread() {
        return OF_THREAD.get();
    }

    /** A buffer of at least {@code length} bytes, valid until this thread's next call. */
    byte[] buffer(int length) {
        if (buffer.length >= length) {
            return buffer;
        }
        byte[] larger = new byte[length];
        if (length <= KEEP_BUFFER_BYTES) {
            buffer = larger;
        }
        return larger;
    }

    /** This thread's recent texts, made on first use: a host's threads, which decode calls, never need them. */
    RecentTexts texts() {
        if (texts == null) {
            texts = new RecentTexts();
        }
        return texts;
    }
}
