package dev.easel.app.gesture;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.NodeView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;

/**
 * Drags the selected nodes. The drag is one undo step: {@code begin_gesture} when the pointer first moves,
 * a {@code move_nodes} call for every pointer move (each predicted, so the nodes follow the pointer however
 * slow the link), {@code end_gesture} on release. Shift keeps the move horizontal or vertical.
 */
public final class MoveGesture implements Gesture {
    private static final double THRESHOLD = 2;

    private final DocumentModel model;
    private final CanvasView canvas;
    private final Point2D start;
    private final double startSx;
    private final double startSy;
    /** Position (relative to its parent) of each moving node at the press. */
    private final Map<String, double[]> origins = new LinkedHashMap<>();
    private boolean moving;
    private double lastDx;
    private double lastDy;

    public MoveGesture(CanvasView canvas, Set<String> ids, double sx, double sy) {
        this.canvas = canvas;
        this.model = canvas.model();
        this.start = canvas.viewport().toWorld(sx, sy);
        this.startSx = sx;
        this.startSy = sy;
        for (String id : ids) {
            NodeView n = model.node(id);
            if (n != null && !hasSelectedAncestor(n, ids)) {
                origins.put(id, new double[] {n.x(), n.y()});
            }
        }
    }

    private boolean hasSelectedAncestor(NodeView n, Set<String> ids) {
        int guard = 0;
        for (String p = n.parent(); p != null && guard++ < 64; ) {
            if (ids.contains(p)) {
                return true;
            }
            NodeView pn = model.node(p);
            p = pn == null ? null : pn.parent();
        }
        return false;
    }

    @Override
    public void dragged(double sx, double sy, MouseEvent e) {
        if (!moving) {
            if (Math.abs(sx - startSx) < THRESHOLD && Math.abs(sy - startSy) < THRESHOLD || origins.isEmpty()) {
                return;
            }
            moving = true;
            model.beginGesture();
        }
        Point2D p = canvas.viewport().toWorld(sx, sy);
        double dx = p.getX() - start.getX();
        double dy = p.getY() - start.getY();
        if (e.isShiftDown()) {
            if (Math.abs(dx) > Math.abs(dy)) {
                dy = 0;
            } else {
                dx = 0;
            }
        }
        dx = Math.round(dx);
        dy = Math.round(dy);
        if (dx == lastDx && dy == lastDy) {
            return;
        }
        lastDx = dx;
        lastDy = dy;
        Map<String, double[]> positions = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> o : origins.entrySet()) {
            positions.put(o.getKey(), new double[] {o.getValue()[0] + dx, o.getValue()[1] + dy});
        }
        model.moveNodes(positions);
    }

    @Override
    public void released(double sx, double sy, MouseEvent e) {
        if (moving) {
            dragged(sx, sy, e);
            model.endGesture();
        }
    }

    /** Whether the pointer moved far enough to move anything. */
    public boolean moved() {
        return moving;
    }
}
