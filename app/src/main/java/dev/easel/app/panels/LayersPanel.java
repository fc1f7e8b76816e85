package dev.easel.app.panels;

import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.ModelWatch;
import dev.easel.app.document.NodeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;

/**
 * The layers of the page shown, as a tree: frames and groups open to show what they hold, the topmost layer
 * first. Selecting rows selects on the canvas and the other way round. Each row renames in place
 * (double-click or F2), hides and shows (eye), locks and unlocks (padlock), and moves by drag and drop:
 * between rows to restack, onto a frame or group to put it inside. Every one of these is one call, so one
 * undo step. In a view-only document rows only select (and show whether a layer is hidden or locked).
 */
public final class LayersPanel extends BorderPane implements RowDrag.Panel<NodeView, LayerCell> {
    /** Where a drag would drop now: the row's node and the zone on it (tests read this rather than pixels). */
    public record DropIndicator(String nodeId, DropZone zone) {
    }

    private final TreeView<NodeView> tree = new TreeView<>();
    private final LayerTreeItems items = new LayerTreeItems();
    private DocumentModel model;
    private final ModelWatch watch = new ModelWatch(this::modelChanged, this::pullSelection);
    private boolean syncing;
    private String renamingId;
    private RenameField renameField;
    private List<String> dragged = List.of();
    private LayerCell dropCell;
    private DropIndicator dropIndicator;

    public LayersPanel() {
        getStyleClass().addAll("panel", "layers-panel");
        Label title = new Label("Layers");
        title.getStyleClass().add("panel-title");
        setTop(title);
        tree.setId("layer-tree");
        tree.setRoot(items.root());
        tree.setShowRoot(false);
        tree.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        tree.setCellFactory(v -> new LayerCell(this));
        tree.setFixedCellSize(26);
        tree.getSelectionModel().getSelectedItems()
                .addListener((ListChangeListener<TreeItem<NodeView>>) c -> pushSelection());
        tree.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F2 && !e.isShortcutDown()) {
                renameSelected();
                e.consume();
            }
        });
        // However a drag ends (dropped on a row, outside the tree, or cancelled), its indicator goes.
        tree.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> javafx.application.Platform.runLater(this::dragEnded));
        setCenter(tree);
        setPrefWidth(240);
    }

    public TreeView<NodeView> tree() {
        return tree;
    }

    public void setModel(DocumentModel m) {
        cancelRename();
        model = m;
        watch.watch(m);
        modelChanged(Set.of(), true);
    }

    /** The nodes of the rows shown now, topmost first (the children of open frames and groups after them). */
    public List<NodeView> rows() {
        List<NodeView> out = new ArrayList<>();
        for (TreeItem<NodeView> item : items.rows()) {
            NodeView n = model == null ? null : model.node(item.getValue().id());
            out.add(n != null ? n : item.getValue());
        }
        return out;
    }

    /** The drop indicator shown now, or null when no drag is over a row that would take it. */
    public DropIndicator dropIndicator() {
        return dropIndicator;
    }

    /** The id of the layer being renamed in place, or null. */
    public String renaming() {
        return renamingId;
    }

    @Override
    public boolean editable() {
        return model != null && model.editable();
    }

    /** The name a row shows: the layer's name, or its kind when it has none. */
    static String label(NodeView n) {
        return n.name() == null || n.name().isBlank() ? n.kind() : n.name();
    }

    private void modelChanged(Set<String> ids, boolean structure) {
        syncing = true;
        try {
            if (structure) {
                if (model == null) {
                    items.root().getChildren().clear();
                } else {
                    items.rebuild(model);
                }
            } else if (model != null) {
                items.update(model, ids);
            }
        } finally {
            syncing = false;
        }
        if (renamingId != null && (model == null || model.node(renamingId) == null
                || items.item(renamingId) == null)) {
            cancelRename();
        }
        if (structure) {
            pullSelection();
        }
    }

    // ---- selection -------------------------------------------------------------------------------------

    /** Shows the document's selection in the tree, opening frames and groups to reveal selected rows. */
    private void pullSelection() {
        if (model == null) {
            return;
        }
        Set<String> ids = model.selection().ids();
        if (selectedInTree().equals(ids)) {
            return; // already shown: re-selecting would lose the anchor of a shift-click range
        }
        syncing = true;
        try {
            for (String id : ids) {
                TreeItem<NodeView> item = items.item(id);
                if (item != null) {
                    LayerTreeItems.reveal(item);
                }
            }
            List<TreeItem<NodeView>> rows = items.rows();
            List<Integer> picked = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (ids.contains(rows.get(i).getValue().id())) {
                    picked.add(i);
                }
            }
            tree.getSelectionModel().clearSelection();
            if (!picked.isEmpty()) {
                int[] rest = new int[picked.size() - 1];
                for (int i = 1; i < picked.size(); i++) {
                    rest[i - 1] = picked.get(i);
                }
                tree.getSelectionModel().selectIndices(picked.get(0), rest);
                tree.getFocusModel().focus(picked.get(0));
                if (!shownInCell(rows.get(picked.get(0)))) {
                    tree.scrollTo(picked.get(0));
                }
            }
        } finally {
            syncing = false;
        }
    }

    /** Whether a row on screen shows the item (not merely a cell the tree keeps aside for measuring). */
    private boolean shownInCell(TreeItem<NodeView> item) {
        for (javafx.scene.Node n : tree.lookupAll(".layer-cell")) {
            if (n instanceof TreeCell<?> c && c.getTreeItem() == item && c.isVisible() && c.getParent() != null
                    && c.getParent().isVisible()) {
                return true;
            }
        }
        return false;
    }

    private void pushSelection() {
        if (syncing || model == null) {
            return;
        }
        model.selection().set(selectedInTree());
    }

    private Set<String> selectedInTree() {
        Set<String> ids = new java.util.LinkedHashSet<>();
        for (TreeItem<NodeView> item : tree.getSelectionModel().getSelectedItems()) {
            if (item != null && item.getValue() != null) {
                ids.add(item.getValue().id());
            }
        }
        return ids;
    }

    // ---- hide and lock ---------------------------------------------------------------------------------

    /** Hides a shown layer or shows a hidden one: one update_node call, one undo step. */
    public void toggleHidden(NodeView row) {
        NodeView n = model == null ? null : model.node(row.id());
        if (n != null) {
            model.updateNode(n.id(), Map.of("visible", !n.visible()));
        }
    }

    /** Locks an unlocked layer or unlocks a locked one: one update_node call, one undo step. */
    public void toggleLocked(NodeView row) {
        NodeView n = model == null ? null : model.node(row.id());
        if (n != null) {
            model.updateNode(n.id(), Map.of("locked", !n.locked()));
        }
    }

    /** Menu: hides the selected layers (shows them if all are hidden), as one undo step. */
    public void toggleHiddenOfSelection() {
        List<NodeView> picked = selectedNodes();
        setOnAll(picked, "visible", picked.stream().noneMatch(NodeView::visible));
    }

    /** Menu: locks the selected layers (unlocks them if all are locked), as one undo step. */
    public void toggleLockedOfSelection() {
        List<NodeView> picked = selectedNodes();
        setOnAll(picked, "locked", picked.stream().anyMatch(n -> !n.locked()));
    }

    private List<NodeView> selectedNodes() {
        List<NodeView> picked = new ArrayList<>();
        if (model != null) {
            for (String id : model.selection().ids()) {
                NodeView n = model.node(id);
                if (n != null) {
                    picked.add(n);
                }
            }
        }
        return picked;
    }

    /** One update_node per node; several of them in one gesture, so one undo step all the same. */
    private void setOnAll(List<NodeView> nodes, String field, boolean value) {
        if (nodes.size() > 1) {
            model.beginGesture();
        }
        for (NodeView n : nodes) {
            model.updateNode(n.id(), Map.of(field, value));
        }
        if (nodes.size() > 1) {
            model.endGesture();
        }
    }

    // ---- rename ----------------------------------------------------------------------------------------

    /** F2 or the menu: renames the one selected layer in place (not while typing in a text field). */
    public void renameSelected() {
        boolean typing = getScene() != null && getScene().getFocusOwner() instanceof javafx.scene.control.TextInputControl;
        if (!typing && model != null && model.selection().single() != null) {
            startRename(model.selection().single());
        }
    }

    /** Opens the rename field on a layer's row (revealing and scrolling to it). */
    public void startRename(String id) {
        NodeView n = model == null ? null : model.node(id);
        TreeItem<NodeView> item = items.item(id);
        if (n == null || item == null || !editable()) {
            return;
        }
        cancelRename();
        LayerTreeItems.reveal(item);
        renamingId = id;
        renameField = new RenameField(label(n), text -> finishRename(id, text), () -> finishRename(id, null));
        renameField.setId("layer-rename");
        int row = items.rows().indexOf(item);
        if (row >= 0 && !shownInCell(item)) {
            tree.scrollTo(row);
        }
        tree.refresh();
    }

    @Override
    public boolean isRenaming(String id) {
        return id.equals(renamingId);
    }

    /** The rename field if this layer is being renamed, for its row to show. */
    RenameField renameField(String id) {
        return isRenaming(id) ? renameField : null;
    }

    private void cancelRename() {
        if (renameField != null) {
            renameField.cancel();
        }
    }

    /** Ends a rename: a changed, non-blank name is written with one update_node call (null: cancelled). */
    private void finishRename(String id, String text) {
        if (!id.equals(renamingId)) {
            return;
        }
        // Enter or Escape hand the keyboard back to the tree; a click elsewhere keeps it where it went.
        boolean keyboard = renameField.isFocused();
        renamingId = null;
        renameField = null;
        NodeView n = model == null ? null : model.node(id);
        if (n != null && text != null && !text.isBlank() && !text.strip().equals(n.name())) {
            model.updateNode(id, Map.of("name", text.strip()));
        }
        tree.refresh();
        if (keyboard) {
            tree.requestFocus();
        }
    }

    // ---- drag and drop ---------------------------------------------------------------------------------

    /** A row starts to be dragged: it moves with the rest of the selection if it is part of it. */
    @Override
    public void dragStarted(NodeView n) {
        if (model == null) {
            return;
        }
        dragged = model.selection().contains(n.id()) ? List.copyOf(model.selection().ids()) : List.of(n.id());
    }

    @Override
    public void dragOver(LayerCell cell, double fraction) {
        LayerDrop.Plan plan = planAt(cell, fraction);
        if (dropCell != null && dropCell != cell) {
            dropCell.showDropZone(null);
        }
        dropCell = cell;
        DropZone zone = plan == null ? null : zoneAt(cell, fraction);
        cell.showDropZone(zone);
        dropIndicator = zone == null ? null : new DropIndicator(cell.getItem().id(), zone);
    }

    @Override
    public void dragExited(LayerCell cell) {
        cell.showDropZone(null);
        if (dropCell == cell) {
            dropCell = null;
            dropIndicator = null;
        }
    }

    @Override
    public void drop(LayerCell cell, double fraction) {
        LayerDrop.Plan plan = planAt(cell, fraction);
        dragEnded();
        if (plan != null) {
            plan.apply(model);
        }
    }

    private void dragEnded() {
        if (dropCell != null) {
            dropCell.showDropZone(null);
        }
        dropCell = null;
        dropIndicator = null;
        dragged = List.of();
    }

    private LayerDrop.Plan planAt(LayerCell cell, double fraction) {
        NodeView target = cell.getItem() == null || model == null ? null : model.node(cell.getItem().id());
        if (dragged.isEmpty() || target == null) {
            return null;
        }
        TreeItem<NodeView> item = cell.getTreeItem();
        boolean open = item != null && item.isExpanded() && !item.getChildren().isEmpty();
        return LayerDrop.plan(model, dragged, target, zoneAt(cell, fraction), open);
    }

    private static DropZone zoneAt(LayerCell cell, double fraction) {
        return DropZone.at(fraction, cell.getItem() != null && cell.getItem().isContainer());
    }
}
