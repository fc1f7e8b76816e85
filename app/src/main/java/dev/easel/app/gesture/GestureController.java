package dev.easel.app.gesture;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.canvas.Viewport;
import dev.easel.app.document.NodeView;
import dev.easel.app.tool.Tool;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;

/**
 * Turns the canvas's mouse, wheel and pinch events into gestures: at each press it picks one by the tool
 * and what is under the pointer (one class per gesture, as in Scene Builder's {@code gesture} package).
 * Wheel scrolls the page, Ctrl/Cmd+wheel and pinch zoom at the pointer, space or the middle button pans.
 * When the document is not {@link dev.easel.app.document.DocumentModel#editable editable}, nothing that
 * would change it starts (create, move, resize, rotate): a press selects, a drag on empty canvas marquees.
 */
public final class GestureController {
    private final CanvasView canvas;
    private final ObjectProperty<Tool> tool;
    private Gesture current;
    private boolean spaceDown;
    private java.util.function.Consumer<NodeView> onEditText = n -> { };

    public GestureController(CanvasView canvas, ObjectProperty<Tool> tool) {
        this.canvas = canvas;
        this.tool = tool;
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::hovered);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        canvas.addEventHandler(ZoomEvent.ZOOM, this::zoomed);
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                spaceDown = true;
                canvas.setCursor(Cursor.OPEN_HAND);
                e.consume();
            }
        });
        canvas.addEventHandler(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                spaceDown = false;
                updateCursor();
                e.consume();
            }
        });
        tool.addListener((o, a, b) -> updateCursor());
        updateCursor();
    }

    /** What a double-click on a text node does: open the inline editor. */
    public void setOnEditText(java.util.function.Consumer<NodeView> action) {
        this.onEditText = action;
    }

    private void updateCursor() {
        Tool t = tool.get();
        canvas.setCursor(t == Tool.HAND ? Cursor.OPEN_HAND : t.kind() != null ? Cursor.CROSSHAIR : Cursor.DEFAULT);
    }

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
        if (canvas.model() == null || current != null) {
            return;
        }
        double sx = e.getX();
        double sy = e.getY();
        Tool t = tool.get();
        boolean editable = canvas.model().editable();
        if (e.getButton() == MouseButton.MIDDLE || spaceDown || t == Tool.HAND) {
            current = new PanGesture(canvas.viewport(), sx, sy);
            canvas.setCursor(Cursor.CLOSED_HAND);
        } else if (e.getButton() != MouseButton.PRIMARY) {
            return;
        } else if (e.getClickCount() == 2 && (t == Tool.SELECT || t == Tool.TEXT) && textAt(sx, sy) != null) {
            onEditText.accept(textAt(sx, sy));
        } else if (t.kind() != null && editable) {
            current = new CreateShapeGesture(canvas, t.kind(), sx, sy, id -> {
                canvas.model().selection().set(List.of(id));
                tool.set(Tool.SELECT);
            });
        } else if (!e.isShiftDown() && canvas.handleAt(sx, sy) >= 0) {
            NodeView n = canvas.model().node(canvas.model().selection().single());
            current = new ResizeGesture(canvas, n, canvas.handleAt(sx, sy));
        } else if (!e.isShiftDown() && t == Tool.SELECT && canvas.rotateHandleAt(sx, sy) >= 0) {
            NodeView n = canvas.model().node(canvas.model().selection().single());
            current = new RotateGesture(canvas, n, sx, sy);
            canvas.setCursor(RotateGesture.cursor());
        } else {
            Point2D w = canvas.viewport().toWorld(sx, sy);
            NodeView hit = canvas.nodeAt(w.getX(), w.getY());
            if (hit == null) {
                current = new MarqueeGesture(canvas, sx, sy, e.isShiftDown());
            } else {
                if (e.isShiftDown()) {
                    canvas.model().selection().toggle(hit.id());
                } else if (!canvas.model().selection().contains(hit.id())) {
                    canvas.model().selection().set(List.of(hit.id()));
                }
                current = editable ? new MoveGesture(canvas, canvas.model().selection().ids(), sx, sy) : null;
            }
        }
        e.consume();
    }

    /** The rotate cursor just outside a corner of the selected node (select tool, no gesture under way). */
    private void hovered(MouseEvent e) {
        if (current == null && !spaceDown && tool.get() == Tool.SELECT && canvas.model() != null) {
            canvas.setCursor(canvas.rotateHandleAt(e.getX(), e.getY()) >= 0 ? RotateGesture.cursor() : Cursor.DEFAULT);
        }
    }

    private NodeView textAt(double sx, double sy) {
        Point2D w = canvas.viewport().toWorld(sx, sy);
        NodeView n = canvas.deepestNodeAt(w.getX(), w.getY());
        return n != null && "text".equals(n.kind()) ? n : null;
    }

    private void dragged(MouseEvent e) {
        if (current != null) {
            current.dragged(e.getX(), e.getY(), e);
            e.consume();
        }
    }

    private void released(MouseEvent e) {
        if (current != null) {
            Gesture g = current;
            current = null;
            g.released(e.getX(), e.getY(), e);
            updateCursor();
            e.consume();
        }
    }

    private void scrolled(ScrollEvent e) {
        Viewport v = canvas.viewport();
        if (e.isShortcutDown() || e.isControlDown()) {
            double factor = Math.pow(1.0015, e.getDeltaY());
            v.zoomAt(v.zoom() * factor, e.getX(), e.getY());
        } else if (e.isShiftDown() && e.getDeltaX() == 0) {
            v.panBy(e.getDeltaY(), 0);
        } else {
            v.panBy(e.getDeltaX(), e.getDeltaY());
        }
        e.consume();
    }

    private void zoomed(ZoomEvent e) {
        Viewport v = canvas.viewport();
        v.zoomAt(v.zoom() * e.getZoomFactor(), e.getX(), e.getY());
        e.consume();
    }
}
