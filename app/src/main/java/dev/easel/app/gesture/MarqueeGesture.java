package dev.easel.app.gesture;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.NodeView;
import java.util.LinkedHashSet;
import java.util.Set;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;

/**
 * Selects the top-level nodes a dragged rectangle touches (shift adds them to the selection). A click on
 * empty canvas clears the selection.
 */
public final class MarqueeGesture implements Gesture {
    private final CanvasView canvas;
    private final DocumentModel model;
    private final Point2D start;
    private final Set<String> before;
    private final boolean additive;

    public MarqueeGesture(CanvasView canvas, double sx, double sy, boolean additive) {
        this.canvas = canvas;
        this.model = canvas.model();
        this.start = canvas.viewport().toWorld(sx, sy);
        this.additive = additive;
        this.before = new LinkedHashSet<>(model.selection().ids());
        if (!additive) {
            model.selection().clear();
        }
    }

    @Override
    public void dragged(double sx, double sy, MouseEvent e) {
        Bounds box = box(sx, sy);
        canvas.setMarquee(box);
        Set<String> picked = new LinkedHashSet<>(additive ? before : Set.of());
        for (NodeView n : model.children(null)) {
            if (canvas.pickable(n) && canvas.worldBounds(n).intersects(box)) {
                picked.add(n.id());
            }
        }
        model.selection().set(picked);
    }

    @Override
    public void released(double sx, double sy, MouseEvent e) {
        canvas.setMarquee(null);
    }

    private Bounds box(double sx, double sy) {
        Point2D p = canvas.viewport().toWorld(sx, sy);
        return new BoundingBox(Math.min(p.getX(), start.getX()), Math.min(p.getY(), start.getY()),
                Math.abs(p.getX() - start.getX()), Math.abs(p.getY() - start.getY()));
    }
}
