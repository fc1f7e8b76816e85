package dev.easel.app.images;

import dev.easel.host.canvas.ImageSniffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

/**
 * An image read into memory, ready for {@code put_asset}: its name (for the layer), its bytes and what its
 * header says (type, pixel size). Only PNG, JPEG and GIF are taken: the ones the canvas can draw.
 */
public record ImageFile(String name, byte[] bytes, ImageSniffer.Info info) {
    static final Set<String> DRAWABLE = Set.of("image/png", "image/jpeg", "image/gif");

    /** Why a file could not be taken, in words for people (no stack trace). */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * Reads and checks an image file. Blocking: call it off the JavaFX thread. Refuses what is not a file, is
     * larger than {@code limit} (checked before reading), cannot be read, or is not a PNG, JPEG or GIF image.
     */
    public static ImageFile read(Path file, UploadLimit limit) throws Refused {
        String shown = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] bytes;
        try {
            if (!Files.exists(file)) {
                throw new Refused(shown + " was not found");
            }
            if (!Files.isRegularFile(file)) {
                throw new Refused(shown + " is not a file");
            }
            long size = Files.size(file);
            if (!limit.allows(size)) {
                throw new Refused(limit.refusal(shown, size));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Refused(shown + " is not there any more");
        } catch (IOException e) {
            throw new Refused("Could not read " + shown + " (" + reason(e) + ")");
        }
        return of(shown, bytes, limit);
    }

    /** Checks bytes that came from elsewhere (the clipboard) as {@link #read} checks a file's. */
    public static ImageFile of(String shown, byte[] bytes, UploadLimit limit) throws Refused {
        if (!limit.allows(bytes.length)) {
            throw new Refused(limit.refusal(shown, bytes.length));
        }
        ImageSniffer.Info info;
        try {
            info = ImageSniffer.sniff(bytes);
        } catch (IllegalArgumentException e) {
            throw new Refused(shown + " is not a PNG, JPEG or GIF image");
        }
        if (!DRAWABLE.contains(info.mime())) {
            String type = info.mime().substring("image/".length()).toUpperCase(java.util.Locale.ROOT);
            throw new Refused(shown + " is a " + type + " image; Easel takes PNG, JPEG and GIF");
        }
        return new ImageFile(shown, bytes, info);
    }

    /** The layer name: the file name without its extension. */
    public String layerName() {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return base.length() > 200 ? base.substring(0, 200) : base;
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
