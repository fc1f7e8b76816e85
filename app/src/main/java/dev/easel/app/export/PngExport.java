package dev.easel.app.export;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.canvas.ImageSource;
import dev.easel.app.canvas.NodeRenderer;
import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.NodeView;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;

/**
 * Renders the current page (or a part of it) to an image at 1x, 2x, ..., with the canvas's own drawing code,
 * and writes PNG files. Rendering must happen on the JavaFX thread; writing the file need not.
 */
public final class PngExport {
    private PngExport() {
    }

    /** Renders {@code area} of the page (all its content when null) at {@code scale}, on {@code background}. */
    public static WritableImage render(DocumentModel model, Bounds area, double scale, Color background) {
        return render(model, area, scale, background, ImageSource.NONE);
    }

    /** As {@link #render(DocumentModel, Bounds, double, Color)}, drawing image nodes' pictures from {@code images}. */
    public static WritableImage render(DocumentModel model, Bounds area, double scale, Color background,
            ImageSource images) {
        Bounds b = area != null ? area : CanvasView.contentBounds(model);
        if (b == null) {
            b = new javafx.geometry.BoundingBox(0, 0, 1, 1);
        }
        int w = (int) Math.max(1, Math.ceil(b.getWidth() * scale));
        int h = (int) Math.max(1, Math.ceil(b.getHeight() * scale));
        Canvas c = new Canvas(w, h);
        GraphicsContext g = c.getGraphicsContext2D();
        if (background != null) {
            g.setFill(background);
            g.fillRect(0, 0, w, h);
        }
        CanvasView.paintNodes(g, model, scale, -b.getMinX() * scale, -b.getMinY() * scale, b, false, images);
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(background != null ? background : Color.TRANSPARENT);
        return c.snapshot(p, new WritableImage(w, h));
    }

    /**
     * Renders these nodes and everything inside them, and nothing else on the page, cropped to their box (so a
     * frame's content is clipped to the frame), at {@code scale}, on a transparent background. Null when none
     * of them is on the page. Call on the JavaFX thread.
     */
    public static WritableImage renderNodes(DocumentModel model, Collection<String> roots, double scale) {
        return renderNodes(model, roots, scale, ImageSource.NONE);
    }

    /** As {@link #renderNodes(DocumentModel, Collection, double)}, drawing image nodes' pictures from {@code images}. */
    public static WritableImage renderNodes(DocumentModel model, Collection<String> roots, double scale,
            ImageSource images) {
        Bounds b = box(model, roots);
        if (b == null) {
            return null;
        }
        int w = (int) Math.max(1, Math.ceil(b.getWidth() * scale));
        int h = (int) Math.max(1, Math.ceil(b.getHeight() * scale));
        Canvas c = new Canvas(w, h);
        GraphicsContext g = c.getGraphicsContext2D();
        g.setTransform(scale, 0, 0, scale, -b.getMinX() * scale, -b.getMinY() * scale);
        for (NodeView n : model.drawOrder()) {
            if (shownUnder(model, n, roots)) {
                NodeRenderer.draw(g, n, model.worldX(n), model.worldY(n), 0, images);
            }
        }
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.TRANSPARENT);
        return c.snapshot(p, new WritableImage(w, h));
    }

    /** The box on the page of these nodes (rotation ignored), or null when none is on the page. */
    public static Bounds box(DocumentModel model, Collection<String> ids) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (String id : ids) {
            NodeView n = model.node(id);
            if (n == null || !java.util.Objects.equals(n.page(), model.page())) {
                continue;
            }
            double x = model.worldX(n);
            double y = model.worldY(n);
            minX = Math.min(minX, Math.min(x, x + n.w()));
            minY = Math.min(minY, Math.min(y, y + n.h()));
            maxX = Math.max(maxX, Math.max(x, x + n.w()));
            maxY = Math.max(maxY, Math.max(y, y + n.h()));
        }
        return minX > maxX ? null : new BoundingBox(minX, minY, Math.max(maxX - minX, 1), Math.max(maxY - minY, 1));
    }

    /** Whether a node is one of {@code roots} or inside one, with no hidden node on the way there. */
    private static boolean shownUnder(DocumentModel model, NodeView n, Collection<String> roots) {
        int guard = 0;
        for (NodeView at = n; at != null && guard++ < 64; at = at.parent() == null ? null : model.node(at.parent())) {
            if (!at.visible()) {
                return false;
            }
            if (roots.contains(at.id())) {
                return true;
            }
        }
        return false;
    }

    /** Writes an image as a PNG file, creating its folder. Blocking: call it off the JavaFX thread. */
    public static void write(WritableImage image, Path file) throws IOException {
        BufferedImage img = SwingFXUtils.fromFXImage(image, null);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}
