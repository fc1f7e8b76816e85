package dev.easel.app.panels;

import dev.easel.app.document.NodeView;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * One row of the layers tree: the kind's icon, the name (or the inline rename field), and the lock and eye
 * toggles. Double-click renames; dragging the row starts a press-drag-release gesture that the rows under
 * the pointer answer with a drop indicator, and the row released on takes the drop.
 */
final class LayerCell extends TreeCell<NodeView> {
    private static final PseudoClass HIDDEN = PseudoClass.getPseudoClass("hidden-layer");
    private static final PseudoClass LOCKED = PseudoClass.getPseudoClass("locked-layer");

    private final LayersPanel panel;
    private final Label icon = new Label();
    private final Label name = new Label();
    private final Button lock = toggle("layer-lock");
    private final Button eye = toggle("layer-eye");
    private final Tooltip lockTip = new Tooltip();
    private final Tooltip eyeTip = new Tooltip();
    private final NameSlot nameSlot = new NameSlot(name);
    private final HBox row;
    private final DropZoneMark dropMark = new DropZoneMark(this);
    /** The row's node when the mouse went down on it: the drag source, whatever the cell shows by then. */
    private NodeView pressed;

    LayerCell(LayersPanel panel) {
        this.panel = panel;
        getStyleClass().add("layer-cell");
        icon.getStyleClass().add("layer-icon");
        icon.setMinWidth(14);
        name.getStyleClass().add("layer-name");
        name.setMinWidth(0);
        HBox.setHgrow(nameSlot, Priority.ALWAYS);
        row = new HBox(6, icon, nameSlot, lock, eye);
        row.setAlignment(Pos.CENTER_LEFT);
        lock.setTooltip(lockTip);
        eye.setTooltip(eyeTip);
        lock.setOnAction(e -> {
            if (getItem() != null) {
                panel.toggleLocked(getItem());
            }
        });
        eye.setOnAction(e -> {
            if (getItem() != null) {
                panel.toggleHidden(getItem());
            }
        });
        // A double-click renames. Its second press is kept from the tree, which would open or close a frame;
        // the rename starts once the button is up, so that nothing after it takes the focus from the field.
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            pressed = e.getButton() == MouseButton.PRIMARY && !onControl(e) ? getItem() : null;
            if (renamesOnDoubleClick(e)) {
                e.consume();
            }
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (renamesOnDoubleClick(e)) {
                panel.startRename(getItem().id());
                e.consume();
            }
        });
        RowDrag.wire(this, panel, () -> pressed, NodeView::id);
    }

    /**
     * Whether two versions of a node look different in a row. Only then is the tree item given the new
     * version: every new value makes the tree rebuild its cells, which must not happen on each step of a
     * drag on the canvas (nor under a press in the tree).
     */
    static boolean showsDifferently(NodeView a, NodeView b) {
        return !java.util.Objects.equals(a.name(), b.name()) || !java.util.Objects.equals(a.kind(), b.kind())
                || a.visible() != b.visible() || a.locked() != b.locked();
    }

    private static Button toggle(String styleClass) {
        Button b = new Button();
        b.getStyleClass().addAll("layer-toggle", styleClass);
        b.setFocusTraversable(false);
        return b;
    }

    private boolean renamesOnDoubleClick(MouseEvent e) {
        return e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null
                && !panel.isRenaming(getItem().id()) && !onControl(e) && !onDisclosure(e);
    }

    private static boolean onControl(MouseEvent e) {
        for (Object t = e.getTarget(); t instanceof Node n; t = n.getParent()) {
            if (n instanceof ButtonBase || n instanceof RenameField) {
                return true;
            }
        }
        return false;
    }

    private boolean onDisclosure(MouseEvent e) {
        Node d = getDisclosureNode();
        return d != null && d.isVisible() && d.localToScene(d.getBoundsInLocal()).contains(e.getSceneX(), e.getSceneY());
    }

    @Override
    protected void updateItem(NodeView n, boolean empty) {
        super.updateItem(n, empty);
        showDropZone(null);
        setText(null);
        if (empty || n == null) {
            setGraphic(null);
            pseudoClassStateChanged(HIDDEN, false);
            pseudoClassStateChanged(LOCKED, false);
            return;
        }
        icon.setGraphic(LayerIcons.kind(n.kind()));
        name.setText(LayersPanel.label(n));
        eye.setGraphic(LayerIcons.eye(!n.visible()));
        eyeTip.setText(n.visible() ? "Hide" : "Show");
        lock.setGraphic(LayerIcons.lock(n.locked()));
        lockTip.setText(n.locked() ? "Unlock" : "Lock");
        lock.setDisable(!panel.editable());
        eye.setDisable(!panel.editable());
        pseudoClassStateChanged(HIDDEN, !n.visible());
        pseudoClassStateChanged(LOCKED, n.locked());
        nameSlot.show(panel.renameField(n.id()));
        setGraphic(row);
    }

    /** Draws (or, for null, removes) the drop indicator on this row. */
    void showDropZone(DropZone zone) {
        dropMark.show(zone);
    }
}
