package dev.easel.app.canvas;

import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.NodeView;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The page shown, in drawing order, with where each node is drawn: the page box {@link NodeRenderer} may
 * touch (outline, rotation and text clip included, anti-aliasing not) and the node's position on the page.
 * Kept up to date from the model's change notes, so that a change repaints only the places a node left and
 * reached, and held in flat arrays so that finding the nodes that meet a rectangle is one quick pass. Used
 * on the JavaFX thread only.
 */
final class NodeBounds {
    /** Per node: minX, minY, maxX, maxY of what is drawn, then its position on the page (x, y). */
    private static final int STRIDE = 6;

    private NodeView[] order = new NodeView[0];
    private double[] boxes = new double[0];
    /** Whether a node is drawn at all (visible, not hidden by an ancestor, on the page shown). */
    private boolean[] drawn = new boolean[0];
    private final Map<String, Integer> index = new HashMap<>();

    /** Forgets everything; the next {@link #rebuild} measures afresh. */
    void clear() {
        order = new NodeView[0];
        boxes = new double[0];
        drawn = new boolean[0];
        index.clear();
    }

    /** Measures every node of the page shown afresh. */
    void rebuild(DocumentModel model) {
        List<NodeView> list = model.drawOrder();
        int n = list.size();
        order = list.toArray(new NodeView[0]);
        boxes = new double[n * STRIDE];
        drawn = new boolean[n];
        index.clear();
        for (int i = 0; i < n; i++) {
            index.put(order[i].id(), i);
            drawn[i] = measure(model, order[i], boxes, i * STRIDE);
        }
    }

    /**
     * Measures these nodes again, and everything inside them (a frame that moves carries its children), adding
     * each box a node left and each box it now covers to {@code damage} (page rectangles: minX, minY, maxX,
     * maxY). {@code structure}: drawing order or nesting changed, so the order is read again.
     */
    void update(DocumentModel model, Collection<String> ids, boolean structure, List<double[]> damage) {
        Deque<String> todo = new ArrayDeque<>(ids);
        Set<String> seen = new HashSet<>();
        double[] box = new double[STRIDE];
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (!seen.add(id)) {
                continue;
            }
            Integer at = index.get(id);
            if (at != null && drawn[at]) {
                damage.add(java.util.Arrays.copyOfRange(boxes, at * STRIDE, at * STRIDE + 4));
            }
            NodeView n = model.node(id);
            boolean shown = n != null && measure(model, n, box, 0);
            if (shown) {
                damage.add(java.util.Arrays.copyOf(box, 4));
            }
            if (at != null && !structure) {
                if (n != null) {
                    order[at] = n;
                }
                drawn[at] = shown;
                System.arraycopy(box, 0, boxes, at * STRIDE, STRIDE);
            }
            if (n != null && n.isContainer()) {
                for (NodeView c : model.children(id)) {
                    todo.push(c.id());
                }
            }
        }
        if (structure) {
            rebuild(model);
        }
    }

    /** The nodes drawn in drawing order, as {@link #nodesMeeting} reports them. */
    interface Visitor {
        void visit(NodeView n, double x, double y);
    }

    /** Visits, in drawing order, every drawn node whose box meets the page rectangle; returns how many. */
    int nodesMeeting(double minX, double minY, double maxX, double maxY, Visitor v) {
        int count = 0;
        double[] b = boxes;
        for (int i = 0, o = 0; i < order.length; i++, o += STRIDE) {
            if (drawn[i] && b[o + 2] >= minX && b[o] <= maxX && b[o + 3] >= minY && b[o + 1] <= maxY) {
                v.visit(order[i], b[o + 4], b[o + 5]);
                count++;
            }
        }
        return count;
    }

    /**
     * Writes the page box a node's drawing may touch and its position into {@code out} at {@code at}; false
     * (nothing written) when it is not drawn on the page shown.
     */
    static boolean measure(DocumentModel model, NodeView n, double[] out, int at) {
        if (!n.visible() || n.opacity() <= 0 || "group".equals(n.kind()) || !Objects.equals(n.page(), model.page())
                || model.hiddenOnCanvas(n)) {
            return false;
        }
        double x = model.worldX(n);
        double y = model.worldY(n);
        double w = n.w();
        double h = n.h();
        if ("text".equals(n.kind())) {
            // drawText clips to this box.
            w = Math.max(w, 1);
            h = Math.max(h, n.fontSize() * 1.3);
        }
        double pad = switch (n.kind()) {
            case "line" -> Math.max(n.strokeWidth(), 1) / 2;
            case "image" -> 0.5;
            case "text" -> 0;
            default -> Paints.color(n.stroke()) != null ? Math.max(n.strokeWidth(), 0) / 2 : 0;
        };
        double minX = Math.min(x, x + w);
        double minY = Math.min(y, y + h);
        double maxX = Math.max(x, x + w);
        double maxY = Math.max(y, y + h);
        if (n.rotation() != 0) {
            // The turned box, about the centre of the node's own box.
            double cx = x + n.w() / 2;
            double cy = y + n.h() / 2;
            double r = Math.toRadians(n.rotation());
            double cos = Math.abs(Math.cos(r));
            double sin = Math.abs(Math.sin(r));
            double hw = (maxX - minX) / 2;
            double hh = (maxY - minY) / 2;
            double ex = hw * cos + hh * sin;
            double ey = hw * sin + hh * cos;
            // The text clip box can be taller than the node and is then not centred on it: cover the offset.
            double reach = Math.hypot((minX + maxX) / 2 - cx, (minY + maxY) / 2 - cy);
            minX = cx - ex - reach;
            maxX = cx + ex + reach;
            minY = cy - ey - reach;
            maxY = cy + ey + reach;
        }
        out[at] = minX - pad;
        out[at + 1] = minY - pad;
        out[at + 2] = maxX + pad;
        out[at + 3] = maxY + pad;
        out[at + 4] = x;
        out[at + 5] = y;
        return true;
    }
}
