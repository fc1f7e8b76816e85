package dev.easel.app.gesture;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.NodeView;
import dev.easel.app.canvas.SnapIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;

/**
 * Drags the selected nodes. The drag is one undo step: {@code begin_gesture} when the pointer first moves,
 * a {@code move_nodes} call for every pointer move (each predicted, so the nodes follow the pointer however
 * slow the link), {@code end_gesture} on release. Shift keeps the move horizontal or vertical. The moving
 * box snaps its edges and centre to the other visible nodes' edges and centres within
 * {@link #SNAP_PIXELS} screen pixels, with guides drawn on the canvas; Alt turns snapping off.
 */
public final class MoveGesture implements Gesture {
    private static final double THRESHOLD = 2;
    /** Snapping reaches this far on screen, whatever the zoom. */
    public static final double SNAP_PIXELS = 5;

    private final DocumentModel model;
    private final CanvasView canvas;
    private final Point2D start;
    private final double startSx;
    private final double startSy;
    /** Position (relative to its parent) of each moving node at the press. */
    private final Map<String, double[]> origins = new LinkedHashMap<>();
    /** Snapping: the page box of the moving nodes at the press, and the other visible nodes' edges. */
    private double[] box;
    private SnapIndex snaps;
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
            // A layer-locked node selected in the layers panel stays put.
            if (n != null && !model.lockedOnCanvas(n) && !hasSelectedAncestor(n, ids)) {
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
            buildSnaps();
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
        if (snaps != null && box != null && !e.isAltDown()) {
            boolean lockX = e.isShiftDown() && dx == 0;
            boolean lockY = e.isShiftDown() && dy == 0;
            SnapIndex.Snap snap = snaps.snap(box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy,
                    SNAP_PIXELS / canvas.viewport().zoom(), !lockX, !lockY);
            dx += snap.dx();
            dy += snap.dy();
            canvas.setGuides(snap.guides());
        } else {
            canvas.setGuides(List.of());
        }
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
        canvas.setGuides(List.of());
    }

    /**
     * Indexes the edges and centres of the visible nodes that are not moving (nor inside a moving node), and
     * the moving nodes' box on the page.
     */
    private void buildSnaps() {
        List<NodeView> movingNodes = new ArrayList<>();
        for (String id : origins.keySet()) {
            NodeView n = model.node(id);
            if (n != null) {
                movingNodes.add(n);
            }
        }
        box = CanvasView.pageBox(model, movingNodes);
        if (box == null) {
            return;
        }
        javafx.geometry.Bounds view = canvas.viewport().visibleWorld(canvas.getWidth(), canvas.getHeight());
        Set<String> moving = new HashSet<>(origins.keySet());
        List<double[]> boxes = new ArrayList<>();
        for (NodeView n : model.drawOrder()) {
            if (!n.visible() || "group".equals(n.kind()) && n.w() == 0) {
                continue;
            }
            String p = n.parent();
            if (moving.contains(n.id()) || p != null && moving.contains(p)) {
                moving.add(n.id()); // draw order lists parents first, so descendants are caught
                continue;
            }
            double x = model.worldX(n);
            double y = model.worldY(n);
            if (x > view.getMaxX() || y > view.getMaxY() || x + n.w() < view.getMinX() || y + n.h() < view.getMinY()) {
                continue;
            }
            boxes.add(new double[] {x, y, x + n.w(), y + n.h()});
        }
        snaps = SnapIndex.of(boxes);
    }

    /** Whether the pointer moved far enough to move anything. */
    public boolean moved() {
        return moving;
    }
}
