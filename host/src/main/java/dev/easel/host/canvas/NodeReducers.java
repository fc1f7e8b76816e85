package dev.easel.host.canvas;

import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.ReducerContext;
import dev.easel.engine.tx.ReducerException;
import dev.easel.engine.tx.TableHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reducers that make, change and remove nodes: {@code create_node}, {@code update_node}, {@code move_nodes},
 * {@code resize_nodes}, {@code set_text}, {@code delete_nodes} and {@code duplicate}. Structure (parent,
 * order, groups) is {@link TreeReducers}' job.
 */
final class NodeReducers {
    private static final Set<String> CREATE_ARGS;

    static {
        Set<String> args = new HashSet<>(NodeField.NAMES);
        args.addAll(Set.of("id", "page", "parent", "kind"));
        args.addAll(Placement.ARGS);
        CREATE_ARGS = Set.copyOf(args);
    }

    private NodeReducers() {
    }

    static void register(CanvasReducers.Registrar r) {
        r.add("create_node", NodeReducers::create);
        r.add("update_node", NodeReducers::update);
        r.add("move_nodes", NodeReducers::move);
        r.add("resize_nodes", NodeReducers::resize);
        r.add("set_text", NodeReducers::setText);
        r.add("delete_nodes", NodeReducers::delete);
        r.add("duplicate", NodeReducers::duplicate);
    }

    /**
     * create_node(id, kind, page, parent?, after?|before?|to?, ...fields): a new node with a client-made id,
     * drawn on top of its siblings unless placed otherwise. Returns {id, z}.
     */
    static Object create(ReducerContext ctx, Args a) {
        Validation.onlyKnown(a, CREATE_ARGS);
        Edit edit = new Edit(ctx);
        TableHandle nodes = edit.nodes();
        String id = freshId(nodes, Validation.id(a, "id"));
        NodeKind kind = NodeKind.of(a.string("kind"));
        String page = Pages.id(edit.page(a.string("page")));
        String parent = a.has("parent") ? a.string("parent") : null;
        if (parent != null) {
            requireOnPage(Tree.container(nodes, parent), page);
        }
        Map<String, Object> row = new HashMap<>(kind.defaults());
        for (NodeField f : NodeField.values()) {
            if (a.has(f.column())) {
                row.put(f.column(), f.read(ctx, a, kind));
            }
        }
        if (kind == NodeKind.IMAGE && !row.containsKey("asset")) {
            throw ReducerException.badArgument("an image node needs 'asset', the hash put_asset returned");
        }
        String z = Placement.NODES.keys(a, Tree.children(nodes, page, parent), 1).get(0);
        row.put("id", id);
        row.put("page", page);
        row.put("parent", parent);
        row.put("kind", kind.label());
        row.put("z", z);
        edit.insert(nodes, row);
        return edit.finish(Map.of("id", id, "z", z));
    }

    /** update_node(id, patch {field: value, ...}): sets the named fields of one node. */
    static Object update(ReducerContext ctx, Args a) {
        Edit edit = new Edit(ctx);
        String id = Validation.id(a, "id");
        Row node = edit.node(id);
        Args patch = a.object("patch");
        if (patch.asMap().isEmpty()) {
            throw ReducerException.badArgument("argument 'patch' names no field to change");
        }
        Map<String, Object> values = new HashMap<>();
        for (String field : patch.asMap().keySet()) {
            values.put(field, NodeField.named(field).read(ctx, patch, Nodes.kind(node)));
        }
        edit.update(edit.nodes(), id, values);
        return edit.finish(Map.of("id", id));
    }

    /** move_nodes(moves [{id, x, y}, ...]): new positions (relative to each node's parent) for many nodes. */
    static Object move(ReducerContext ctx, Args a) {
        Edit edit = new Edit(ctx);
        List<Args> moves = Validation.objects(a, "moves");
        Set<String> seen = new HashSet<>();
        Validation.eachItem(moves, "moves", m -> {
            String id = distinct(seen, Validation.id(m, "id"));
            double x = Validation.coordinate(m, "x");
            double y = Validation.coordinate(m, "y");
            edit.node(id);
            edit.set(edit.nodes(), id, Nodes.X, x);
            edit.set(edit.nodes(), id, Nodes.Y, y);
        });
        return edit.finish(Map.of("moved", moves.size()));
    }

    /** resize_nodes(sizes [{id, w, h, x?, y?}, ...]): new sizes (and, resizing from a corner, positions). */
    static Object resize(ReducerContext ctx, Args a) {
        Edit edit = new Edit(ctx);
        List<Args> sizes = Validation.objects(a, "sizes");
        Set<String> seen = new HashSet<>();
        Validation.eachItem(sizes, "sizes", s -> {
            String id = distinct(seen, Validation.id(s, "id"));
            Map<String, Object> patch = new HashMap<>();
            patch.put("w", Validation.size(s, "w"));
            patch.put("h", Validation.size(s, "h"));
            if (s.has("x")) {
                patch.put("x", Validation.coordinate(s, "x"));
            }
            if (s.has("y")) {
                patch.put("y", Validation.coordinate(s, "y"));
            }
            edit.node(id);
            edit.update(edit.nodes(), id, patch);
        });
        return edit.finish(Map.of("resized", sizes.size()));
    }

    /** set_text(id, text): the content of a text node. */
    static Object setText(ReducerContext ctx, Args a) {
        Edit edit = new Edit(ctx);
        String id = Validation.id(a, "id");
        Row node = edit.node(id);
        Object text = NodeField.TEXT.read(ctx, a, Nodes.kind(node));
        edit.set(edit.nodes(), id, Nodes.TEXT, text);
        return edit.finish(Map.of("id", id));
    }

    /** delete_nodes(ids): removes the nodes and everything inside them. Returns {deleted: [ids]}. */
    static Object delete(ReducerContext ctx, Args a) {
        Edit edit = new Edit(ctx);
        Set<String> doomed = new LinkedHashSet<>();
        for (String id : Validation.ids(a, "ids")) {
            for (Row r : Tree.subtree(edit.nodes(), edit.node(id))) {
                doomed.add(Nodes.id(r));
            }
        }
        for (String id : doomed) {
            edit.delete(edit.nodes(), id);
        }
        return edit.finish(Map.of("deleted", new ArrayList<>(doomed)));
    }

    /**
     * duplicate(ids, new_ids, dx?, dy?): copies nodes with everything inside them, each copy just above its
     * original and offset by (dx, dy). {@code new_ids} name the copies of {@code ids}, in order; the copy of a
     * node inside one gets the copy's id, a dot and its place in the subtree ("n7.1", "n7.2", ...), so the
     * client knows every id in advance. Listing a node and something inside it copies the outer one once.
     * Returns {ids: {original: copy}} for every node copied.
     */
    static Object duplicate(ReducerContext ctx, Args a) {
        Edit edit = new Edit(ctx);
        TableHandle nodes = edit.nodes();
        List<String> ids = Validation.ids(a, "ids");
        List<String> newIds = Validation.ids(a, "new_ids");
        if (newIds.size() != ids.size()) {
            throw ReducerException.badArgument("'new_ids' must name one copy for each of the " + ids.size()
                    + " 'ids', got " + newIds.size());
        }
        double dx = a.has("dx") ? Validation.coordinate(a, "dx") : 0;
        double dy = a.has("dy") ? Validation.coordinate(a, "dy") : 0;
        List<Row> originals = new ArrayList<>();
        for (String id : ids) {
            originals.add(edit.node(id));
        }
        Map<String, String> copies = new LinkedHashMap<>();
        for (int i = 0; i < originals.size(); i++) {
            Row original = originals.get(i);
            if (insideAnother(nodes, original, ids)) {
                continue;
            }
            List<Row> subtree = Tree.subtree(nodes, original);
            Map<String, String> renamed = new HashMap<>();
            for (int k = 0; k < subtree.size(); k++) {
                String copyId = k == 0 ? newIds.get(i) : newIds.get(i) + "." + k;
                if (!NodeIds.isValid(copyId)) {
                    throw ReducerException.badArgument("the copy of '" + Nodes.id(subtree.get(k)) + "' would get the id '"
                            + copyId + "', which is too long; choose a shorter new id");
                }
                renamed.put(Nodes.id(subtree.get(k)), freshId(nodes, copyId));
            }
            List<Row> siblings = Tree.children(nodes, Nodes.page(original), Nodes.parent(original));
            String z = Placement.NODES.justAbove(siblings, Placement.NODES.indexOf(siblings, Nodes.id(original)));
            for (Row r : subtree) {
                Map<String, Object> copy = Nodes.values(r);
                copy.put("id", renamed.get(Nodes.id(r)));
                copy.put("locked_by", null);
                copy.put("locked_at", null);
                if (Nodes.id(r).equals(Nodes.id(original))) {
                    copy.put("x", Nodes.num(r, Nodes.X) + dx);
                    copy.put("y", Nodes.num(r, Nodes.Y) + dy);
                    copy.put("z", z);
                } else {
                    copy.put("parent", renamed.get(Nodes.parent(r)));
                }
                edit.insert(nodes, copy);
                copies.put(Nodes.id(r), renamed.get(Nodes.id(r)));
            }
        }
        return edit.finish(Map.of("ids", copies));
    }

    private static boolean insideAnother(TableHandle nodes, Row node, List<String> listed) {
        for (String other : listed) {
            if (!other.equals(Nodes.id(node)) && Tree.within(nodes, Nodes.id(node), other)) {
                return true;
            }
        }
        return false;
    }

    /** Refuses an id some node already has: ids are made by clients, and two must never meet. */
    static String freshId(TableHandle nodes, String id) {
        if (nodes.find(id) != null) {
            throw ReducerException.badArgument("node id '" + id + "' is taken");
        }
        return id;
    }

    static void requireOnPage(Row parent, String page) {
        if (!Nodes.page(parent).equals(page)) {
            throw ReducerException.badArgument("parent '" + Nodes.id(parent) + "' is on page '" + Nodes.page(parent)
                    + "', not on '" + page + "'");
        }
    }

    private static String distinct(Set<String> seen, String id) {
        if (!seen.add(id)) {
            throw ReducerException.badArgument("node '" + id + "' is named twice");
        }
        return id;
    }
}
