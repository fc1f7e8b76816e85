package dev.easel.host.canvas;

import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.ReducerContext;
import dev.easel.engine.tx.ReducerException;
import dev.easel.engine.tx.TableHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reducers that change the shape of the node tree: {@code reparent}, {@code reorder}, {@code group} and
 * {@code ungroup}. Nodes keep where they appear on the page when they change parent.
 */
final class TreeReducers {
    private TreeReducers() {
    }

    static void register(CanvasReducers.Registrar r) {
        r.add("reparent", TreeReducers::reparent);
        r.add("reorder", TreeReducers::reorder);
        r.add("group", TreeReducers::group);
        r.add("ungroup", TreeReducers::ungroup);
    }

    /**
     * reparent(ids, parent?, page?, after?|before?|to?): moves nodes into a frame or group ({@code parent}),
     * or to the top level of {@code page} (default: the page they are on), keeping their order and where
     * they appear; they go on top of their new siblings unless placed otherwise.
     */
    static Object reparent(ReducerContext ctx, Args a) {
        Edit edit = new Edit(ctx);
        TableHandle nodes = edit.nodes();
        String parentId = a.has("parent") ? a.string("parent") : null;
        Row parent = parentId == null ? null : Tree.container(nodes, parentId);
        List<Row> moving = new ArrayList<>();
        for (String id : Validation.ids(a, "ids")) {
            moving.add(edit.node(id));
        }
        moving.sort(Tree.DRAWING_ORDER);
        String page = targetPage(edit, a, parent, moving);
        List<double[]> positions = new ArrayList<>();
        for (Row node : moving) {
            if (parentId != null && Tree.within(nodes, parentId, Nodes.id(node))) {
                throw ReducerException.badArgument("cannot put '" + Nodes.id(node) + "' inside "
                        + (parentId.equals(Nodes.id(node)) ? "itself" : "'" + parentId + "', which lies inside it"));
            }
            double[] origin = Tree.origin(nodes, Nodes.parent(node));
            positions.add(new double[] {origin[0] + Nodes.num(node, Nodes.X), origin[1] + Nodes.num(node, Nodes.Y)});
        }
        List<Row> siblings = Tree.children(nodes, page, parentId);
        Set<String> movingIds = new HashSet<>();
        moving.forEach(m -> movingIds.add(Nodes.id(m)));
        siblings.removeIf(s -> movingIds.contains(Nodes.id(s)));
        List<String> keys = Placement.NODES.keys(a, siblings, moving.size());
        double[] origin = Tree.origin(nodes, parentId);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < moving.size(); i++) {
            Row node = moving.get(i);
            String id = Nodes.id(node);
            Map<String, Object> patch = new HashMap<>();
            patch.put("parent", parentId);
            patch.put("page", page);
            patch.put("x", positions.get(i)[0] - origin[0]);
            patch.put("y", positions.get(i)[1] - origin[1]);
            patch.put("z", keys.get(i));
            edit.update(nodes, id, patch);
            if (!page.equals(Nodes.page(node))) {
                for (Row inside : Tree.subtree(nodes, nodes.find(id))) {
                    edit.set(nodes, Nodes.id(inside), Nodes.PAGE, page);
                }
            }
            ids.add(id);
        }
        return edit.finish(Map.of("ids", ids));
    }

    private static String targetPage(Edit edit, Args a, Row parent, List<Row> moving) {
        String named = a.has("page") ? Pages.id(edit.page(a.string("page"))) : null;
        if (parent != null) {
            if (named != null) {
                NodeReducers.requireOnPage(parent, named);
            }
            return Nodes.page(parent);
        }
        if (named != null) {
            return named;
        }
        String page = Nodes.page(moving.get(0));
        for (Row node : moving) {
            if (!Nodes.page(node).equals(page)) {
                throw ReducerException.badArgument("the nodes are on different pages; name the 'page' to move them to");
            }
        }
        return page;
    }

    /** reorder(id, after|before|to): moves one node in its parent's stack; only its z-order key changes. */
    static Object reorder(ReducerContext ctx, Args a) {
        Edit edit = new Edit(ctx);
        String id = Validation.id(a, "id");
        Row node = edit.node(id);
        if (!Placement.given(a)) {
            throw ReducerException.badArgument("say where the node goes: 'after' or 'before' a sibling, or 'to' "
                    + "first or last");
        }
        String z = Placement.NODES.keys(a, Tree.siblings(edit.nodes(), node), 1).get(0);
        edit.set(edit.nodes(), id, Nodes.Z, z);
        return edit.finish(Map.of("id", id, "z", z));
    }

    /**
     * group(id, ids, name?): wraps sibling nodes in a new group {@code id} sized to fit them, taking the
     * place of the topmost in the stack.
     */
    static Object group(ReducerContext ctx, Args a) {
        Edit edit = new Edit(ctx);
        TableHandle nodes = edit.nodes();
        String groupId = NodeReducers.freshId(nodes, Validation.id(a, "id"));
        List<Row> members = new ArrayList<>();
        for (String id : Validation.ids(a, "ids")) {
            members.add(edit.node(id));
        }
        members.sort(Tree.DRAWING_ORDER);
        Row first = members.get(0);
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Row m : members) {
            if (!Nodes.page(m).equals(Nodes.page(first)) || !Objects.equals(Nodes.parent(m), Nodes.parent(first))) {
                throw ReducerException.badArgument("only nodes that share a parent can be grouped; '" + Nodes.id(m)
                        + "' and '" + Nodes.id(first) + "' do not");
            }
            minX = Math.min(minX, Nodes.num(m, Nodes.X));
            minY = Math.min(minY, Nodes.num(m, Nodes.Y));
            maxX = Math.max(maxX, Nodes.num(m, Nodes.X) + Nodes.num(m, Nodes.W));
            maxY = Math.max(maxY, Nodes.num(m, Nodes.Y) + Nodes.num(m, Nodes.H));
        }
        Map<String, Object> group = new HashMap<>(NodeKind.GROUP.defaults());
        if (a.has("name")) {
            group.put("name", NodeField.NAME.read(ctx, a, NodeKind.GROUP));
        }
        group.put("id", groupId);
        group.put("page", Nodes.page(first));
        group.put("parent", Nodes.parent(first));
        group.put("kind", NodeKind.GROUP.label());
        group.put("x", minX);
        group.put("y", minY);
        group.put("w", maxX - minX);
        group.put("h", maxY - minY);
        // The topmost member's key: once the members move inside, the group alone holds that place.
        group.put("z", Nodes.z(members.get(members.size() - 1)));
        edit.insert(nodes, group);
        for (Row m : members) {
            edit.update(nodes, Nodes.id(m), Map.of("parent", groupId,
                    "x", Nodes.num(m, Nodes.X) - minX, "y", Nodes.num(m, Nodes.Y) - minY));
        }
        return edit.finish(Map.of("id", groupId));
    }

    /**
     * ungroup(ids): dissolves groups, their children taking the group's place in its parent's stack and
     * keeping where they appear (a rotated group passes its rotation on to them). Returns {ids: children}.
     */
    static Object ungroup(ReducerContext ctx, Args a) {
        Edit edit = new Edit(ctx);
        TableHandle nodes = edit.nodes();
        List<String> freed = new ArrayList<>();
        for (String id : Validation.ids(a, "ids")) {
            Row group = edit.node(id);
            if (Nodes.kind(group) != NodeKind.GROUP) {
                throw ReducerException.badArgument("'" + id + "' is a " + Nodes.kind(group).label()
                        + ", not a group");
            }
            List<Row> children = Tree.children(nodes, Nodes.page(group), id);
            List<Row> stack = Tree.children(nodes, Nodes.page(group), Nodes.parent(group));
            List<String> keys = Placement.NODES.inPlaceOf(stack, Placement.NODES.indexOf(stack, id), children.size());
            for (int i = 0; i < children.size(); i++) {
                Row child = children.get(i);
                Map<String, Object> patch = placeOutside(group, child);
                patch.put("parent", Nodes.parent(group));
                patch.put("z", keys.get(i));
                edit.update(nodes, Nodes.id(child), patch);
                freed.add(Nodes.id(child));
            }
            edit.delete(nodes, id);
        }
        return edit.finish(Map.of("ids", freed));
    }

    /** A child's position and rotation in its group's parent, turning it about the group's centre. */
    private static Map<String, Object> placeOutside(Row group, Row child) {
        double gx = Nodes.num(group, Nodes.X);
        double gy = Nodes.num(group, Nodes.Y);
        double turn = Nodes.num(group, Nodes.ROTATION);
        double x = Nodes.num(child, Nodes.X);
        double y = Nodes.num(child, Nodes.Y);
        Map<String, Object> patch = new HashMap<>();
        if (turn == 0) {
            patch.put("x", gx + x);
            patch.put("y", gy + y);
            return patch;
        }
        double w = Nodes.num(child, Nodes.W);
        double h = Nodes.num(child, Nodes.H);
        double cx = Nodes.num(group, Nodes.W) / 2;
        double cy = Nodes.num(group, Nodes.H) / 2;
        double rad = Math.toRadians(turn);
        double dx = x + w / 2 - cx;
        double dy = y + h / 2 - cy;
        double rx = cx + dx * Math.cos(rad) - dy * Math.sin(rad);
        double ry = cy + dx * Math.sin(rad) + dy * Math.cos(rad);
        patch.put("x", gx + rx - w / 2);
        patch.put("y", gy + ry - h / 2);
        patch.put("rotation", (Nodes.num(child, Nodes.ROTATION) + turn) % 360.0);
        return patch;
    }
}
