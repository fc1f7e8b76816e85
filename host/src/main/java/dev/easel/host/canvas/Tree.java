package dev.easel.host.canvas;

import dev.easel.engine.table.Row;
import dev.easel.engine.tx.ReducerException;
import dev.easel.engine.tx.TableHandle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The node tree of a page: children in drawing order, subtrees, ancestry and positions. A node's x and y are
 * relative to its parent's origin (top-level nodes: to the page), so moving a frame moves one row.
 */
final class Tree {
    /** Drawing order: by z-order key, and by id where two keys are equal (concurrent or restored keys). */
    static final Comparator<Row> DRAWING_ORDER = Comparator.comparing(Nodes::z).thenComparing(Nodes::id);

    private Tree() {
    }

    /** The children of {@code parent} (null: the top level of {@code page}), in drawing order. */
    static List<Row> children(TableHandle nodes, String page, String parent) {
        List<Row> out;
        if (parent != null) {
            out = new ArrayList<>(nodes.findBy(CanvasSchema.NODE_BY_PARENT, parent));
        } else {
            out = new ArrayList<>();
            for (Row r : nodes.findBy(CanvasSchema.NODE_BY_PARENT, null)) {
                if (page.equals(Nodes.page(r))) {
                    out.add(r);
                }
            }
        }
        out.sort(DRAWING_ORDER);
        return out;
    }

    /** The node's siblings (the other children of its parent), in drawing order. */
    static List<Row> siblings(TableHandle nodes, Row node) {
        List<Row> out = children(nodes, Nodes.page(node), Nodes.parent(node));
        out.removeIf(r -> Nodes.id(r).equals(Nodes.id(node)));
        return out;
    }

    /** The node and everything inside it, each parent before its children, children in drawing order. */
    static List<Row> subtree(TableHandle nodes, Row root) {
        List<Row> out = new ArrayList<>();
        out.add(root);
        for (int i = 0; i < out.size(); i++) {
            Row r = out.get(i);
            if (Nodes.kind(r).container()) {
                out.addAll(children(nodes, Nodes.page(r), Nodes.id(r)));
            }
        }
        return out;
    }

    /** Whether {@code node} is {@code ancestor} itself or lies somewhere inside it. */
    static boolean within(TableHandle nodes, String node, String ancestor) {
        String at = node;
        for (int depth = 0; at != null && depth <= nodes.size(); depth++) {
            if (at.equals(ancestor)) {
                return true;
            }
            Row r = nodes.find(at);
            at = r == null ? null : Nodes.parent(r);
        }
        return false;
    }

    /**
     * Where the origin of a parent's children lies on the page: the sum of the positions of the parent and
     * its ancestors (their rotation is not taken into account). {0, 0} for the top level.
     */
    static double[] origin(TableHandle nodes, String parent) {
        double x = 0;
        double y = 0;
        String at = parent;
        for (int depth = 0; at != null && depth <= nodes.size(); depth++) {
            Row r = nodes.find(at);
            if (r == null) {
                break;
            }
            x += Nodes.num(r, Nodes.X);
            y += Nodes.num(r, Nodes.Y);
            at = Nodes.parent(r);
        }
        return new double[] {x, y};
    }

    /** The node that is to take children: it must exist and be a frame or group. */
    static Row container(TableHandle nodes, String id) {
        Row r = Nodes.require(nodes, id);
        if (!Nodes.kind(r).container()) {
            throw ReducerException.badArgument("'" + id + "' is a " + Nodes.kind(r).label()
                    + " and cannot hold other nodes; only frames and groups can");
        }
        return r;
    }
}
