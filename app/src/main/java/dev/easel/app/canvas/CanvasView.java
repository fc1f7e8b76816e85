package dev.easel.app.canvas;

import dev.easel.app.collab.Collaborators;
import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.ModelWatch;
import dev.easel.app.document.NodeView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The editing surface: draws the current page's nodes from the {@link DocumentModel} through the
 * {@link Viewport}, with the selection, a creation preview and the marquee on top. It redraws at most once
 * per pulse, and only after something changed (the document, the viewport, the overlay or its size); nodes
 * outside the visible part of the page are skipped.
 */
public final class CanvasView extends Region {
    public static final Color SELECTION = Color.web("#0d99ff");
    private static final double HANDLE = 7;

    private final Canvas canvas = new Canvas();
    private final Viewport viewport = new Viewport();
    private DocumentModel model;
    private final DocumentModel.Listener modelListener = (ids, structure) -> requestRedraw();
    private final Runnable selectionListener = this::requestRedraw;
    private final ModelWatch watch = new ModelWatch(modelListener, selectionListener);
    private boolean redrawScheduled;
    private long redraws;
    private Color background = Color.web("#f5f5f5");

    private Bounds preview;
    private String previewKind;
    private Bounds marquee;
    private List<SnapIndex.Guide> guides = List.of();
    private String editingId;
    private javafx.scene.Node editor;
    public static final Color GUIDE = Color.web("#f24822");

    /** Another member's cursor as last drawn, in page coordinates (interpolated towards their last update). */
    public record CursorMark(String identity, String name, String color, double x, double y) {
    }

    /** A node another member has selected, outlined in their colour. */
    public record SelectionMark(String identity, String nodeId, String color) {
    }

    /** A node someone else holds locked: a badge with their initials in their colour. */
    public record LockBadge(String nodeId, String holder, String initials, String color) {
    }

    /** What the last redraw showed of the other members: tests read this rather than pixels. */
    public record CollaboratorOverlay(List<CursorMark> cursors, List<SelectionMark> selections,
            List<LockBadge> badges) {
        public static final CollaboratorOverlay EMPTY = new CollaboratorOverlay(List.of(), List.of(), List.of());
    }

    private Collaborators collaborators;
    private final Runnable collaboratorListener = this::collaboratorsChanged;
    /** identity -> {shown x, shown y, target x, target y}. */
    private final Map<String, double[]> cursorMotion = new HashMap<>();
    private CollaboratorOverlay overlay = CollaboratorOverlay.EMPTY;
    private long lastTick;
    private boolean animating;
    private final AnimationTimer glide = new AnimationTimer() {
        @Override
        public void handle(long now) {
            stepCursors(now);
        }
    };

    public CanvasView() {
        getStyleClass().add("canvas-view");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(100, 100);
        viewport.addListener(this::requestRedraw);
        widthProperty().addListener((o, a, b) -> requestRedraw());
        heightProperty().addListener((o, a, b) -> requestRedraw());
    }

    public Viewport viewport() {
        return viewport;
    }

    public DocumentModel model() {
        return model;
    }

    /** Shows another document (or none). */
    public void setModel(DocumentModel m) {
        model = m;
        watch.watch(m);
        requestRedraw();
    }

    /** Shows the other members of the document (or none). */
    public void setCollaborators(Collaborators c) {
        if (collaborators != null) {
            collaborators.removeListener(collaboratorListener);
        }
        collaborators = c;
        cursorMotion.clear();
        if (c != null) {
            c.addListener(collaboratorListener);
        }
        requestRedraw();
    }

    public Collaborators collaborators() {
        return collaborators;
    }

    /** The other members' cursors, selections and lock badges as the last redraw drew them. */
    public CollaboratorOverlay collaboratorOverlay() {
        return overlay;
    }

    private void collaboratorsChanged() {
        Set<String> present = new java.util.HashSet<>();
        for (Collaborators.Peer p : collaborators.others()) {
            if (!p.hasCursor()) {
                continue;
            }
            present.add(p.identity());
            double[] m = cursorMotion.get(p.identity());
            if (m == null) {
                cursorMotion.put(p.identity(), new double[] {p.cursorX(), p.cursorY(), p.cursorX(), p.cursorY()});
            } else if (m[2] != p.cursorX() || m[3] != p.cursorY()) {
                m[2] = p.cursorX();
                m[3] = p.cursorY();
                if (!animating) {
                    animating = true;
                    lastTick = 0;
                    glide.start();
                }
            }
        }
        cursorMotion.keySet().retainAll(present);
        requestRedraw();
    }

    /** Moves each shown cursor part of the way to its target: smooth motion between ~30 Hz updates. */
    private void stepCursors(long now) {
        double dt = lastTick == 0 ? 1.0 / 60 : Math.min(0.1, (now - lastTick) / 1e9);
        lastTick = now;
        double k = 1 - Math.exp(-dt / 0.045);
        boolean moving = false;
        double snap = 0.25 / viewport.zoom();
        for (double[] m : cursorMotion.values()) {
            double dx = m[2] - m[0];
            double dy = m[3] - m[1];
            if (Math.abs(dx) <= snap && Math.abs(dy) <= snap) {
                m[0] = m[2];
                m[1] = m[3];
            } else {
                m[0] += dx * k;
                m[1] += dy * k;
                moving = true;
            }
        }
        requestRedraw();
        if (!moving) {
            glide.stop();
            animating = false;
        }
    }

    public void setBackgroundColor(Color c) {
        background = c;
        requestRedraw();
    }

    public Color backgroundColor() {
        return background;
    }

    /** How many times the canvas has been drawn: lets tests check it does not redraw when idle. */
    public long redrawCount() {
        return redraws;
    }

    /** The outline of a node being drawn, in page coordinates (null to hide). */
    public void setPreview(Bounds world, String kind) {
        preview = world;
        previewKind = kind;
        requestRedraw();
    }

    /** The marquee rectangle of a selection drag, in page coordinates (null to hide). */
    public void setMarquee(Bounds world) {
        marquee = world;
        requestRedraw();
    }

    /** Snapping guides to draw, in page coordinates (empty to hide). */
    public void setGuides(List<SnapIndex.Guide> g) {
        List<SnapIndex.Guide> next = g == null ? List.of() : List.copyOf(g);
        if (!next.equals(guides)) {
            guides = next;
            requestRedraw();
        }
    }

    /** The snapping guides drawn now: tests read this rather than pixels. */
    public List<SnapIndex.Guide> guides() {
        return guides;
    }

    /**
     * Shows an editor (the inline text field) over the canvas, in canvas pixels, hiding the node it edits
     * (null to remove it).
     */
    public void setEditor(javafx.scene.Node node, String nodeId) {
        if (editor != null) {
            getChildren().remove(editor);
        }
        editor = node;
        editingId = node == null ? null : nodeId;
        if (node != null) {
            node.setManaged(false);
            getChildren().add(node);
        }
        requestRedraw();
    }

    public javafx.scene.Node editor() {
        return editor;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            requestRedraw();
        }
    }

    /** Asks for one redraw in the next pulse; any number of requests before it make one redraw. */
    public void requestRedraw() {
        if (!redrawScheduled) {
            redrawScheduled = true;
            Platform.runLater(this::redraw);
        }
    }

    private void redraw() {
        redrawScheduled = false;
        redraws++;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setFill(background);
        g.fillRect(0, 0, w, h);
        if (model == null) {
            overlay = CollaboratorOverlay.EMPTY;
            return;
        }
        paintNodes(g, model, viewport.zoom(), viewport.offsetX(), viewport.offsetY(), viewport.visibleWorld(w, h), true,
                editingId);
        g.setTransform(1, 0, 0, 1, 0, 0);
        paintCollaborators(g);
        paintOverlay(g);
    }

    /** Other members' selections, lock badges and cursors, in screen pixels; records what it drew. */
    private void paintCollaborators(GraphicsContext g) {
        if (collaborators == null) {
            overlay = CollaboratorOverlay.EMPTY;
            return;
        }
        String self = collaborators.selfIdentity();
        List<SelectionMark> selections = new ArrayList<>();
        List<LockBadge> badges = new ArrayList<>();
        List<CursorMark> cursors = new ArrayList<>();
        List<Collaborators.Peer> others = collaborators.others();
        g.setLineWidth(1.5);
        for (Collaborators.Peer p : others) {
            Color c = color(p.color());
            for (String id : p.selection()) {
                NodeView n = model.node(id);
                if (n == null || !java.util.Objects.equals(n.page(), model.page())) {
                    continue;
                }
                selections.add(new SelectionMark(p.identity(), id, p.color()));
                g.setStroke(c);
                strokeNode(g, n, 2);
            }
        }
        g.setFont(Font.font("System", javafx.scene.text.FontWeight.BOLD, 9));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (NodeView n : model.drawOrder()) {
            String holder = n.lockedBy();
            if (holder == null || holder.equals(self)) {
                continue;
            }
            Collaborators.Peer p = collaborators.peer(holder);
            String initials = p != null ? p.initials() : Collaborators.initials(holder);
            String colorName = p != null ? p.color() : "#808080";
            badges.add(new LockBadge(n.id(), holder, initials, colorName));
            Point2D a = viewport.toScreen(model.worldX(n) + n.w(), model.worldY(n));
            double bw = Math.max(18, initials.length() * 7 + 8);
            double bx = a.getX() - bw / 2;
            double by = a.getY() - 9;
            g.setFill(color(colorName));
            g.fillRoundRect(bx, by, bw, 16, 8, 8);
            g.setStroke(Color.WHITE);
            g.setLineWidth(1.5);
            g.strokeRoundRect(bx, by, bw, 16, 8, 8);
            g.setFill(Color.WHITE);
            g.fillText(initials, bx + bw / 2, by + 8);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font("System", javafx.scene.text.FontWeight.SEMI_BOLD, 11));
        for (Collaborators.Peer p : others) {
            double[] m = cursorMotion.get(p.identity());
            if (m == null || p.cursorPage() != null && model.page() != null && !p.cursorPage().equals(model.page())) {
                continue;
            }
            cursors.add(new CursorMark(p.identity(), p.name(), p.color(), m[0], m[1]));
            Point2D s = viewport.toScreen(m[0], m[1]);
            double x = s.getX();
            double y = s.getY();
            Color c = color(p.color());
            g.setFill(c);
            g.setStroke(Color.WHITE);
            g.setLineWidth(1.2);
            double[] xs = {x, x, x + 4.5, x + 7.5, x + 9.5, x + 6.5, x + 11.5};
            double[] ys = {y, y + 16, y + 12, y + 18.5, y + 17.5, y + 11, y + 11};
            g.fillPolygon(xs, ys, xs.length);
            g.strokePolygon(xs, ys, xs.length);
            String label = p.name() == null || p.name().isBlank() ? p.initials() : p.name();
            double tw = label.length() * 6.6 + 12;
            g.setFill(c);
            g.fillRoundRect(x + 10, y + 17, tw, 18, 6, 6);
            g.setFill(readableOn(c));
            g.fillText(label, x + 16, y + 26);
        }
        overlay = new CollaboratorOverlay(List.copyOf(cursors), List.copyOf(selections), List.copyOf(badges));
    }

    /** Turns the drawing about the centre of a node's screen box by the node's rotation. */
    private static void rotateAbout(GraphicsContext g, NodeView n, Point2D a, double w, double h) {
        if (n.rotation() != 0) {
            g.translate(a.getX() + w / 2, a.getY() + h / 2);
            g.rotate(n.rotation());
            g.translate(-(a.getX() + w / 2), -(a.getY() + h / 2));
        }
    }

    private void strokeNode(GraphicsContext g, NodeView n, double pad) {
        Point2D a = viewport.toScreen(model.worldX(n), model.worldY(n));
        double w = n.w() * viewport.zoom();
        double h = n.h() * viewport.zoom();
        g.save();
        rotateAbout(g, n, a, w, h);
        g.strokeRect(a.getX() - pad, a.getY() - pad, w + 2 * pad, h + 2 * pad);
        g.restore();
    }

    /** A member's colour ("#rrggbb"), grey if it cannot be read. */
    public static Color color(String web) {
        try {
            return web == null ? Color.GRAY : Color.web(web);
        } catch (IllegalArgumentException e) {
            return Color.GRAY;
        }
    }

    /** Black or white, whichever reads better on {@code c}. */
    public static Color readableOn(Color c) {
        double l = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return l > 0.6 ? Color.BLACK : Color.WHITE;
    }

    /**
     * Draws the page's nodes that meet {@code visible} with the transform {@code zoom}, {@code (ox, oy)}:
     * the canvas's own drawing and the PNG export share it.
     */
    public static void paintNodes(GraphicsContext g, DocumentModel model, double zoom, double ox, double oy,
            Bounds visible, boolean frameLabels) {
        paintNodes(g, model, zoom, ox, oy, visible, frameLabels, null);
    }

    private static void paintNodes(GraphicsContext g, DocumentModel model, double zoom, double ox, double oy,
            Bounds visible, boolean frameLabels, String skip) {
        g.setTransform(zoom, 0, 0, zoom, ox, oy);
        List<NodeView> order = model.drawOrder();
        for (NodeView n : order) {
            if (skip != null && skip.equals(n.id())) {
                continue;
            }
            double x = model.worldX(n);
            double y = model.worldY(n);
            if (visible != null && !meets(n, x, y, visible)) {
                continue;
            }
            NodeRenderer.draw(g, n, x, y);
        }
        g.setTransform(1, 0, 0, 1, 0, 0);
        if (!frameLabels) {
            return;
        }
        // Frame names above top-level frames, in screen pixels.
        g.setFont(Font.font("System", 11));
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Color.web("#888888"));
        for (NodeView n : model.children(null)) {
            if ("frame".equals(n.kind()) && n.visible()) {
                g.fillText(n.name(), n.x() * zoom + ox, n.y() * zoom + oy - 3);
            }
        }
    }

    private static boolean meets(NodeView n, double x, double y, Bounds visible) {
        double pad = n.strokeWidth() + 1;
        if (n.rotation() != 0) {
            pad += Math.hypot(n.w(), n.h()) / 2;
        }
        return x + n.w() + pad >= visible.getMinX() && x - pad <= visible.getMaxX()
                && y + n.h() + pad >= visible.getMinY() && y - pad <= visible.getMaxY()
                || "text".equals(n.kind());
    }

    private void paintOverlay(GraphicsContext g) {
        g.setStroke(SELECTION);
        g.setLineWidth(1.5);
        Set<String> selected = model.selection().ids();
        for (String id : selected) {
            NodeView n = model.node(id);
            if (n == null) {
                continue;
            }
            Point2D a = viewport.toScreen(model.worldX(n), model.worldY(n));
            double w = n.w() * viewport.zoom();
            double h = n.h() * viewport.zoom();
            g.save();
            rotateAbout(g, n, a, w, h);
            g.strokeRect(a.getX(), a.getY(), w, h);
            if (selected.size() == 1) {
                g.setFill(Color.WHITE);
                for (double[] c : new double[][] {{0, 0}, {w, 0}, {0, h}, {w, h}}) {
                    double hx = a.getX() + c[0] - HANDLE / 2;
                    double hy = a.getY() + c[1] - HANDLE / 2;
                    g.fillRect(hx, hy, HANDLE, HANDLE);
                    g.strokeRect(hx, hy, HANDLE, HANDLE);
                }
            }
            g.restore();
        }
        if (preview != null) {
            Point2D a = viewport.toScreen(preview.getMinX(), preview.getMinY());
            double w = preview.getWidth() * viewport.zoom();
            double h = preview.getHeight() * viewport.zoom();
            g.setLineWidth(1);
            if ("ellipse".equals(previewKind)) {
                g.strokeOval(a.getX(), a.getY(), w, h);
            } else if ("line".equals(previewKind)) {
                g.strokeLine(a.getX(), a.getY(), a.getX() + w, a.getY() + h);
            } else {
                g.strokeRect(a.getX(), a.getY(), w, h);
            }
        }
        if (!guides.isEmpty()) {
            g.setStroke(GUIDE);
            g.setLineWidth(1);
            for (SnapIndex.Guide gd : guides) {
                Point2D a = gd.vertical() ? viewport.toScreen(gd.at(), gd.from()) : viewport.toScreen(gd.from(), gd.at());
                Point2D b = gd.vertical() ? viewport.toScreen(gd.at(), gd.to()) : viewport.toScreen(gd.to(), gd.at());
                double ax = Math.round(a.getX()) + 0.5;
                double ay = Math.round(a.getY()) + 0.5;
                double bx = Math.round(b.getX()) + 0.5;
                double by = Math.round(b.getY()) + 0.5;
                if (gd.vertical()) {
                    g.strokeLine(ax, ay, ax, by);
                } else {
                    g.strokeLine(ax, ay, bx, ay);
                }
            }
            g.setStroke(SELECTION);
        }
        if (marquee != null) {
            Point2D a = viewport.toScreen(marquee.getMinX(), marquee.getMinY());
            double w = marquee.getWidth() * viewport.zoom();
            double h = marquee.getHeight() * viewport.zoom();
            g.setFill(SELECTION.deriveColor(0, 1, 1, 0.12));
            g.fillRect(a.getX(), a.getY(), w, h);
            g.setLineWidth(1);
            g.strokeRect(a.getX(), a.getY(), w, h);
        }
    }

    // ---- hit testing -----------------------------------------------------------------------------------

    /**
     * The resize handle under a screen point of the single selected (unrotated) node: 0 top left, 1 top
     * right, 2 bottom left, 3 bottom right; -1 for none.
     */
    public int handleAt(double sx, double sy) {
        if (model == null) {
            return -1;
        }
        String id = model.selection().single();
        NodeView n = id == null ? null : model.node(id);
        if (n == null || n.rotation() != 0) {
            return -1;
        }
        Point2D a = viewport.toScreen(model.worldX(n), model.worldY(n));
        double w = n.w() * viewport.zoom();
        double h = n.h() * viewport.zoom();
        double[][] corners = {{0, 0}, {w, 0}, {0, h}, {w, h}};
        for (int i = corners.length - 1; i >= 0; i--) {
            if (Math.abs(sx - (a.getX() + corners[i][0])) <= HANDLE && Math.abs(sy - (a.getY() + corners[i][1])) <= HANDLE) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The node a click at this page point selects: the topmost node under it, or the outermost group that
     * holds that node (a group is picked as a whole). Null when nothing is there.
     */
    public NodeView nodeAt(double wx, double wy) {
        if (model == null) {
            return null;
        }
        List<NodeView> order = model.drawOrder();
        for (int i = order.size() - 1; i >= 0; i--) {
            NodeView n = order.get(i);
            if (n.visible() && contains(n, wx, wy)) {
                return outermostGroup(n);
            }
        }
        return null;
    }

    /** The topmost visible node under this page point itself (inside groups too), or null. */
    public NodeView deepestNodeAt(double wx, double wy) {
        if (model == null) {
            return null;
        }
        List<NodeView> order = model.drawOrder();
        for (int i = order.size() - 1; i >= 0; i--) {
            NodeView n = order.get(i);
            if (n.visible() && !"group".equals(n.kind()) && contains(n, wx, wy)) {
                return n;
            }
        }
        return null;
    }

    private NodeView outermostGroup(NodeView n) {
        NodeView pick = n;
        int guard = 0;
        for (NodeView p = parent(n); p != null && guard++ < 64; p = parent(p)) {
            if ("group".equals(p.kind())) {
                pick = p;
            }
        }
        return pick;
    }

    private NodeView parent(NodeView n) {
        return n.parent() == null ? null : model.node(n.parent());
    }

    private boolean contains(NodeView n, double wx, double wy) {
        double x = model.worldX(n);
        double y = model.worldY(n);
        double px = wx;
        double py = wy;
        if (n.rotation() != 0) {
            double cx = x + n.w() / 2;
            double cy = y + n.h() / 2;
            double r = Math.toRadians(-n.rotation());
            double dx = wx - cx;
            double dy = wy - cy;
            px = cx + dx * Math.cos(r) - dy * Math.sin(r);
            py = cy + dx * Math.sin(r) + dy * Math.cos(r);
        }
        double slop = 3 / viewport.zoom();
        if ("line".equals(n.kind())) {
            return distanceToSegment(px, py, x, y, x + n.w(), y + n.h()) <= Math.max(slop, n.strokeWidth());
        }
        return px >= x - slop && px <= x + n.w() + slop && py >= y - slop && py <= y + n.h() + slop;
    }

    private static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    }

    /** The page-space bounds of a node, ignoring rotation. */
    public Bounds worldBounds(NodeView n) {
        return new BoundingBox(model.worldX(n), model.worldY(n), n.w(), n.h());
    }

    /** The bounds of everything on the page, or null for an empty page. */
    public Bounds contentBounds() {
        return model == null ? null : contentBounds(model);
    }

    public static Bounds contentBounds(DocumentModel model) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (NodeView n : model.drawOrder()) {
            double x = model.worldX(n);
            double y = model.worldY(n);
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x + n.w());
            maxY = Math.max(maxY, y + n.h());
        }
        return minX > maxX ? null : new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }
}
