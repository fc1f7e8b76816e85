package dev.easel.app.edit;

import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.NodeView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Edit menu's structural commands on the current selection: copy, paste, duplicate, group, ungroup,
 * bring forward and send backward. Each is one undo step: a single reducer call, or several between
 * {@code begin_gesture} and {@code end_gesture}. New ids come from the document's {@code NodeIds}, so the
 * copies can be selected before the host answers. Used on the JavaFX thread only.
 */
public final class EditCommands {
    /** How far a paste or a duplicate lands from its original, in page units. */
    public static final double OFFSET = 10;

    private final Supplier<DocumentModel> model;
    private final Consumer<String> status;

    /** What was copied: the top-level copied nodes and, for pasting after they are gone, their subtrees. */
    private List<String> clipboard = List.of();
    private List<NodeView> clipboardTree = List.of();
    private DocumentModel clipboardModel;
    private int pastes;

    public EditCommands(Supplier<DocumentModel> model, Consumer<String> status) {
        this.model = model;
        this.status = status;
    }

    /** The ids copied last (top-level nodes only), for tests. */
    public List<String> clipboard() {
        return clipboard;
    }

    public void copy() {
        DocumentModel m = model.get();
        if (m == null || m.selection().isEmpty()) {
            return;
        }
        List<String> roots = topLevel(m, m.selection().ids());
        List<NodeView> tree = new ArrayList<>();
        for (String id : roots) {
            collect(m, m.node(id), tree, 0);
        }
        clipboard = roots;
        clipboardTree = tree;
        clipboardModel = m;
        pastes = 0;
        status.accept("Copied " + roots.size() + (roots.size() == 1 ? " layer" : " layers"));
    }

    /** Copies the clipboard's nodes, each {@link #OFFSET} further down and right than the last paste. */
    public void paste() {
        DocumentModel m = model.get();
        if (m == null || clipboard.isEmpty()) {
            return;
        }
        pastes++;
        double d = OFFSET * pastes;
        boolean allThere = m == clipboardModel && clipboard.stream().allMatch(id -> m.node(id) != null);
        if (allThere) {
            List<String> newIds = newIds(m, clipboard.size());
            m.duplicate(clipboard, newIds, d, d);
            m.selectWhenPresent(newIds);
            return;
        }
        // The originals are gone (cut, or another document): make the nodes again from the copied rows.
        Map<String, String> renamed = new HashMap<>();
        Set<String> roots = new HashSet<>(clipboard);
        List<String> made = new ArrayList<>();
        m.beginGesture();
        for (NodeView n : clipboardTree) {
            boolean root = roots.contains(n.id());
            String parent = root ? (n.parent() != null && m.node(n.parent()) != null ? n.parent() : null)
                    : renamed.get(n.parent());
            Map<String, Object> fields = fields(n);
            if ("image".equals(n.kind()) && n.row() != null) {
                Object asset = n.row().get(m.columns().table().columnIndex("asset"));
                if (asset != null) {
                    fields.put("asset", asset);
                }
            }
            if (root) {
                fields.put("x", n.x() + d);
                fields.put("y", n.y() + d);
            }
            String id = m.createNode(n.kind(), parent, fields);
            renamed.put(n.id(), id);
            if (root) {
                made.add(id);
            }
        }
        m.endGesture();
        m.selectWhenPresent(made);
    }

    /** Copies the selection just above itself, {@link #OFFSET} down and right, and selects the copies. */
    public void duplicate() {
        DocumentModel m = model.get();
        if (m == null || m.selection().isEmpty()) {
            return;
        }
        List<String> ids = topLevel(m, m.selection().ids());
        List<String> newIds = newIds(m, ids.size());
        m.duplicate(ids, newIds, OFFSET, OFFSET);
        m.selectWhenPresent(newIds);
    }

    /** Wraps the selection (siblings) in a new group and selects it. */
    public void group() {
        DocumentModel m = model.get();
        if (m == null || m.selection().isEmpty()) {
            return;
        }
        List<String> ids = topLevel(m, m.selection().ids());
        String parent = m.node(ids.get(0)).parent();
        for (String id : ids) {
            if (!Objects.equals(m.node(id).parent(), parent)) {
                status.accept("Only layers with the same parent can be grouped");
                return;
            }
        }
        String id = m.newId();
        m.group(id, ids);
        m.selectWhenPresent(List.of(id));
    }

    /** Ungroups the selected groups, selecting what was inside them. */
    public void ungroup() {
        DocumentModel m = model.get();
        if (m == null) {
            return;
        }
        List<String> groups = new ArrayList<>();
        List<String> freed = new ArrayList<>();
        for (String id : m.selection().ids()) {
            NodeView n = m.node(id);
            if (n != null && "group".equals(n.kind())) {
                groups.add(id);
                m.children(id).forEach(c -> freed.add(c.id()));
            }
        }
        if (groups.isEmpty()) {
            status.accept("Select a group to ungroup");
            return;
        }
        m.ungroup(groups);
        m.selection().set(freed);
    }

    /** Moves each selected node one place up among its siblings (above the next unselected one). */
    public void bringForward() {
        restack(true);
    }

    /** Moves each selected node one place down among its siblings. */
    public void sendBackward() {
        restack(false);
    }

    private void restack(boolean up) {
        DocumentModel m = model.get();
        if (m == null || m.selection().isEmpty()) {
            return;
        }
        Set<String> selected = m.selection().ids();
        // Per parent, the moves to make: [id, where, sibling].
        List<String[]> moves = new ArrayList<>();
        Map<String, List<NodeView>> byParent = new LinkedHashMap<>();
        for (String id : topLevel(m, selected)) {
            NodeView n = m.node(id);
            byParent.computeIfAbsent(n.parent() == null ? "" : n.parent(), p -> m.children(n.parent()));
        }
        for (List<NodeView> siblings : byParent.values()) {
            int count = siblings.size();
            for (int k = 0; k < count; k++) {
                // Moving up: the topmost first, so each lands just above the same neighbour in order.
                int i = up ? count - 1 - k : k;
                NodeView n = siblings.get(i);
                if (!selected.contains(n.id())) {
                    continue;
                }
                int j = i;
                do {
                    j += up ? 1 : -1;
                } while (j >= 0 && j < count && selected.contains(siblings.get(j).id()));
                if (j < 0 || j >= count) {
                    continue;
                }
                moves.add(new String[] {n.id(), up ? "after" : "before", siblings.get(j).id()});
            }
        }
        if (moves.isEmpty()) {
            return;
        }
        if (moves.size() == 1) {
            m.reorder(moves.get(0)[0], moves.get(0)[1], moves.get(0)[2]);
            return;
        }
        m.beginGesture();
        for (String[] mv : moves) {
            m.reorder(mv[0], mv[1], mv[2]);
        }
        m.endGesture();
    }

    private static List<String> newIds(DocumentModel m, int n) {
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(m.newId());
        }
        return ids;
    }

    /** The selected ids without those inside another selected node, in drawing order. */
    static List<String> topLevel(DocumentModel m, Set<String> ids) {
        List<String> out = new ArrayList<>();
        for (NodeView n : m.drawOrder()) {
            if (!ids.contains(n.id())) {
                continue;
            }
            boolean inside = false;
            int guard = 0;
            for (String p = n.parent(); p != null && guard++ < 64; ) {
                if (ids.contains(p)) {
                    inside = true;
                    break;
                }
                NodeView pn = m.node(p);
                p = pn == null ? null : pn.parent();
            }
            if (!inside) {
                out.add(n.id());
            }
        }
        return out;
    }

    private static void collect(DocumentModel m, NodeView n, List<NodeView> out, int depth) {
        if (n == null || depth > 64) {
            return;
        }
        out.add(n);
        for (NodeView c : m.children(n.id())) {
            collect(m, c, out, depth + 1);
        }
    }

    /** The create_node fields that remake a node as it was copied. */
    private static Map<String, Object> fields(NodeView n) {
        Map<String, Object> f = new HashMap<>();
        if (n.name() != null) {
            f.put("name", n.name());
        }
        f.put("x", n.x());
        f.put("y", n.y());
        f.put("w", n.w());
        f.put("h", n.h());
        f.put("rotation", n.rotation());
        if (n.fill() != null) {
            f.put("fill", n.fill());
        }
        if (n.stroke() != null) {
            f.put("stroke", n.stroke());
        }
        f.put("stroke_width", n.strokeWidth());
        f.put("corner_radius", n.cornerRadius());
        f.put("opacity", n.opacity());
        if ("text".equals(n.kind())) {
            f.put("text", n.text());
            f.put("font_family", n.fontFamily());
            f.put("font_size", n.fontSize());
            f.put("font_weight", n.fontWeight());
            f.put("align", n.align());
        }
        f.put("visible", n.visible());
        return f;
    }
}
