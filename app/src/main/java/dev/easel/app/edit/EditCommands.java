package dev.easel.app.edit;

import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.NodeView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Edit menu's structural commands on the current selection: duplicate, group, ungroup, bring forward
 * and send backward (copy, cut and paste are {@link ClipboardCommands}). Each is one undo step: a single
 * reducer call, or several between {@code begin_gesture} and {@code end_gesture}. New ids come from the
 * document's {@code NodeIds}, so the copies can be selected before the host answers. Used on the JavaFX thread only.
 */
public final class EditCommands {
    /** How far a paste or a duplicate lands from its original, in page units. */
    public static final double OFFSET = 10;

    private final Supplier<DocumentModel> model;
    private final Consumer<String> status;

    public EditCommands(Supplier<DocumentModel> model, Consumer<String> status) {
        this.model = model;
        this.status = status;
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
            if (!m.hasAncestorIn(n, ids)) {
                out.add(n.id());
            }
        }
        return out;
    }
}
