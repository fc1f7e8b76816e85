package dev.easel.app.gesture;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.NodeView;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.ImageCursor;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.StrokeLineCap;

/**
 * Turns the selected node about its centre by dragging just outside a corner of its selection box (see
 * {@link CanvasView#rotateHandleAt}): the node turns by the angle the pointer sweeps around the centre. Shift
 * snaps the rotation to {@link #SNAP_DEGREES} steps. One undo step: {@code begin_gesture} when the pointer
 * first moves, a predicted {@code update_node} of the rotation per move, {@code end_gesture} on release.
 */
public final class RotateGesture implements Gesture {
    public static final double SNAP_DEGREES = 15;

    private static Cursor cursor;

    private final CanvasView canvas;
    private final DocumentModel model;
    private final String id;
    /** The node's centre on the page, the pointer's angle about it at the press, the rotation then. */
    private final double centreX;
    private final double centreY;
    private final double startAngle;
    private final double startRotation;
    private boolean started;
    private double last;

    public RotateGesture(CanvasView canvas, NodeView n, double sx, double sy) {
        this.canvas = canvas;
        this.model = canvas.model();
        this.id = n.id();
        this.centreX = model.worldX(n) + n.w() / 2;
        this.centreY = model.worldY(n) + n.h() / 2;
        this.startAngle = angle(sx, sy);
        this.startRotation = n.rotation();
        this.last = n.rotation();
    }

    /** The pointer's angle about the node's centre, in degrees (clockwise on screen, as rotation is). */
    private double angle(double sx, double sy) {
        Point2D p = canvas.viewport().toWorld(sx, sy);
        return Math.toDegrees(Math.atan2(p.getY() - centreY, p.getX() - centreX));
    }

    /** The rotation for a pointer position: the start plus the swept angle, in (-180, 180]. */
    double rotationAt(double sx, double sy, boolean snap) {
        double r = startRotation + angle(sx, sy) - startAngle;
        r = snap ? Math.round(r / SNAP_DEGREES) * SNAP_DEGREES : Math.round(r * 10) / 10.0;
        r = r % 360;
        if (r <= -180) {
            r += 360;
        } else if (r > 180) {
            r -= 360;
        }
        return r == -0.0 ? 0 : r;
    }

    @Override
    public void dragged(double sx, double sy, MouseEvent e) {
        double r = rotationAt(sx, sy, e.isShiftDown());
        if (r == last) {
            return;
        }
        if (!started) {
            started = true;
            model.beginGesture();
        }
        last = r;
        model.updateNode(id, Map.of("rotation", r));
    }

    @Override
    public void released(double sx, double sy, MouseEvent e) {
        dragged(sx, sy, e);
        if (started) {
            model.endGesture();
        }
    }

    /**
     * The pointer over a rotate zone: a curved double arrow, drawn once (JavaFX has no such cursor). Monocle,
     * the headless platform of the tests and benchmarks, cannot make cursors from images and gets a crosshair.
     */
    public static Cursor cursor() {
        if (cursor == null && "Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))) {
            cursor = Cursor.CROSSHAIR;
        }
        if (cursor == null) {
            Canvas c = new Canvas(24, 24);
            GraphicsContext g = c.getGraphicsContext2D();
            g.setLineCap(StrokeLineCap.ROUND);
            for (int pass = 0; pass < 2; pass++) {
                // A white halo under a dark arrow, so it reads on any background.
                g.setStroke(pass == 0 ? Color.WHITE : Color.web("#222222"));
                g.setFill(pass == 0 ? Color.WHITE : Color.web("#222222"));
                g.setLineWidth(pass == 0 ? 4 : 1.6);
                g.strokeArc(5, 5, 14, 14, 20, 140, ArcType.OPEN);
                double grow = pass == 0 ? 1.5 : 0;
                g.fillPolygon(new double[] {17.5 + grow, 21.5 + grow, 15.5 - grow},
                        new double[] {6 - grow, 11.5 + grow, 11 + grow}, 3);
                g.fillPolygon(new double[] {6.5 - grow, 2.5 - grow, 8.5 + grow},
                        new double[] {6 - grow, 11.5 + grow, 11 + grow}, 3);
            }
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(Color.TRANSPARENT);
            cursor = new ImageCursor(c.snapshot(p, null), 12, 12);
        }
        return cursor;
    }
}
