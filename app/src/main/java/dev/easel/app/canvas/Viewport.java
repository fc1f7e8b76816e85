package dev.easel.app.canvas;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;

/**
 * Maps page coordinates to the canvas's pixels: {@code screen = world * zoom + offset}. Zoom stays within
 * {@link #MIN_ZOOM}..{@link #MAX_ZOOM}. The offset stays on whole device pixels (see {@link #setPixelScale}):
 * a pan then moves the drawing by whole pixels, so the canvas can shift what it drew before instead of
 * drawing it again; a pan's fraction of a pixel is kept and added to the next one. Used on the JavaFX thread
 * only.
 */
public final class Viewport {
    public static final double MIN_ZOOM = 0.02;
    public static final double MAX_ZOOM = 64;
    private static final double STEP = 1.25;

    private double zoom = 1;
    private double offsetX;
    private double offsetY;
    /** The offset as asked for; {@link #offsetX} is this rounded to a device pixel. */
    private double exactX;
    private double exactY;
    /** Device pixels per canvas pixel (2 on a HiDPI screen). */
    private double pixelScale = 1;
    private final List<Runnable> listeners = new ArrayList<>();

    public double zoom() {
        return zoom;
    }

    public double offsetX() {
        return offsetX;
    }

    public double offsetY() {
        return offsetY;
    }

    public Point2D toWorld(double sx, double sy) {
        return new Point2D((sx - offsetX) / zoom, (sy - offsetY) / zoom);
    }

    public Point2D toScreen(double wx, double wy) {
        return new Point2D(wx * zoom + offsetX, wy * zoom + offsetY);
    }

    /** The part of the page a canvas of this size shows. */
    public Bounds visibleWorld(double width, double height) {
        Point2D a = toWorld(0, 0);
        return new BoundingBox(a.getX(), a.getY(), width / zoom, height / zoom);
    }

    /** Device pixels per canvas pixel: offsets are kept on multiples of {@code 1 / scale}. */
    public void setPixelScale(double scale) {
        double s = scale > 0 && Double.isFinite(scale) ? scale : 1;
        if (s != pixelScale) {
            pixelScale = s;
            place(exactX, exactY);
            fire();
        }
    }

    public double pixelScale() {
        return pixelScale;
    }

    public void panBy(double dx, double dy) {
        if (dx == 0 && dy == 0) {
            return;
        }
        double ox = offsetX;
        double oy = offsetY;
        place(exactX + dx, exactY + dy);
        if (ox != offsetX || oy != offsetY) {
            fire();
        }
    }

    private void place(double x, double y) {
        exactX = x;
        exactY = y;
        offsetX = Math.round(x * pixelScale) / pixelScale;
        offsetY = Math.round(y * pixelScale) / pixelScale;
    }

    /** Sets the zoom keeping the page point under ({@code sx}, {@code sy}) where it is on screen. */
    public void zoomAt(double newZoom, double sx, double sy) {
        double z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, newZoom));
        if (z == zoom) {
            return;
        }
        Point2D anchor = toWorld(sx, sy);
        zoom = z;
        place(sx - anchor.getX() * z, sy - anchor.getY() * z);
        fire();
    }

    public void zoomIn(double sx, double sy) {
        zoomAt(zoom * STEP, sx, sy);
    }

    public void zoomOut(double sx, double sy) {
        zoomAt(zoom / STEP, sx, sy);
    }

    /** Zoom 1 with the page origin at the top left corner. */
    public void reset() {
        set(1, 0, 0);
    }

    /** Shows {@code world} whole, centred, in a canvas of the given size, with a margin; zooms in at most to 1. */
    public void fit(Bounds world, double width, double height) {
        if (world == null || world.getWidth() <= 0 && world.getHeight() <= 0 || width <= 0 || height <= 0) {
            reset();
            return;
        }
        double margin = 40;
        double zx = (width - 2 * margin) / Math.max(world.getWidth(), 1);
        double zy = (height - 2 * margin) / Math.max(world.getHeight(), 1);
        double z = Math.max(MIN_ZOOM, Math.min(1, Math.min(zx, zy)));
        double ox = width / 2 - (world.getMinX() + world.getWidth() / 2) * z;
        double oy = height / 2 - (world.getMinY() + world.getHeight() / 2) * z;
        set(z, ox, oy);
    }

    public void set(double z, double ox, double oy) {
        if (z == zoom && ox == exactX && oy == exactY) {
            return;
        }
        zoom = z;
        place(ox, oy);
        fire();
    }

    public void addListener(Runnable l) {
        listeners.add(l);
    }

    private void fire() {
        for (Runnable l : List.copyOf(listeners)) {
            l.run();
        }
    }
}
