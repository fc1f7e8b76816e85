package dev.easel.app.images;

import dev.easel.host.canvas.ImageStore;

/**
 * The largest image a document takes: what the host's image store takes (50 MB), hosted here or joined (a
 * joiner's messages are limited to 1 MiB, so {@link dev.easel.host.canvas.ImageUpload} sends a larger image in
 * parts). {@code joined}: the document is another app's, so this app cannot look into its images.
 */
public record UploadLimit(long bytes, boolean joined) {
    public static final UploadLimit HOSTED = new UploadLimit(ImageStore.MAX_BYTES, false);
    public static final UploadLimit JOINED = new UploadLimit(ImageStore.MAX_BYTES, true);

    public static UploadLimit of(boolean hostedHere) {
        return hostedHere ? HOSTED : JOINED;
    }

    public boolean allows(long size) {
        return size <= bytes;
    }

    /** Why a file of {@code size} bytes cannot be added, in words for people. */
    public String refusal(String name, long size) {
        return name + " is " + Sizes.describe(size) + "; an image can be at most " + Sizes.describe(bytes) + ".";
    }
}
