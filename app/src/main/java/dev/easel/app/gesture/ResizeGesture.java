package dev.easel.app.gesture;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.NodeView;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;

/**
 * Drags a corner handle of the selected node; the opposite corner stays put, shift keeps the aspect ratio.
 * One undo step: {@code begin_gesture}, predicted {@code resize_nodes} calls, {@code end_gesture}.
 */
public final class ResizeGesture implements Gesture {
    private final CanvasView canvas;
    private final DocumentModel model;
    private final String id;
    /** The fixed corner, in page coordinates. */
    private final double fixedX;
    private final double fixedY;
    /** The parent's origin on the page: positions are stored relative to it. */
    private final double parentX;
    private final double parentY;
    private final double ratio;
    private boolean started;

    public ResizeGesture(CanvasView canvas, NodeView n, int corner) {
        this.canvas = canvas;
        this.model = canvas.model();
        this.id = n.id();
        double wx = model.worldX(n);
        double wy = model.worldY(n);
        this.parentX = wx - n.x();
        this.parentY = wy - n.y();
        boolean left = corner == 0 || corner == 2;
        boolean top = corner == 0 || corner == 1;
        this.fixedX = left ? wx + n.w() : wx;
        this.fixedY = top ? wy + n.h() : wy;
        this.ratio = n.h() == 0 ? 0 : n.w() / n.h();
    }

    @Override
    public void dragged(double sx, double sy, MouseEvent e) {
        if (!started) {
            started = true;
            model.beginGesture();
        }
        Point2D p = canvas.viewport().toWorld(sx, sy);
        double w = Math.abs(p.getX() - fixedX);
        double h = Math.abs(p.getY() - fixedY);
        if (e.isShiftDown() && ratio > 0) {
            if (w / ratio > h) {
                h = w / ratio;
            } else {
                w = h * ratio;
            }
        }
        w = Math.round(w);
        h = Math.round(h);
        double x = p.getX() < fixedX ? fixedX - w : fixedX;
        double y = p.getY() < fixedY ? fixedY - h : fixedY;
        model.resizeNode(id, x - parentX, y - parentY, w, h);
    }

    @Override
    public void released(double sx, double sy, MouseEvent e) {
        if (started) {
            dragged(sx, sy, e);
            model.endGesture();
        }
    }
}
