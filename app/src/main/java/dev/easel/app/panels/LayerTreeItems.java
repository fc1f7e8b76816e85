package dev.easel.app.panels;

import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.NodeView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.control.TreeItem;

/**
 * The tree items of the layers panel: one per node of the page shown, under its parent, topmost first. Items
 * are kept per node id across rebuilds, so a frame stays open or closed and rows keep their place while
 * the document changes around them. An item's value is the node as its row last showed it: read the
 * document model for the rest (position, parent).
 */
final class LayerTreeItems {
    private final TreeItem<NodeView> root = new TreeItem<>();
    private final Map<String, TreeItem<NodeView>> byId = new HashMap<>();

    LayerTreeItems() {
        root.setExpanded(true);
    }

    TreeItem<NodeView> root() {
        return root;
    }

    TreeItem<NodeView> item(String id) {
        return byId.get(id);
    }

    /** Lays the items out again after nesting or order changed. */
    void rebuild(DocumentModel m) {
        Map<TreeItem<NodeView>, List<TreeItem<NodeView>>> wanted = new HashMap<>();
        Set<String> seen = new HashSet<>();
        collect(m, null, root, wanted, seen, 0);
        byId.keySet().retainAll(seen);
        // Take moved items out of their old parents first: an item may sit in one children list only.
        for (Map.Entry<TreeItem<NodeView>, List<TreeItem<NodeView>>> e : wanted.entrySet()) {
            if (!e.getKey().getChildren().equals(e.getValue())) {
                e.getKey().getChildren().retainAll(e.getValue());
            }
        }
        for (Map.Entry<TreeItem<NodeView>, List<TreeItem<NodeView>>> e : wanted.entrySet()) {
            if (!e.getKey().getChildren().equals(e.getValue())) {
                e.getKey().getChildren().setAll(e.getValue());
            }
        }
    }

    private void collect(DocumentModel m, String parentId, TreeItem<NodeView> parent,
            Map<TreeItem<NodeView>, List<TreeItem<NodeView>>> wanted, Set<String> seen, int depth) {
        List<NodeView> children = depth > 64 ? List.of() : m.children(parentId);
        List<TreeItem<NodeView>> items = new ArrayList<>(children.size());
        for (int i = children.size() - 1; i >= 0; i--) {
            NodeView n = children.get(i);
            TreeItem<NodeView> item = byId.get(n.id());
            if (item == null) {
                item = new TreeItem<>(n);
                item.setExpanded(true);
                byId.put(n.id(), item);
            } else if (LayerCell.showsDifferently(item.getValue(), n)) {
                item.setValue(n);
            }
            seen.add(n.id());
            items.add(item);
            collect(m, n.id(), item, wanted, seen, depth + 1);
        }
        wanted.put(parent, items);
    }

    /** Shows the new names, hidden and locked states of nodes whose place in the tree did not change. */
    void update(DocumentModel m, Set<String> ids) {
        for (String id : ids) {
            TreeItem<NodeView> item = byId.get(id);
            NodeView n = m.node(id);
            if (item != null && n != null && LayerCell.showsDifferently(item.getValue(), n)) {
                item.setValue(n);
            }
        }
    }

    /** Opens every frame and group that holds the item, so its row can be shown. */
    static void reveal(TreeItem<NodeView> item) {
        for (TreeItem<NodeView> p = item.getParent(); p != null; p = p.getParent()) {
            if (!p.isExpanded()) {
                p.setExpanded(true);
            }
        }
    }

    /** The rows in the order shown (open items' children after them), each with its row index. */
    List<TreeItem<NodeView>> rows() {
        List<TreeItem<NodeView>> out = new ArrayList<>();
        appendRows(root, out);
        return out;
    }

    private static void appendRows(TreeItem<NodeView> parent, List<TreeItem<NodeView>> out) {
        for (TreeItem<NodeView> c : parent.getChildren()) {
            out.add(c);
            if (c.isExpanded()) {
                appendRows(c, out);
            }
        }
    }
}
