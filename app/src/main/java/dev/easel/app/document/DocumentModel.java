package dev.easel.app.document;

import dev.easel.engine.replica.Replica;
import dev.easel.engine.replica.ReplicaListener;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Row;
import dev.easel.host.canvas.NodeIds;
import dev.easel.host.protocol.ErrorCodes;
import dev.easel.host.session.CallFailedException;
import dev.easel.host.session.Connection;
import dev.easel.host.session.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The app's view of one document: the replica's {@code node} and {@code page} rows, kept as typed
 * {@link NodeView}s on the JavaFX thread, and the reducer calls that edit them. It reaches the document only
 * through its {@link Connection}: the replica's callbacks (on whatever thread feeds the replica) are batched
 * and handed to the UI thread through {@code uiThread}; edits are reducer calls whose answers come back
 * later (or, with a prediction, show at once).
 */
public final class DocumentModel implements AutoCloseable {
    /** Why an edit is refused in a viewer's window: one line, for the status bar. */
    public static final String VIEW_ONLY = "View only \u2014 ask the host for an edit link to change the document";

    /**
     * Told on the UI thread which nodes changed, and whether drawing order or nesting changed (also when
     * another page is shown, or a node is hidden, shown, locked or unlocked).
     */
    public interface Listener {
        void changed(Set<String> nodeIds, boolean structure);
    }

    private final Connection connection;
    private final Executor uiThread;
    private final NodeColumns cols;
    private final PageList pages;
    private final NodeIds ids;
    private final boolean editable;
    private final Selection selection = new Selection();
    private final List<Listener> listeners = new ArrayList<>();
    private final List<Runnable> pageListeners = new ArrayList<>();
    private final ReplicaListener feed = new Feed();

    // Written by the replica's thread, drained on the UI thread.
    private final Set<String> pendingNodes = new HashSet<>();
    private boolean pendingPages;
    private final UiRefresh flushes;

    // UI thread only.
    private final Map<String, NodeView> nodes = new HashMap<>();
    /** Child ids per parent id ("" for the page), bottom to top; rebuilt when nesting or order changes. */
    private final Map<String, List<String>> children = new HashMap<>();
    private List<String> orderIds = List.of();
    private boolean orderStale = true;
    private List<NodeView> drawOrder;
    /** Nodes the canvas neither draws nor picks (hidden, or inside something hidden); see rebuildOrder. */
    private Set<String> hiddenIds = Set.of();
    /** Nodes the canvas will not pick (layer-locked, or inside something locked). */
    private Set<String> lockedIds = Set.of();
    /** A page this member just added: shown as soon as it arrives. */
    private String pendingPage;
    private List<String> pendingSelection;
    private Consumer<Throwable> errorHandler = e -> { };
    private volatile boolean closed;

    public DocumentModel(Connection connection, Executor uiThread) {
        this.connection = connection;
        this.uiThread = uiThread;
        this.flushes = new UiRefresh(uiThread, this::flush);
        this.cols = new NodeColumns(connection.schema());
        this.pages = new PageList(connection.schema().require("page"));
        this.ids = new NodeIds(connection.identity());
        this.editable = !Role.VIEWER.label().equals(connection.role());
    }

    /**
     * Subscribes to the document and makes sure it has a page. Completes (on any thread) once the rows are
     * in the replica; the UI hears of them through the listeners.
     */
    public CompletableFuture<Void> open() {
        connection.replica().addListener(feed);
        return connection.subscribe("SELECT * FROM node")
                .thenCompose(q -> connection.subscribe("SELECT * FROM page"))
                .thenCompose(q -> {
                    if (!connection.replica().rows("page").isEmpty() || !editable) {
                        return CompletableFuture.completedFuture(null);
                    }
                    return connection.call("add_page", Map.of("id", ids.next(), "name", "Page 1"))
                            .thenApply(r -> null);
                })
                .thenRun(flushes::request);
    }

    public Connection connection() {
        return connection;
    }

    /**
     * Whether this member may change the document: the host's own and an editor's documents are editable; a
     * viewer's (joined with a view link) is not: they look around, select, point and follow, and every edit
     * is refused here before it reaches the host. The window's editing tools, panels and commands go by this.
     */
    public boolean editable() {
        return editable;
    }

    /** {@link #editable}, and if not, {@code tell} hears why (one line, for the status bar). */
    public boolean editable(Consumer<String> tell) {
        if (!editable) {
            tell.accept(VIEW_ONLY);
        }
        return editable;
    }

    public Replica replica() {
        return connection.replica();
    }

    public NodeColumns columns() {
        return cols;
    }

    public Selection selection() {
        return selection;
    }

    public String newId() {
        return ids.next();
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** Where failed calls are reported (the status bar). */
    public void setErrorHandler(Consumer<Throwable> handler) {
        this.errorHandler = handler;
    }

    // ---- reading (UI thread) ---------------------------------------------------------------------------

    public NodeView node(String id) {
        return nodes.get(id);
    }

    public int nodeCount() {
        return nodes.size();
    }

    /** The page shown: the document's first page until another is chosen with {@link #showPage}. */
    public String page() {
        return pages.current();
    }

    /** The document's pages, in their order. */
    public List<PageView> pages() {
        return pages.all();
    }

    public PageView pageView(String pageId) {
        return pages.find(pageId);
    }

    /** Told on the UI thread when pages are added, renamed, reordered or deleted, or another is shown. */
    public void addPageListener(Runnable l) {
        pageListeners.add(l);
    }

    public void removePageListener(Runnable l) {
        pageListeners.remove(l);
    }

    /** Shows another page: the canvas and layers follow, and the selection (of the old page) is cleared. */
    public void showPage(String pageId) {
        if (!pages.show(pageId)) {
            return;
        }
        orderStale = true;
        drawOrder = null;
        selection.clear();
        for (Listener l : List.copyOf(listeners)) {
            l.changed(Set.of(), true);
        }
        firePages();
    }

    private void firePages() {
        for (Runnable l : List.copyOf(pageListeners)) {
            l.run();
        }
    }

    /** Whether the canvas leaves this node out: it is hidden, or inside a hidden frame or group. */
    public boolean hiddenOnCanvas(NodeView n) {
        if (orderStale) {
            rebuildOrder();
        }
        return !hiddenIds.isEmpty() && hiddenIds.contains(n.id());
    }

    /**
     * Whether the canvas will not select, move or resize this node: it is layer-locked, or inside a locked
     * frame or group. The layers and properties panels still can.
     */
    public boolean lockedOnCanvas(NodeView n) {
        if (orderStale) {
            rebuildOrder();
        }
        return !lockedIds.isEmpty() && lockedIds.contains(n.id());
    }

    /** Whether a click, a marquee or Select All on the canvas may take the node (not hidden, not layer-locked). */
    public boolean pickableOnCanvas(NodeView n) {
        return n.visible() && !hiddenOnCanvas(n) && !lockedOnCanvas(n);
    }

    /** The current page's nodes, parents before their children, siblings bottom to top. */
    public List<NodeView> drawOrder() {
        if (orderStale) {
            rebuildOrder();
        }
        if (drawOrder == null) {
            List<NodeView> out = new ArrayList<>(orderIds.size());
            for (String id : orderIds) {
                NodeView n = nodes.get(id);
                if (n != null) {
                    out.add(n);
                }
            }
            drawOrder = java.util.Collections.unmodifiableList(out);
        }
        return drawOrder;
    }

    /** The children of a node (or of the page, for null), bottom to top. */
    public List<NodeView> children(String parentId) {
        if (orderStale) {
            rebuildOrder();
        }
        List<NodeView> out = new ArrayList<>();
        for (String id : children.getOrDefault(parentId == null ? "" : parentId, List.of())) {
            NodeView n = nodes.get(id);
            if (n != null) {
                out.add(n);
            }
        }
        return out;
    }

    /**
     * The frame a node made at this page point goes into: the topmost visible, unrotated top-level frame that
     * holds the point, or null. The drawing tools and image placement both pick it here, so they agree.
     */
    public NodeView frameAt(double x, double y) {
        List<NodeView> roots = children(null);
        for (int i = roots.size() - 1; i >= 0; i--) {
            NodeView n = roots.get(i);
            if ("frame".equals(n.kind()) && n.visible() && n.rotation() == 0 && x >= n.x()
                    && x <= n.x() + n.w() && y >= n.y() && y <= n.y() + n.h()) {
                return n;
            }
        }
        return null;
    }

    /** How deep a node sits: 0 for a node directly on the page. */
    public int depth(NodeView n) {
        int d = 0;
        for (NodeView p = parentOf(n); p != null && d < 64; p = parentOf(p)) {
            d++;
        }
        return d;
    }

    /** Whether one of the node's ancestors (its parent, the parent's parent, ...) is among {@code ids}. */
    public boolean hasAncestorIn(NodeView n, java.util.Collection<String> ids) {
        int guard = 0;
        for (String p = n.parent(); p != null && guard++ < 64; ) {
            if (ids.contains(p)) {
                return true;
            }
            NodeView parent = node(p);
            p = parent == null ? null : parent.parent();
        }
        return false;
    }

    /** The node's left edge on the page (its position plus its ancestors'). */
    public double worldX(NodeView n) {
        double x = n.x();
        int guard = 0;
        for (NodeView p = parentOf(n); p != null && guard++ < 64; p = parentOf(p)) {
            x += p.x();
        }
        return x;
    }

    public double worldY(NodeView n) {
        double y = n.y();
        int guard = 0;
        for (NodeView p = parentOf(n); p != null && guard++ < 64; p = parentOf(p)) {
            y += p.y();
        }
        return y;
    }

    private NodeView parentOf(NodeView n) {
        return n.parent() == null ? null : nodes.get(n.parent());
    }

    // ---- editing ---------------------------------------------------------------------------------------

    /** create_node with the given fields; returns the new node's id at once (it is made here). */
    public String createNode(String kind, String parent, Map<String, Object> fields) {
        String id = ids.next();
        Map<String, Object> args = new HashMap<>(fields);
        args.put("id", id);
        args.put("kind", kind);
        args.put("page", page());
        if (parent != null) {
            args.put("parent", parent);
        }
        call("create_node", args, List.of());
        return id;
    }

    /** Opens an undo step: everything until {@link #endGesture} undoes at once. */
    public void beginGesture() {
        call("begin_gesture", Map.of(), List.of());
    }

    public void endGesture() {
        call("end_gesture", Map.of(), List.of());
    }

    /** Moves nodes to new positions (relative to their parents), showing the result at once. */
    public CompletableFuture<Object> moveNodes(Map<String, double[]> positions) {
        List<Map<String, Object>> moves = new ArrayList<>();
        List<Replica.Prediction> predicted = new ArrayList<>();
        for (Map.Entry<String, double[]> e : positions.entrySet()) {
            double x = e.getValue()[0];
            double y = e.getValue()[1];
            moves.add(Map.of("id", e.getKey(), "x", x, "y", y));
            Row now = replica().find(NodeColumns.TABLE, e.getKey());
            if (now != null) {
                predicted.add(new Replica.Prediction(cols.table, e.getKey(), now.with(cols.x, x).with(cols.y, y)));
            }
        }
        return call("move_nodes", Map.of("moves", moves), predicted);
    }

    /** Resizes one node to a new box (position relative to its parent), showing the result at once. */
    public CompletableFuture<Object> resizeNode(String id, double x, double y, double w, double h) {
        List<Replica.Prediction> predicted = new ArrayList<>();
        Row now = replica().find(NodeColumns.TABLE, id);
        if (now != null) {
            predicted.add(new Replica.Prediction(cols.table, id,
                    now.with(cols.x, x).with(cols.y, y).with(cols.w, w).with(cols.h, h)));
        }
        return call("resize_nodes", Map.of("sizes", List.of(Map.of("id", id, "x", x, "y", y, "w", w, "h", h))),
                predicted);
    }

    /** Sets named fields of one node (x, y, w, h, fill, ...), showing the result at once. */
    public CompletableFuture<Object> updateNode(String id, Map<String, Object> patch) {
        List<Replica.Prediction> predicted = new ArrayList<>();
        Row now = replica().find(NodeColumns.TABLE, id);
        if (now != null) {
            Row after = now;
            for (Map.Entry<String, Object> e : patch.entrySet()) {
                after = after.with(cols.table.columnIndex(e.getKey()), e.getValue());
            }
            predicted.add(new Replica.Prediction(cols.table, id, after));
        }
        return call("update_node", Map.of("id", id, "patch", patch), predicted);
    }

    public CompletableFuture<Object> deleteNodes(Set<String> nodeIds) {
        if (nodeIds.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<Replica.Prediction> predicted = new ArrayList<>();
        for (String id : nodeIds) {
            predicted.add(new Replica.Prediction(cols.table, id, null));
        }
        return call("delete_nodes", Map.of("ids", List.copyOf(nodeIds)), predicted);
    }

    /**
     * duplicate: copies the nodes (with everything inside them) just above each original, offset by
     * ({@code dx}, {@code dy}); the copies get {@code newIds} (their insides get derived ids). One call.
     */
    public CompletableFuture<Object> duplicate(List<String> nodeIds, List<String> newIds, double dx, double dy) {
        return call("duplicate", Map.of("ids", List.copyOf(nodeIds), "new_ids", List.copyOf(newIds), "dx", dx,
                "dy", dy), List.of());
    }

    /** group: wraps sibling nodes in a new group {@code id}. One call. */
    public CompletableFuture<Object> group(String id, List<String> nodeIds) {
        return call("group", Map.of("id", id, "ids", List.copyOf(nodeIds)), List.of());
    }

    /** ungroup: moves the groups' children out and removes the groups. One call. */
    public CompletableFuture<Object> ungroup(List<String> groupIds) {
        return call("ungroup", Map.of("ids", List.copyOf(groupIds)), List.of());
    }

    /**
     * reorder: moves a node in its siblings' stack; {@code where} is "after" (just above {@code sibling}),
     * "before" (just below it) or "to" ({@code sibling} then being "first" or "last").
     */
    public CompletableFuture<Object> reorder(String id, String where, String sibling) {
        return call("reorder", Map.of("id", id, where, sibling), List.of());
    }

    /**
     * reparent: moves nodes into a frame or group ({@code parent}), or to the top level of the page shown
     * (null), placed {@code where} ("after", "before" or "to", or null for on top) {@code anchor}. One call.
     */
    public CompletableFuture<Object> reparent(List<String> nodeIds, String parent, String where, String anchor) {
        Map<String, Object> args = new HashMap<>();
        args.put("ids", List.copyOf(nodeIds));
        if (parent != null) {
            args.put("parent", parent);
        } else {
            args.put("page", page());
        }
        if (where != null) {
            args.put(where, anchor);
        }
        return call("reparent", args, List.of());
    }

    /** add_page: a new page after the others, shown as soon as it arrives; returns its id. */
    public String addPage(String name) {
        String id = ids.next();
        Map<String, Object> args = new HashMap<>();
        args.put("id", id);
        if (name != null) {
            args.put("name", name);
        }
        pendingPage = id;
        call("add_page", args, List.of());
        return id;
    }

    /** rename_page, showing the new name at once. */
    public CompletableFuture<Object> renamePage(String pageId, String name) {
        List<Replica.Prediction> predicted = new ArrayList<>();
        Row now = replica().find(pages.table().name(), pageId);
        if (now != null) {
            predicted.add(new Replica.Prediction(pages.table(), pageId,
                    now.with(pages.table().columnIndex("name"), name)));
        }
        return call("rename_page", Map.of("id", pageId, "name", name), predicted);
    }

    /** reorder_page: moves a page "after" or "before" another, or "to" "first" or "last". */
    public CompletableFuture<Object> reorderPage(String pageId, String where, String anchor) {
        return call("reorder_page", Map.of("id", pageId, where, anchor), List.of());
    }

    /** delete_page: removes a page and everything on it (the host refuses to delete the last page). */
    public CompletableFuture<Object> deletePage(String pageId) {
        return call("delete_page", Map.of("id", pageId), List.of());
    }

    /** set_text: replaces a text node's text, showing the result at once. */
    public CompletableFuture<Object> setText(String id, String text) {
        List<Replica.Prediction> predicted = new ArrayList<>();
        Row now = replica().find(NodeColumns.TABLE, id);
        if (now != null) {
            predicted.add(new Replica.Prediction(cols.table, id, now.with(cols.text, text)));
        }
        return call("set_text", Map.of("id", id, "text", text), predicted);
    }

    /** lock: tells the others this member is editing these nodes (their canvases show a badge). */
    public CompletableFuture<Object> lock(List<String> nodeIds) {
        return call("lock", Map.of("ids", List.copyOf(nodeIds)), List.of());
    }

    public CompletableFuture<Object> unlock(List<String> nodeIds) {
        return call("unlock", Map.of("ids", List.copyOf(nodeIds)), List.of());
    }

    /**
     * Selects these nodes as soon as they all exist here (for nodes just made by a call the host has not
     * answered yet); at once if they already do.
     */
    public void selectWhenPresent(List<String> nodeIds) {
        if (nodes.keySet().containsAll(nodeIds)) {
            pendingSelection = null;
            selection.set(nodeIds);
        } else {
            pendingSelection = List.copyOf(nodeIds);
        }
    }

    public CompletableFuture<Object> undo() {
        return call("undo", Map.of(), List.of());
    }

    public CompletableFuture<Object> redo() {
        return call("redo", Map.of(), List.of());
    }

    /**
     * Every edit goes through here. A viewer's is refused at once, as the host would refuse it: nothing is
     * predicted or sent, and the error handler says why. (Presence calls do not come this way.)
     */
    private CompletableFuture<Object> call(String reducer, Map<String, Object> args, List<Replica.Prediction> predicted) {
        CompletableFuture<Object> f = editable ? connection.call(reducer, args, predicted)
                : CompletableFuture.failedFuture(new CallFailedException(ErrorCodes.FORBIDDEN, VIEW_ONLY));
        f.whenComplete((r, e) -> {
            if (e != null && !closed) {
                Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                        ? e.getCause() : e;
                uiThread.execute(() -> errorHandler.accept(cause));
            }
        });
        return f;
    }

    // ---- feeding (replica thread -> UI thread) ---------------------------------------------------------

    private final class Feed implements ReplicaListener {
        @Override
        public void onInsert(TableSchema table, Row row) {
            note(table, row);
        }

        @Override
        public void onUpdate(TableSchema table, Row before, Row after) {
            note(table, after);
        }

        @Override
        public void onDelete(TableSchema table, Row row) {
            note(table, row);
        }

        @Override
        public void onApplied(long offset) {
            flushes.request();
        }

        private void note(TableSchema table, Row row) {
            if (table.id() == cols.table.id()) {
                synchronized (pendingNodes) {
                    pendingNodes.add((String) row.get(cols.id));
                }
            } else if (table.id() == pages.table().id()) {
                synchronized (pendingNodes) {
                    pendingPages = true;
                }
            }
        }
    }

    /** Applies what changed since the last flush; UI thread. */
    private void flush() {
        Set<String> changed;
        boolean pageRows;
        synchronized (pendingNodes) {
            changed = new HashSet<>(pendingNodes);
            pendingNodes.clear();
            pageRows = pendingPages;
            pendingPages = false;
        }
        boolean structure = false;
        boolean pagesChanged = false;
        if (pageRows || page() == null) {
            String shown = page();
            pagesChanged = pages.reload(replica());
            if (pendingPage != null && pages.find(pendingPage) != null) {
                pages.show(pendingPage);
                pendingPage = null;
            }
            if (!java.util.Objects.equals(shown, page())) {
                structure = true;
                pagesChanged = true;
                selection.clear();
            }
        }
        for (String id : changed) {
            Row r = replica().find(NodeColumns.TABLE, id);
            NodeView before = nodes.get(id);
            if (r == null) {
                if (nodes.remove(id) != null) {
                    structure = true;
                }
            } else {
                NodeView after = NodeView.of(cols, r);
                nodes.put(id, after);
                if (!after.sameStructure(before)) {
                    structure = true;
                }
            }
        }
        drawOrder = null;
        if (structure) {
            orderStale = true;
            selection.retainAll(nodes.keySet());
        }
        if (pendingSelection != null && nodes.keySet().containsAll(pendingSelection)) {
            List<String> select = pendingSelection;
            pendingSelection = null;
            selection.set(select);
        }
        if (changed.isEmpty() && !structure && !pagesChanged) {
            return;
        }
        if (!changed.isEmpty() || structure) {
            for (Listener l : List.copyOf(listeners)) {
                l.changed(changed, structure);
            }
        }
        if (pagesChanged) {
            firePages();
        }
    }

    private void rebuildOrder() {
        String page = page();
        Map<String, List<NodeView>> byParent = new HashMap<>();
        for (NodeView n : nodes.values()) {
            if (page != null && page.equals(n.page())) {
                byParent.computeIfAbsent(n.parent() == null ? "" : n.parent(), k -> new ArrayList<>()).add(n);
            }
        }
        Comparator<NodeView> byZ = Comparator.comparing(NodeView::z).thenComparing(NodeView::id);
        children.clear();
        for (Map.Entry<String, List<NodeView>> e : byParent.entrySet()) {
            e.getValue().sort(byZ);
            children.put(e.getKey(), e.getValue().stream().map(NodeView::id).toList());
        }
        List<String> out = new ArrayList<>(nodes.size());
        Set<String> hidden = new HashSet<>();
        Set<String> locked = new HashSet<>();
        appendTree(out, "", 0, false, false, hidden, locked);
        hiddenIds = hidden;
        lockedIds = locked;
        orderIds = out;
        orderStale = false;
        drawOrder = null;
    }

    /** Lists a subtree in drawing order, noting what a hidden or locked ancestor passes on to its insides. */
    private void appendTree(List<String> out, String parent, int depth, boolean hiddenAbove, boolean lockedAbove,
            Set<String> hidden, Set<String> locked) {
        List<String> list = children.get(parent);
        if (list == null || depth > 64) {
            return;
        }
        for (String id : list) {
            out.add(id);
            NodeView n = nodes.get(id);
            boolean h = hiddenAbove || !n.visible();
            boolean l = lockedAbove || n.locked();
            if (h) {
                hidden.add(id);
            }
            if (l) {
                locked.add(id);
            }
            appendTree(out, id, depth + 1, h, l, hidden, locked);
        }
    }

    /** Stops listening to the replica; the connection itself belongs to whoever opened it. */
    @Override
    public void close() {
        closed = true;
        flushes.close();
        connection.replica().removeListener(feed);
    }
}
