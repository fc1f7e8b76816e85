package dev.easel.host.canvas;

import dev.easel.host.session.Connection;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleConsumer;

/**
 * Stores an image in a document through any {@link Connection}: in one {@code put_asset} call when it fits
 * in one of the connection's calls ({@link Connection#maxCallBytes}), else in parts ({@code put_asset_part},
 * a few on their way at once) that a final {@code put_asset(hash, parts)} puts together and checks against the
 * image's hash. A joiner's messages are limited to 1 MiB; this is how a joiner adds a photo of several
 * megabytes, while the hosting app stores it in one call.
 */
public final class ImageUpload {
    /** The bytes of one part: well inside a message, with room for the call around it. */
    public static final int PART_BYTES = 512 * 1024;
    /** Parts on their way at once (2 MiB in all). */
    static final int PARTS_IN_FLIGHT = 4;
    /** Room a call needs around its bytes (type, request id, reducer name, argument names). */
    private static final int ENVELOPE_BYTES = 4 * 1024;

    private ImageUpload() {
    }

    /**
     * Sends {@code image}; {@code progress} hears the share sent so far (0 to 1) as parts are taken (not at all
     * when it goes in one call). Completes
     * with what put_asset returns ({hash, mime, width, height, size, stored}), or fails as the call failed.
     */
    public static CompletableFuture<Map<?, ?>> put(Connection c, byte[] image, DoubleConsumer progress) {
        if (image.length <= PART_BYTES || image.length <= c.maxCallBytes() - ENVELOPE_BYTES) {
            return c.call(ImageStore.PUT_REDUCER, Map.of("bytes", image)).thenApply(r -> (Map<?, ?>) r);
        }
        String hash = ImageStore.hash(image);
        int parts = (image.length + PART_BYTES - 1) / PART_BYTES;
        CompletableFuture<Object> chain = new PartSender(c, image, hash, parts, progress).start();
        return chain.thenCompose(v -> c.call(ImageStore.PUT_REDUCER, Map.of("hash", hash, "parts", (long) parts)))
                .thenApply(r -> (Map<?, ?>) r);
    }

    /**
     * Keeps up to {@link #PARTS_IN_FLIGHT} parts on their way: over a link with a long round trip, one part at
     * a time would spend most of the upload waiting for answers. Each part goes in a frame of its own (two do
     * not fit in one message), so the host's limits hold.
     */
    private static final class PartSender {
        private final Connection c;
        private final byte[] image;
        private final String hash;
        private final int parts;
        private final DoubleConsumer progress;
        private final CompletableFuture<Object> allSent = new CompletableFuture<>();
        private int nextPart;
        private int partsDone;

        PartSender(Connection c, byte[] image, String hash, int parts, DoubleConsumer progress) {
            this.c = c;
            this.image = image;
            this.hash = hash;
            this.parts = parts;
            this.progress = progress;
        }

        CompletableFuture<Object> start() {
            for (int i = 0; i < Math.min(PARTS_IN_FLIGHT, parts); i++) {
                sendNext();
            }
            return allSent;
        }

        private void sendNext() {
            int part;
            synchronized (this) {
                if (nextPart == parts || allSent.isDone()) {
                    return;
                }
                part = nextPart++;
            }
            byte[] piece = Arrays.copyOfRange(image, part * PART_BYTES, Math.min(image.length, (part + 1) * PART_BYTES));
            c.call(ImageStore.PART_REDUCER, Map.of("hash", hash, "part", (long) part, "bytes", piece))
                    .whenComplete((r, failure) -> {
                        if (failure != null) {
                            allSent.completeExceptionally(failure);
                            return;
                        }
                        synchronized (this) {
                            partsDone++;
                            // Told under the lock, so the shares heard only ever grow.
                            progress.accept(partsDone / (double) parts);
                            if (partsDone == parts) {
                                allSent.complete(null);
                            }
                        }
                        sendNext();
                    });
        }
    }
}
