package dev.easel.app.gesture;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.NodeView;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * Inline text editing: a text area over a text node (which the canvas stops drawing meanwhile), in the
 * node's font at the canvas's zoom. Enter or leaving the field commits with one {@code set_text} call (one
 * undo step); Shift+Enter adds a line; Escape cancels. While it is open the node is locked, so the others see
 * a badge with this member's initials.
 */
public final class TextEditor {
    private final CanvasView canvas;
    private TextArea area;
    private String nodeId;
    private String original;
    private DocumentModel model;
    private final Runnable reposition = this::place;

    public TextEditor(CanvasView canvas) {
        this.canvas = canvas;
        canvas.viewport().addListener(reposition);
    }

    /** Whether a node is being edited now. */
    public boolean isEditing() {
        return area != null;
    }

    public String nodeId() {
        return nodeId;
    }

    public TextArea area() {
        return area;
    }

    /** Opens the editor on a text node (committing any edit already open). */
    public void edit(NodeView n) {
        if (area != null) {
            commit();
        }
        model = canvas.model();
        if (model == null || !model.editable() || n == null || !"text".equals(n.kind())) {
            return;
        }
        nodeId = n.id();
        original = n.text() == null ? "" : n.text();
        area = new TextArea(original);
        area.setId("inline-text-editor");
        area.getStyleClass().add("inline-text-editor");
        area.setWrapText(false);
        area.setStyle("-fx-padding: 0; -fx-background-insets: 0; -fx-background-radius: 0;"
                + " -fx-focus-color: transparent; -fx-faint-focus-color: transparent;");
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                cancel();
            } else if (e.getCode() == KeyCode.ENTER && !e.isShiftDown()) {
                e.consume();
                commit();
            } else if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                area.replaceSelection("\n");
            }
        });
        area.focusedProperty().addListener((o, was, now) -> {
            if (was && !now && area != null && o == areaFocus) {
                commit();
            }
        });
        areaFocus = area.focusedProperty();
        model.lock(List.of(nodeId));
        canvas.setEditor(area, nodeId);
        place();
        model.selection().set(List.of(nodeId));
        area.requestFocus();
        area.selectAll();
    }

    private javafx.beans.value.ObservableValue<Boolean> areaFocus;

    /** Writes the text (if it changed) and closes the editor. */
    public void commit() {
        if (area == null) {
            return;
        }
        String text = area.getText();
        String id = nodeId;
        DocumentModel m = model;
        close();
        if (m.node(id) != null && !text.equals(original)) {
            m.setText(id, text);
        }
        m.unlock(List.of(id));
    }

    /** Closes the editor leaving the text as it was. */
    public void cancel() {
        if (area == null) {
            return;
        }
        String id = nodeId;
        DocumentModel m = model;
        close();
        m.unlock(List.of(id));
    }

    private void close() {
        areaFocus = null;
        area = null;
        nodeId = null;
        canvas.setEditor(null, null);
        canvas.requestFocus();
    }

    /** Puts the field over the node, in the node's font scaled by the zoom. */
    private void place() {
        if (area == null || model == null) {
            return;
        }
        NodeView n = model.node(nodeId);
        if (n == null) {
            cancel();
            return;
        }
        double z = canvas.viewport().zoom();
        Point2D a = canvas.viewport().toScreen(model.worldX(n), model.worldY(n));
        FontWeight weight = FontWeight.findByWeight((int) Math.max(100, Math.min(900, n.fontWeight())));
        area.setFont(Font.font(n.fontFamily(), weight, Math.max(1, n.fontSize() * z)));
        double w = Math.max(n.w() * z, 40);
        double h = Math.max(n.h(), n.fontSize() * 1.4) * z + 8;
        area.resizeRelocate(a.getX() - 2, a.getY() - 2, w + 16, h);
    }
}
