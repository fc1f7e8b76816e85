package dev.easel.app.gesture;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.NodeView;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;

/**
 * Draws a new node by dragging out its box (shift: a square box); a click without a drag makes one of a
 * default size. A node started inside a top-level frame goes into that frame. On release it is one
 * {@code create_node} call (one undo step), and the new node becomes the selection.
 */
public final class CreateShapeGesture implements Gesture {
    private static final double CLICK = 3;

    private final CanvasView canvas;
    private final DocumentModel model;
    private final String kind;
    private final Point2D start;
    private final double startSx;
    private final double startSy;
    private final Consumer<String> created;

    public CreateShapeGesture(CanvasView canvas, String kind, double sx, double sy, Consumer<String> created) {
        this.canvas = canvas;
        this.model = canvas.model();
        this.kind = kind;
        this.start = canvas.viewport().toWorld(sx, sy);
        this.startSx = sx;
        this.startSy = sy;
        this.created = created;
    }

    @Override
    public void dragged(double sx, double sy, MouseEvent e) {
        canvas.setPreview(box(sx, sy, e.isShiftDown()), kind);
    }

    @Override
    public void released(double sx, double sy, MouseEvent e) {
        canvas.setPreview(null, null);
        Bounds b;
        if (Math.abs(sx - startSx) < CLICK && Math.abs(sy - startSy) < CLICK) {
            double[] size = defaultSize(kind);
            b = new BoundingBox(start.getX(), start.getY(), size[0], size[1]);
        } else {
            b = box(sx, sy, e.isShiftDown());
        }
        NodeView frame = "frame".equals(kind) ? null : model.frameAt(start.getX(), start.getY());
        double ox = frame == null ? 0 : model.worldX(frame);
        double oy = frame == null ? 0 : model.worldY(frame);
        Map<String, Object> fields = new HashMap<>();
        fields.put("x", round(b.getMinX() - ox));
        fields.put("y", round(b.getMinY() - oy));
        fields.put("w", round(b.getWidth()));
        fields.put("h", round(b.getHeight()));
        if ("text".equals(kind)) {
            fields.put("text", "Text");
        }
        String id = model.createNode(kind, frame == null ? null : frame.id(), fields);
        created.accept(id);
    }

    private Bounds box(double sx, double sy, boolean square) {
        Point2D p = canvas.viewport().toWorld(sx, sy);
        double dx = p.getX() - start.getX();
        double dy = p.getY() - start.getY();
        if (square) {
            double side = Math.max(Math.abs(dx), Math.abs(dy));
            dx = Math.copySign(side, dx);
            dy = Math.copySign(side, dy);
        }
        // A line runs from the box's top left to its bottom right corner.
        return new BoundingBox(Math.min(start.getX(), start.getX() + dx), Math.min(start.getY(), start.getY() + dy),
                Math.abs(dx), Math.abs(dy));
    }

    private static double[] defaultSize(String kind) {
        return switch (kind) {
            case "text" -> new double[] {120, 24};
            case "frame" -> new double[] {400, 300};
            case "line" -> new double[] {100, 0};
            default -> new double[] {100, 100};
        };
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
