package dev.easel.app.canvas;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.transform.Scale;
import javafx.stage.Screen;

/**
 * A canvas with as many pixels as the window shows for it. JavaFX's own canvas already keeps its pixels at
 * the highest output scale of the screens it saw when it was made; a window rendered at a higher scale than
 * that (a render scale set by hand, or a screen plugged in later) would show it blurred. This one then holds
 * {@code backing} times its logical size in pixels and is shown scaled back down, and callers draw through
 * {@link #begin()}, which puts the matching scale in front of their own transforms. Positioned by its owner
 * (unmanaged), in logical units.
 */
final class CrispCanvas extends Canvas {
    private final Scale shrink = new Scale(1, 1, 0, 0);
    private double logicalWidth;
    private double logicalHeight;
    private double backing = 1;

    CrispCanvas() {
        getTransforms().add(shrink);
        setManaged(false);
    }

    /**
     * The extra pixels per logical pixel a canvas needs to look crisp in a window rendered at
     * {@code renderScale}, beyond what JavaFX's canvas provides by itself.
     */
    static double backingFor(double renderScale) {
        double own = 1;
        for (Screen s : Screen.getScreens()) {
            own = Math.max(own, Math.max(s.getOutputScaleX(), s.getOutputScaleY()));
        }
        // JavaFX rounds the screens' scale up to a whole number for its canvases.
        own = Math.ceil(own);
        return renderScale > own ? renderScale / own : 1;
    }

    /** Sizes the canvas; true when anything changed (its pixels are then undefined until drawn again). */
    boolean resize(double width, double height, double backingScale) {
        double w = Math.max(0, Math.ceil(width));
        double h = Math.max(0, Math.ceil(height));
        if (w == logicalWidth && h == logicalHeight && backingScale == backing) {
            return false;
        }
        logicalWidth = w;
        logicalHeight = h;
        backing = backingScale;
        setWidth(w * backingScale);
        setHeight(h * backingScale);
        shrink.setX(1 / backingScale);
        shrink.setY(1 / backingScale);
        return true;
    }

    double logicalWidth() {
        return logicalWidth;
    }

    double logicalHeight() {
        return logicalHeight;
    }

    /** Pixels of this canvas per logical pixel, beyond JavaFX's own. */
    double backing() {
        return backing;
    }

    /** The graphics context with its transform reset to logical units. */
    GraphicsContext begin() {
        GraphicsContext g = getGraphicsContext2D();
        g.setTransform(backing, 0, 0, backing, 0, 0);
        return g;
    }
}
