package dev.easel.app.gesture;

import dev.easel.app.canvas.Viewport;
import javafx.scene.input.MouseEvent;

/** Drags the page under the pointer: the hand tool, space-drag and the middle button. */
public final class PanGesture implements Gesture {
    private final Viewport viewport;
    private double lastX;
    private double lastY;

    public PanGesture(Viewport viewport, double sx, double sy) {
        this.viewport = viewport;
        this.lastX = sx;
        this.lastY = sy;
    }

    @Override
    public void dragged(double sx, double sy, MouseEvent e) {
        viewport.panBy(sx - lastX, sy - lastY);
        lastX = sx;
        lastY = sy;
    }

    @Override
    public void released(double sx, double sy, MouseEvent e) {
        dragged(sx, sy, e);
    }
}
