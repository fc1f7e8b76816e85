package dev.easel.app.images;

import dev.easel.host.canvas.ImageStore;
import dev.easel.host.protocol.Limits;

/**
 * The largest image a document takes in one {@code put_asset} call. A document this app hosts takes what the
 * host's image store takes (50 MB); a joined one is bound by the session's 1 MiB limit on a message from a
 * joiner, so a joiner's images must fit in one message with room for its envelope.
 */
public record UploadLimit(long bytes, boolean joined) {
    /** Room left in a joiner's 1 MiB message for the call's envelope (type, request id, reducer name, keys). */
    static final int ENVELOPE = 4 * 1024;

    public static final UploadLimit HOSTED = new UploadLimit(ImageStore.MAX_BYTES, false);
    public static final UploadLimit JOINED = new UploadLimit(Limits.MAX_FRAME_BYTES - ENVELOPE, true);

    public static UploadLimit of(boolean hostedHere) {
        return hostedHere ? HOSTED : JOINED;
    }

    public boolean allows(long size) {
        return size <= bytes;
    }

    /** Why a file of {@code size} bytes cannot be added, in words for people. */
    public String refusal(String name, long size) {
        if (joined) {
            return name + " is " + Sizes.describe(size) + "; in a joined session an image can be at most "
                    + Sizes.describe(bytes) + " (a session message from a joiner is limited to 1 MB). "
                    + "Make it smaller, or ask the host to add it.";
        }
        return name + " is " + Sizes.describe(size) + "; an image can be at most " + Sizes.describe(bytes) + ".";
    }
}
