package dev.easel.app.export;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.document.DocumentModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
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
        CanvasView.paintNodes(g, model, scale, -b.getMinX() * scale, -b.getMinY() * scale, b, false);
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(background != null ? background : Color.TRANSPARENT);
        return c.snapshot(p, new WritableImage(w, h));
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
