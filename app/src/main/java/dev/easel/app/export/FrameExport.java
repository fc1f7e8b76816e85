package dev.easel.app.export;

import dev.easel.app.canvas.ImageSource;
import dev.easel.app.document.DocumentModel;
import dev.easel.app.images.ImageCache;
import dev.easel.app.document.NodeView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.scene.image.WritableImage;

/**
 * Exports one frame of the page, with everything inside it clipped to it, as PNG (1x or 2x) or SVG. The
 * drawing is made on the JavaFX thread; the file is written off it.
 */
public final class FrameExport {
    /** What an export writes. */
    public enum Format {
        PNG_1X("PNG 1x", "png", 1),
        PNG_2X("PNG 2x", "png", 2),
        SVG("SVG", "svg", 1);

        private final String label;
        private final String extension;
        private final double scale;

        Format(String label, String extension, double scale) {
            this.label = label;
            this.extension = extension;
            this.scale = scale;
        }

        public String label() {
            return label;
        }

        public String extension() {
            return extension;
        }

        public double scale() {
            return scale;
        }

        /** A file name for a frame in this format: "Card.png", "Card@2x.png", "Card.svg". */
        public String fileName(String frameName) {
            String base = frameName == null || frameName.isBlank() ? "Frame"
                    : frameName.replaceAll("[\\\\/:*?\"<>|]", "_");
            return base + (this == PNG_2X ? "@2x" : "") + "." + extension;
        }
    }

    private FrameExport() {
    }

    /** The frames of the shown page, parents before the frames inside them, each level bottom to top. */
    public static List<NodeView> frames(DocumentModel m) {
        List<NodeView> out = new ArrayList<>();
        for (NodeView n : m.drawOrder()) {
            if ("frame".equals(n.kind())) {
                out.add(n);
            }
        }
        return out;
    }

    /**
     * The frame an export offers first: the selected frame, else the innermost frame holding the first
     * selected layer; null when the selection says nothing.
     */
    public static String preselected(DocumentModel m) {
        for (NodeView n : m.drawOrder()) {
            if (!m.selection().contains(n.id())) {
                continue;
            }
            int guard = 0;
            for (NodeView at = n; at != null && guard++ < 64; at = at.parent() == null ? null : m.node(at.parent())) {
                if ("frame".equals(at.kind())) {
                    return at.id();
                }
            }
        }
        return null;
    }

    /**
     * Writes the frame to {@code file}: renders now (call on the JavaFX thread), writes on {@code io}.
     * Completes with the file, or fails with the reason (an {@link IOException} for a file that cannot be
     * written, {@link IllegalArgumentException} for a frame that is gone).
     */
    public static CompletableFuture<Path> export(DocumentModel m, String frameId, Format format, Path file,
            Executor io) {
        return export(m, frameId, format, file, io, null);
    }

    /**
     * As {@link #export(DocumentModel, String, Format, Path, Executor)}, with the images' pictures (or null).
     * Pictures not loaded yet are loaded first, so the file shows them rather than placeholders; one that cannot
     * be had is drawn as a placeholder (see {@link #missingPictures}).
     */
    public static CompletableFuture<Path> export(DocumentModel m, String frameId, Format format, Path file,
            Executor io, ImageCache pictures) {
        NodeView frame = m.node(frameId);
        if (frame == null || !"frame".equals(frame.kind())) {
            return frameGone();
        }
        if (pictures == null) {
            return draw(m, frameId, format, file, io, null);
        }
        // ready() completes on the JavaFX thread, where the drawing must be made.
        return pictures.ready(pictureHashes(m, frameId)).thenCompose(missing -> draw(m, frameId, format, file, io,
                pictures));
    }

    /** How many pictures inside the frame {@code pictures} could not load (each exported as a placeholder). */
    public static int missingPictures(DocumentModel m, String frameId, ImageCache pictures) {
        int missing = 0;
        for (String hash : pictureHashes(m, frameId)) {
            missing += pictures != null && pictures.failure(hash) != null ? 1 : 0;
        }
        return missing;
    }

    /** The content hashes of the image nodes inside a frame (at any depth). */
    static Set<String> pictureHashes(DocumentModel m, String frameId) {
        Set<String> hashes = new LinkedHashSet<>();
        for (NodeView n : m.drawOrder()) {
            if ("image".equals(n.kind()) && n.asset() != null && m.hasAncestorIn(n, Set.of(frameId))) {
                hashes.add(n.asset());
            }
        }
        return hashes;
    }

    private static CompletableFuture<Path> frameGone() {
        return CompletableFuture.failedFuture(new IllegalArgumentException("the frame is not there any more"));
    }

    private static CompletableFuture<Path> draw(DocumentModel m, String frameId, Format format, Path file,
            Executor io, ImageCache pictures) {
        if (m.node(frameId) == null) {
            return frameGone(); // deleted while its pictures loaded
        }
        if (format == Format.SVG) {
            String svg = SvgExport.render(m, List.of(frameId), pictures == null ? hash -> null : pictures::bytes);
            return CompletableFuture.supplyAsync(() -> {
                try {
                    SvgExport.write(svg, file);
                    return file;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, io);
        }
        WritableImage image = PngExport.renderNodes(m, List.of(frameId), format.scale(),
                pictures == null ? ImageSource.NONE : pictures);
        return CompletableFuture.supplyAsync(() -> {
            try {
                PngExport.write(image, file);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io);
    }
}
