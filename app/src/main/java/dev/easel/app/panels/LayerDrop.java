package dev.easel.app.panels;

import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.NodeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What dropping dragged layers onto a row of the layers tree does. Rows list the topmost first, so "above a
 * row" is the reducers' {@code after} (drawn over it) and "below" is {@code before}. Dropping into a frame
 * or group, or just below one that is open, puts the layers on top inside it.
 */
final class LayerDrop {
    private LayerDrop() {
    }

    /** A drop's effect: the nodes go under {@code parent} (null: the page itself), {@code where anchor}. */
    record Plan(List<String> ids, String parent, String where, String anchor) {
        /** One call, so one undo step: a reorder when a single node stays among its siblings, else reparent. */
        void apply(DocumentModel m) {
            NodeView only = ids.size() == 1 ? m.node(ids.get(0)) : null;
            if (only != null && Objects.equals(only.parent(), parent)) {
                m.reorder(only.id(), where, anchor);
            } else {
                m.reparent(ids, parent, where, anchor);
            }
        }
    }

    /**
     * The plan for dropping {@code dragged} at {@code zone} of {@code target}'s row, or null when the drop is
     * refused: onto one of the dragged layers, or into (or next to anything inside) one of them.
     * {@code openWithChildren}: the target row is expanded and shows its children just below it.
     */
    static Plan plan(DocumentModel m, List<String> dragged, NodeView target, DropZone zone, boolean openWithChildren) {
        List<String> ids = outermost(m, dragged);
        if (ids.isEmpty() || target == null || insideDragged(m, target, ids)) {
            return null;
        }
        if (zone == DropZone.INTO || zone == DropZone.BELOW && openWithChildren) {
            return target.isContainer() ? new Plan(ids, target.id(), "to", "last") : null;
        }
        return new Plan(ids, target.parent(), zone == DropZone.ABOVE ? "after" : "before", target.id());
    }

    /** Whether the target is one of the dragged nodes or lies inside one. */
    private static boolean insideDragged(DocumentModel m, NodeView target, List<String> ids) {
        int guard = 0;
        for (NodeView n = target; n != null && guard++ < 64; n = n.parent() == null ? null : m.node(n.parent())) {
            if (ids.contains(n.id())) {
                return true;
            }
        }
        return false;
    }

    /** The dragged ids that still exist, without those inside another dragged node (they move with it). */
    private static List<String> outermost(DocumentModel m, List<String> dragged) {
        List<String> out = new ArrayList<>();
        for (String id : dragged) {
            NodeView n = m.node(id);
            if (n == null) {
                continue;
            }
            boolean inside = false;
            int guard = 0;
            for (String p = n.parent(); p != null && guard++ < 64; ) {
                if (dragged.contains(p)) {
                    inside = true;
                    break;
                }
                NodeView pn = m.node(p);
                p = pn == null ? null : pn.parent();
            }
            if (!inside) {
                out.add(id);
            }
        }
        return out;
    }
}
