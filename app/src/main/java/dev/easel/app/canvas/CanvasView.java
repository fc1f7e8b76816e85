package dev.easel.app.canvas;

import dev.easel.app.collab.Collaborators;
import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.ModelWatch;
import dev.easel.app.document.NodeView;
import dev.easel.host.identity.DisplayNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The editing surface: draws the current page's nodes from the {@link DocumentModel} through the
 * {@link Viewport}, with the selection, a creation preview and the marquee on top. It redraws at most once
 * per pulse, and only after something changed (the document, the viewport, the overlay or its size). The
 * nodes' drawing is kept between frames ({@link SceneTiles}): a frame repaints only where nodes changed
 * ({@link NodeBounds} knows where each was and is) and what a pan brings into view; a zoom, a resize, another
 * page, model or background paint everything afresh. What is drawn over the nodes (selection, guides, frame
 * names, other members) is listed every frame as marks ({@link OverlayMarks}) painted into the same tiles, so
 * only the marks that changed are repainted. Hit testing works in canvas (logical) pixels whatever the
 * window's render scale; the tiles hold device pixels ({@link CrispCanvas}).
 */
public final class CanvasView extends Region {
    public static final Color SELECTION = Color.web("#0d99ff");
    private static final double HANDLE = 7;

    private final SceneTiles scene = new SceneTiles();
    private final OverlayMarks marks = new OverlayMarks();
    private final javafx.scene.shape.Rectangle viewClip = new javafx.scene.shape.Rectangle();
    private final NodeBounds bounds = new NodeBounds();
    /** Page rectangles to repaint in the next frame. */
    private final List<double[]> damage = new ArrayList<>();
    /** Whether the next frame paints every node afresh. */
    private boolean sceneStale = true;
    private String shownPage;
    /** Ids of the page's top-level frames; null until needed after a structure change. */
    private List<String> topFrames;
    private FrameReport lastFrame = FrameReport.NONE;
    private final Viewport viewport = new Viewport();
    private DocumentModel model;
    private ImageSource images = ImageSource.NONE;
    private final DocumentModel.Listener modelListener = this::nodesChanged;
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

    /** Where the last redraw drew another member's cursor or lock badge (zoom space), for their tooltips. */
    private record PeerSpot(double x0, double y0, double x1, double y1, String identity, boolean badge) {
    }

    private List<PeerSpot> peerSpots = List.of();
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

    /**
     * What the last frame painted of the nodes: everything afresh or only some rectangles, how many
     * rectangles, how many nodes. Tests and the benchmark read it.
     */
    public record FrameReport(boolean fresh, int regions, int nodesDrawn) {
        public static final FrameReport NONE = new FrameReport(false, 0, 0);
    }

    public CanvasView() {
        getStyleClass().add("canvas-view");
        getChildren().addAll(scene.nodes());
        setClip(viewClip);
        setFocusTraversable(true);
        setMinSize(100, 100);
        viewport.addListener(this::requestRedraw);
        widthProperty().addListener((o, a, b) -> requestRedraw());
        heightProperty().addListener((o, a, b) -> requestRedraw());
        RenderScaleWatch.install(this, this::renderScaleChanged);
        new CollaboratorTips(this);
    }

    /** The window's render scale (device pixels per canvas pixel) changed: draw everything at the new one. */
    private void renderScaleChanged(double scale) {
        viewport.setPixelScale(scale);
        invalidateScene();
    }

    /** The window's render scale this canvas draws for: 2 on a HiDPI screen. */
    public double renderScale() {
        return viewport.pixelScale();
    }

    /** Pixels per logical pixel of the canvases that hold the drawing (tests check HiDPI with it). */
    public double backingScale() {
        return scene.backing();
    }

    /** What the last frame painted. */
    public FrameReport lastFrame() {
        return lastFrame;
    }

    /** Paints every node afresh in the next frame (after anything that changes how all of them look). */
    public void invalidateScene() {
        sceneStale = true;
        requestRedraw();
    }

    /** Paints these nodes again in the next frame (after something about them changed outside the model). */
    public void repaintNodes(java.util.Collection<String> ids) {
        if (model != null && !sceneStale) {
            bounds.update(model, ids, false, damage);
        }
        requestRedraw();
    }

    /** The model changed these nodes: repaint where they were and where they are. */
    private void nodesChanged(Set<String> ids, boolean structure) {
        if (model != null && !sceneStale) {
            if (!java.util.Objects.equals(shownPage, model.page())) {
                sceneStale = true;
            } else {
                bounds.update(model, ids, structure, damage);
            }
        }
        if (structure) {
            topFrames = null;
        }
        requestRedraw();
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
        bounds.clear();
        damage.clear();
        invalidateScene();
    }

    /** Where image nodes' pictures come from (null: none, placeholders only); everything is painted again. */
    public void setImages(ImageSource source) {
        images = source == null ? ImageSource.NONE : source;
        invalidateScene();
    }

    /** The pictures the canvas draws image nodes with. */
    public ImageSource images() {
        return images;
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

    /**
     * What the tooltip of another member's cursor or lock badge at this canvas point says: who they are
     * ({@link Collaborators.Peer#label()}: their chosen name, marked unverified, and the start of their ID),
     * and for a badge that they are editing the layer. Null where there is neither.
     */
    public String collaboratorTipAt(double x, double y) {
        double zx = x - viewport.offsetX();
        double zy = y - viewport.offsetY();
        for (int i = peerSpots.size() - 1; i >= 0; i--) {
            PeerSpot s = peerSpots.get(i);
            if (zx >= s.x0() && zx <= s.x1() && zy >= s.y0() && zy <= s.y1()) {
                Collaborators.Peer p = collaborators == null ? null : collaborators.peer(s.identity());
                String who = p != null ? p.label() : "ID " + DisplayNames.shortId(s.identity());
                return s.badge() ? who + "\nEditing this layer" : who;
            }
        }
        return null;
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
        if (!c.equals(background)) {
            background = c;
            invalidateScene();
        }
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
        String was = editingId;
        editingId = node == null ? null : nodeId;
        if (!java.util.Objects.equals(was, editingId)) {
            List<String> ids = new ArrayList<>();
            if (was != null) {
                ids.add(was);
            }
            if (editingId != null) {
                ids.add(editingId);
            }
            repaintNodes(ids);
        }
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
        viewClip.setWidth(getWidth());
        viewClip.setHeight(getHeight());
        if (!scene.fits(getWidth(), getHeight())) {
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
        double w = getWidth();
        double h = getHeight();
        double backing = CrispCanvas.backingFor(viewport.pixelScale());
        if (model != null && (sceneStale || !java.util.Objects.equals(shownPage, model.page()))) {
            shownPage = model.page();
            bounds.rebuild(model);
            topFrames = null;
            sceneStale = true;
        }
        if (model != null) {
            listMarks();
        } else {
            overlay = CollaboratorOverlay.EMPTY;
            peerSpots = List.of();
        }
        List<double[]> markDamage = marks.commit();
        if (sceneStale) {
            scene.invalidate();
            damage.clear();
        }
        SceneTiles.Work work = scene.update(w, h, viewport.pixelScale(), backing, viewport, damage, markDamage,
                background, model == null ? SceneTiles.Painter.NOTHING : scenePainter);
        sceneStale = false;
        damage.clear();
        lastFrame = new FrameReport(work.fresh(), work.regions(), work.nodes());
    }

    /** Paints the nodes, then the overlay's marks, that meet a rectangle of a tile. */
    private final SceneTiles.Painter scenePainter = new SceneTiles.Painter() {
        @Override
        public int paint(GraphicsContext g, double minX, double minY, double maxX, double maxY, double scale) {
            return bounds.nodesMeeting(minX, minY, maxX, maxY, (n, x, y) -> {
                if (!n.id().equals(editingId)) {
                    NodeRenderer.draw(g, n, x, y, scale, images);
                }
            });
        }

        @Override
        public void paintMarks(GraphicsContext g, double x0, double y0, double x1, double y1) {
            marks.paint(g, x0, y0, x1, y1);
        }
    };

    /** The page's top-level frames (their names are drawn above them), found again after structure changes. */
    private List<String> topFrames() {
        if (topFrames == null) {
            List<String> ids = new ArrayList<>();
            for (NodeView n : model.children(null)) {
                if ("frame".equals(n.kind())) {
                    ids.add(n.id());
                }
            }
            topFrames = ids;
        }
        return topFrames;
    }

    /** A page point in zoom space (page coordinates times the zoom), where the overlay's marks live. */
    private Point2D zoomed(double wx, double wy) {
        return new Point2D(wx * viewport.zoom(), wy * viewport.zoom());
    }

    /** Lists this frame's overlay marks: frame names, other members, then this member's own editing. */
    private void listMarks() {
        frameLabelMarks();
        collaboratorMarks();
        editingMarks();
    }

    private void frameLabelMarks() {
        for (String id : topFrames()) {
            NodeView n = model.node(id);
            if (n == null || n.parent() != null || !n.visible() || !java.util.Objects.equals(n.page(), model.page())) {
                continue;
            }
            double x = n.x() * viewport.zoom();
            double y = n.y() * viewport.zoom() - 3;
            String name = n.name();
            double tw = OverlayMarks.textWidth(LABEL_FONT, name);
            marks.add(List.of("frame-label", id, name, x, y), x - 1, y - 16, x + tw + 2, y + 2, g -> {
                g.setFont(LABEL_FONT);
                g.setTextBaseline(VPos.BOTTOM);
                g.setTextAlign(TextAlignment.LEFT);
                g.setFill(LABEL);
                g.fillText(name, x, y);
            });
        }
    }

    private static final Font LABEL_FONT = Font.font("System", 11);
    private static final Color LABEL = Color.web("#888888");
    private static final Font BADGE_FONT = Font.font("System", javafx.scene.text.FontWeight.BOLD, 9);
    private static final Font NAME_FONT = Font.font("System", javafx.scene.text.FontWeight.SEMI_BOLD, 11);

    /** Other members' selections, lock badges and cursors; records what it drew. */
    private void collaboratorMarks() {
        if (collaborators == null) {
            overlay = CollaboratorOverlay.EMPTY;
            peerSpots = List.of();
            return;
        }
        String self = collaborators.selfIdentity();
        List<PeerSpot> spots = new ArrayList<>();
        List<SelectionMark> selections = new ArrayList<>();
        List<LockBadge> badges = new ArrayList<>();
        List<CursorMark> cursors = new ArrayList<>();
        List<Collaborators.Peer> others = collaborators.others();
        for (Collaborators.Peer p : others) {
            Color c = color(p.color());
            for (String id : p.selection()) {
                NodeView n = model.node(id);
                if (n == null || !java.util.Objects.equals(n.page(), model.page())) {
                    continue;
                }
                selections.add(new SelectionMark(p.identity(), id, p.color()));
                outlineMark("peer-selection", p.color(), n, 2, 1.5, g -> g.setStroke(c));
            }
        }
        for (NodeView n : model.drawOrder()) {
            String holder = n.lockedBy();
            if (holder == null || holder.equals(self)) {
                continue;
            }
            Collaborators.Peer p = collaborators.peer(holder);
            String initials = p != null ? p.initials() : Collaborators.initials(holder);
            String colorName = p != null ? p.color() : "#808080";
            badges.add(new LockBadge(n.id(), holder, initials, colorName));
            Point2D a = zoomed(model.worldX(n) + n.w(), model.worldY(n));
            double bw = Math.max(Math.max(18, initials.length() * 7 + 8), OverlayMarks.textWidth(BADGE_FONT, initials) + 6);
            double bx = a.getX() - bw / 2;
            double by = a.getY() - 9;
            spots.add(new PeerSpot(bx, by, bx + bw, by + 16, holder, true));
            Color fill = color(colorName);
            marks.add(List.of("badge", n.id(), initials, colorName, bx, by, bw), bx - 1, by - 1, bx + bw + 1, by + 17, g -> {
                g.setFill(fill);
                g.fillRoundRect(bx, by, bw, 16, 8, 8);
                g.setStroke(Color.WHITE);
                g.setLineWidth(1.5);
                g.strokeRoundRect(bx, by, bw, 16, 8, 8);
                g.setFill(Color.WHITE);
                g.setFont(BADGE_FONT);
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(initials, bx + bw / 2, by + 8);
            });
        }
        for (Collaborators.Peer p : others) {
            double[] m = cursorMotion.get(p.identity());
            if (m == null || p.cursorPage() != null && model.page() != null && !p.cursorPage().equals(model.page())) {
                continue;
            }
            cursors.add(new CursorMark(p.identity(), p.name(), p.color(), m[0], m[1]));
            Point2D s = zoomed(m[0], m[1]);
            double x = s.getX();
            double y = s.getY();
            Color c = color(p.color());
            String label = p.displayName();
            double tw = Math.max(label.length() * 6.6 + 12, OverlayMarks.textWidth(NAME_FONT, label) + 8);
            spots.add(new PeerSpot(x, y, x + 10 + tw, y + 35, p.identity(), false));
            marks.add(List.of("cursor", p.identity(), p.color(), label, x, y), x - 2, y - 2, x + 10 + tw + 2, y + 36, g -> {
                g.setFill(c);
                g.setStroke(Color.WHITE);
                g.setLineWidth(1.2);
                double[] xs = {x, x, x + 4.5, x + 7.5, x + 9.5, x + 6.5, x + 11.5};
                double[] ys = {y, y + 16, y + 12, y + 18.5, y + 17.5, y + 11, y + 11};
                g.fillPolygon(xs, ys, xs.length);
                g.strokePolygon(xs, ys, xs.length);
                g.setFill(c);
                g.fillRoundRect(x + 10, y + 17, tw, 18, 6, 6);
                g.setFill(readableOn(c));
                g.setFont(NAME_FONT);
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(label, x + 16, y + 26);
            });
        }
        overlay = new CollaboratorOverlay(List.copyOf(cursors), List.copyOf(selections), List.copyOf(badges));
        peerSpots = spots;
    }

    /** Turns the drawing about the centre of a node's zoomed box by the node's rotation. */
    private static void rotateAbout(GraphicsContext g, NodeView n, Point2D a, double w, double h) {
        if (n.rotation() != 0) {
            g.translate(a.getX() + w / 2, a.getY() + h / 2);
            g.rotate(n.rotation());
            g.translate(-(a.getX() + w / 2), -(a.getY() + h / 2));
        }
    }

    /**
     * A mark outlining a node (turned with it), {@code pad} outside its box; {@code style} sets the stroke;
     * {@code reach}: how far the mark's drawing goes beyond the outline (half the line, handles).
     */
    private void outlineMark(String kind, Object style, NodeView n, double pad, double reach,
            Consumer<GraphicsContext> setUp) {
        outlineMark(kind, style, n, pad, reach, setUp, null);
    }

    private void outlineMark(String kind, Object style, NodeView n, double pad, double reach,
            Consumer<GraphicsContext> setUp, Consumer<GraphicsContext> extra) {
        Point2D a = zoomed(model.worldX(n), model.worldY(n));
        double w = n.w() * viewport.zoom();
        double h = n.h() * viewport.zoom();
        double[] box = turnedBox(a.getX() - pad, a.getY() - pad, w + 2 * pad, h + 2 * pad, n.rotation(), reach + 1);
        marks.add(List.of(kind, style, n.id(), a.getX(), a.getY(), w, h, n.rotation(), pad), box[0], box[1], box[2],
                box[3], g -> {
                    rotateAbout(g, n, a, w, h);
                    setUp.accept(g);
                    g.strokeRect(a.getX() - pad, a.getY() - pad, w + 2 * pad, h + 2 * pad);
                    if (extra != null) {
                        extra.accept(g);
                    }
                });
    }

    /** The axis-aligned box of a rectangle turned about its centre, grown by {@code grow}. */
    static double[] turnedBox(double x, double y, double w, double h, double degrees, double grow) {
        double cx = x + w / 2;
        double cy = y + h / 2;
        double r = Math.toRadians(degrees);
        double ex = Math.abs(w / 2 * Math.cos(r)) + Math.abs(h / 2 * Math.sin(r)) + grow;
        double ey = Math.abs(w / 2 * Math.sin(r)) + Math.abs(h / 2 * Math.cos(r)) + grow;
        return new double[] {cx - ex, cy - ey, cx + ex, cy + ey};
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
        paintNodes(g, model, zoom, ox, oy, visible, frameLabels, ImageSource.NONE);
    }

    /** As {@link #paintNodes(GraphicsContext, DocumentModel, double, double, double, Bounds, boolean)}, with pictures. */
    public static void paintNodes(GraphicsContext g, DocumentModel model, double zoom, double ox, double oy,
            Bounds visible, boolean frameLabels, ImageSource images) {
        g.setTransform(zoom, 0, 0, zoom, ox, oy);
        List<NodeView> order = model.drawOrder();
        for (NodeView n : order) {
            if (model.hiddenOnCanvas(n)) {
                continue;
            }
            double x = model.worldX(n);
            double y = model.worldY(n);
            if (visible != null && !meets(n, x, y, visible)) {
                continue;
            }
            NodeRenderer.draw(g, n, x, y, 0, images);
        }
        g.setTransform(1, 0, 0, 1, 0, 0);
        if (frameLabels) {
            paintFrameLabels(g, model.children(null), zoom, ox, oy);
        }
    }

    /** Frame names above top-level frames, in screen pixels (on top of {@code g}'s own transform). */
    private static void paintFrameLabels(GraphicsContext g, List<NodeView> topLevel, double zoom, double ox, double oy) {
        g.setFont(Font.font("System", 11));
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Color.web("#888888"));
        for (NodeView n : topLevel) {
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

    /**
     * This member's selection (with handles when one node is, in an editable document), the creation preview,
     * guides and marquee.
     */
    private void editingMarks() {
        Set<String> selected = model.selection().ids();
        for (String id : selected) {
            NodeView n = model.node(id);
            if (n == null) {
                continue;
            }
            boolean handles = selected.size() == 1 && model.editable();
            Point2D a = zoomed(model.worldX(n), model.worldY(n));
            double w = n.w() * viewport.zoom();
            double h = n.h() * viewport.zoom();
            outlineMark(handles ? "selection-handles" : "selection", "", n, 0, handles ? HANDLE / 2 + 1 : 1,
                    g -> {
                        g.setStroke(SELECTION);
                        g.setLineWidth(1.5);
                    }, !handles ? null : g -> {
                        g.setFill(Color.WHITE);
                        for (double[] c : new double[][] {{0, 0}, {w, 0}, {0, h}, {w, h}}) {
                            double hx = a.getX() + c[0] - HANDLE / 2;
                            double hy = a.getY() + c[1] - HANDLE / 2;
                            g.fillRect(hx, hy, HANDLE, HANDLE);
                            g.strokeRect(hx, hy, HANDLE, HANDLE);
                        }
                    });
        }
        if (preview != null) {
            Point2D a = zoomed(preview.getMinX(), preview.getMinY());
            double w = preview.getWidth() * viewport.zoom();
            double h = preview.getHeight() * viewport.zoom();
            String kind = previewKind;
            marks.add(List.of("preview", String.valueOf(kind), a.getX(), a.getY(), w, h), a.getX() - 2, a.getY() - 2,
                    a.getX() + w + 2, a.getY() + h + 2, g -> {
                        g.setStroke(SELECTION);
                        g.setLineWidth(1);
                        if ("ellipse".equals(kind)) {
                            g.strokeOval(a.getX(), a.getY(), w, h);
                        } else if ("line".equals(kind)) {
                            g.strokeLine(a.getX(), a.getY(), a.getX() + w, a.getY() + h);
                        } else {
                            g.strokeRect(a.getX(), a.getY(), w, h);
                        }
                    });
        }
        for (SnapIndex.Guide gd : guides) {
            Point2D a = gd.vertical() ? zoomed(gd.at(), gd.from()) : zoomed(gd.from(), gd.at());
            Point2D b = gd.vertical() ? zoomed(gd.at(), gd.to()) : zoomed(gd.to(), gd.at());
            // On the pixel grid of the screen: zoom space and the screen differ by whole pixels.
            double ax = Math.round(a.getX()) + 0.5;
            double ay = Math.round(a.getY()) + 0.5;
            double bx = Math.round(b.getX()) + 0.5;
            double by = Math.round(b.getY()) + 0.5;
            double ex = gd.vertical() ? ax : bx;
            double ey = gd.vertical() ? by : ay;
            marks.add(List.of("guide", ax, ay, ex, ey), ax - 2, ay - 2, ex + 2, ey + 2, g -> {
                g.setStroke(GUIDE);
                g.setLineWidth(1);
                g.strokeLine(ax, ay, ex, ey);
            });
        }
        if (marquee != null) {
            Point2D a = zoomed(marquee.getMinX(), marquee.getMinY());
            double w = marquee.getWidth() * viewport.zoom();
            double h = marquee.getHeight() * viewport.zoom();
            marks.add(List.of("marquee", a.getX(), a.getY(), w, h), a.getX() - 2, a.getY() - 2, a.getX() + w + 2,
                    a.getY() + h + 2, g -> {
                        g.setFill(SELECTION.deriveColor(0, 1, 1, 0.12));
                        g.fillRect(a.getX(), a.getY(), w, h);
                        g.setStroke(SELECTION);
                        g.setLineWidth(1);
                        g.strokeRect(a.getX(), a.getY(), w, h);
                    });
        }
    }

    // ---- hit testing -----------------------------------------------------------------------------------

    /**
     * The resize handle under a screen point of the single selected (unrotated) node: 0 top left, 1 top
     * right, 2 bottom left, 3 bottom right; -1 for none (always, when the document is not editable).
     */
    public int handleAt(double sx, double sy) {
        if (model == null || !model.editable()) {
            return -1;
        }
        String id = model.selection().single();
        NodeView n = id == null ? null : model.node(id);
        if (n == null || n.rotation() != 0 || model.lockedOnCanvas(n)) {
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

    /** How far (screen pixels) beyond a corner of the selection box its rotate zone reaches. */
    public static final double ROTATE_REACH = 18;

    /**
     * The rotate zone under a screen point, just outside a corner of the single selected node's box (turned
     * with the node), beyond that corner's resize handle: 0 top left, 1 top right, 2 bottom left, 3 bottom
     * right; -1 for none. Groups (which draw nothing of their own), layer-locked nodes and the nodes of a
     * document that is not editable have none.
     */
    public int rotateHandleAt(double sx, double sy) {
        if (model == null || !model.editable()) {
            return -1;
        }
        String id = model.selection().single();
        NodeView n = id == null ? null : model.node(id);
        if (n == null || "group".equals(n.kind()) || model.lockedOnCanvas(n)) {
            return -1;
        }
        Point2D a = viewport.toScreen(model.worldX(n), model.worldY(n));
        double w = n.w() * viewport.zoom();
        double h = n.h() * viewport.zoom();
        // The point in the node's own (unturned) frame, relative to its top left corner, in screen pixels.
        double cx = a.getX() + w / 2;
        double cy = a.getY() + h / 2;
        double r = Math.toRadians(-n.rotation());
        double dx = sx - cx;
        double dy = sy - cy;
        double lx = dx * Math.cos(r) - dy * Math.sin(r) + w / 2;
        double ly = dx * Math.sin(r) + dy * Math.cos(r) + h / 2;
        if (lx >= 0 && lx <= w && ly >= 0 && ly <= h) {
            return -1;
        }
        double[][] corners = {{0, 0}, {w, 0}, {0, h}, {w, h}};
        for (int i = 0; i < corners.length; i++) {
            double ex = lx - corners[i][0];
            double ey = ly - corners[i][1];
            boolean onHandle = Math.abs(ex) <= HANDLE && Math.abs(ey) <= HANDLE && handleAt(sx, sy) >= 0;
            if (Math.abs(ex) <= ROTATE_REACH && Math.abs(ey) <= ROTATE_REACH && !onHandle) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The node a click at this page point selects: the topmost node under it, or the outermost group that
     * holds that node (a group is picked as a whole). Null when nothing is there. Hidden and layer-locked
     * nodes are passed over, so a click goes through them to what is below.
     */
    public NodeView nodeAt(double wx, double wy) {
        if (model == null) {
            return null;
        }
        List<NodeView> order = model.drawOrder();
        for (int i = order.size() - 1; i >= 0; i--) {
            NodeView n = order.get(i);
            if (pickable(n) && contains(n, wx, wy)) {
                return outermostGroup(n);
            }
        }
        return null;
    }

    /** The topmost visible, unlocked node under this page point itself (inside groups too), or null. */
    public NodeView deepestNodeAt(double wx, double wy) {
        if (model == null) {
            return null;
        }
        List<NodeView> order = model.drawOrder();
        for (int i = order.size() - 1; i >= 0; i--) {
            NodeView n = order.get(i);
            if (pickable(n) && !"group".equals(n.kind()) && contains(n, wx, wy)) {
                return n;
            }
        }
        return null;
    }

    /** Whether a click or a marquee on the canvas may select the node (not hidden, not layer-locked). */
    public boolean pickable(NodeView n) {
        return model.pickableOnCanvas(n);
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
        return bounds(pageBox(model, model.drawOrder()));
    }

    /**
     * The page-space box around these nodes, ignoring rotation, as {minX, minY, maxX, maxY} (the form
     * {@link SnapIndex} takes), or null for none. Zoom to fit, zoom to selection and the snapping of a moving
     * selection all frame nodes this one way.
     */
    public static double[] pageBox(DocumentModel model, Iterable<NodeView> nodes) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (NodeView n : nodes) {
            double x = model.worldX(n);
            double y = model.worldY(n);
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x + n.w());
            maxY = Math.max(maxY, y + n.h());
        }
        return minX > maxX ? null : new double[] {minX, minY, maxX, maxY};
    }

    /** A {@link #pageBox} as bounds (null stays null). */
    public static Bounds bounds(double[] box) {
        return box == null ? null : new BoundingBox(box[0], box[1], box[2] - box[0], box[3] - box[1]);
    }
}
