package dev.easel.app.canvas;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The document's drawing, kept from frame to frame so that a frame paints only what changed or came into
 * view. Four canvases tile the page at the current zoom ("zoom space", page coordinates times the zoom)
 * periodically: tile (i, j) covers {@code [i W, (i+1) W) x [j H, (j+1) H)}, W x H being the view's size, and
 * lives in canvas (i mod 2, j mod 2). The view meets at most four tiles, one of each parity, so a pan only
 * moves the canvases (by whole device pixels: {@link Viewport} keeps its offset on them) and paints the strips
 * that come into view. Each canvas remembers the part of its tile that is painted and current; damage (the
 * places where nodes changed) is repainted inside those parts, clipped, over the background, with every node
 * that meets it in drawing order, then the marks drawn over them (selection, guides, other members: see
 * {@link OverlayMarks}). A zoom change, a resize or {@link #invalidate()} starts afresh.
 */
final class SceneTiles {
    /** Anti-aliasing reaches this far (logical pixels) beyond a node's box. */
    private static final double AA = 2;
    /** More damage than this share of the view is painted as a fresh frame. */
    private static final double MOSTLY = 0.6;

    /**
     * Paints, in drawing order, the nodes that meet a page rectangle onto {@code g} (its transform maps page
     * coordinates to the canvas), {@code scale} device pixels per page unit; returns how many it drew.
     */
    interface Painter {
        Painter NOTHING = (g, minX, minY, maxX, maxY, scale) -> 0;

        int paint(GraphicsContext g, double minX, double minY, double maxX, double maxY, double scale);

        /**
         * Paints, over the nodes, what is drawn at screen size and meets a zoom-space rectangle ({@code g}'s
         * transform maps zoom space to the canvas).
         */
        default void paintMarks(GraphicsContext g, double x0, double y0, double x1, double y1) {
        }
    }

    /** What one {@link #update} painted: afresh or not, how many rectangles, how many nodes. */
    record Work(boolean fresh, int regions, int nodes) {
    }

    private static final class Slot {
        final CrispCanvas canvas = new CrispCanvas();
        boolean holds;
        long i;
        long j;
        /** The part of the tile that is painted and current, in zoom space (x0, y0, x1, y1); null for none. */
        double[] valid;
    }

    private final Slot[] slots = new Slot[4];
    private double tileW;
    private double tileH;
    private double backing = 1;
    private double zoom = Double.NaN;
    private boolean stale = true;

    SceneTiles() {
        for (int k = 0; k < slots.length; k++) {
            slots[k] = new Slot();
            slots[k].canvas.setMouseTransparent(true);
        }
    }

    /** The canvases, to be placed in the scene graph (bottom of the view). */
    List<Node> nodes() {
        List<Node> out = new ArrayList<>();
        for (Slot s : slots) {
            out.add(s.canvas);
        }
        return out;
    }

    /** Whether the tiles are sized for a view of this size. */
    boolean fits(double viewW, double viewH) {
        return tileW == Math.max(1, Math.ceil(viewW)) && tileH == Math.max(1, Math.ceil(viewH));
    }

    /** The canvases' extra pixels per logical pixel (see {@link CrispCanvas}). */
    double backing() {
        return backing;
    }

    /** Makes the next update paint everything afresh. */
    void invalidate() {
        stale = true;
    }

    /**
     * Brings the tiles up to date for a view of {@code viewW} x {@code viewH} logical pixels: moves them with the
     * viewport, repaints {@code damage} (page rectangles: minX, minY, maxX, maxY) and {@code zoomDamage}
     * (zoom-space rectangles) where it is already painted, and paints what came into view. {@code pixelScale}: device pixels per logical pixel; {@code backingScale}:
     * the canvases' extra pixels (see {@link CrispCanvas}).
     */
    Work update(double viewW, double viewH, double pixelScale, double backingScale, Viewport viewport,
            List<double[]> damage, List<double[]> zoomDamage, Color background, Painter painter) {
        boolean fresh = stale;
        double tw = Math.max(1, Math.ceil(viewW));
        double th = Math.max(1, Math.ceil(viewH));
        if (tw != tileW || th != tileH || backingScale != backing) {
            tileW = tw;
            tileH = th;
            backing = backingScale;
            for (Slot s : slots) {
                s.canvas.resize(tw, th, backingScale);
            }
            fresh = true;
        }
        if (viewport.zoom() != zoom) {
            zoom = viewport.zoom();
            fresh = true;
        }
        double ox = viewport.offsetX();
        double oy = viewport.offsetY();
        double[] view = {-ox, -oy, -ox + viewW, -oy + viewH};
        List<double[]> dirty = fresh ? List.of() : toZoomSpace(damage, zoomDamage, view, pixelScale);
        if (!fresh && area(dirty) > MOSTLY * viewW * viewH) {
            fresh = true;
            dirty = List.of();
        }
        if (fresh) {
            for (Slot s : slots) {
                s.holds = false;
                s.valid = null;
            }
        }
        stale = false;
        long i0 = (long) Math.floor(view[0] / tw);
        long j0 = (long) Math.floor(view[1] / th);
        int regions = 0;
        int nodes = 0;
        Context c = new Context(pixelScale, background, painter);
        for (long j = j0; j <= j0 + 1; j++) {
            for (long i = i0; i <= i0 + 1; i++) {
                Slot s = slots[(int) (Math.floorMod(i, 2L) + 2 * Math.floorMod(j, 2L))];
                s.canvas.setLayoutX(i * tw + ox);
                s.canvas.setLayoutY(j * th + oy);
                if (!s.holds || s.i != i || s.j != j) {
                    s.holds = true;
                    s.i = i;
                    s.j = j;
                    s.valid = null;
                }
                if (s.valid != null) {
                    for (double[] d : dirty) {
                        double[] r = intersect(d, s.valid);
                        if (r != null) {
                            nodes += paint(s, r, true, c);
                            regions++;
                        }
                    }
                }
                double[] tile = {i * tw, j * th, (i + 1) * tw, (j + 1) * th};
                double[] need = intersect(view, tile);
                if (need == null) {
                    continue;
                }
                if (s.valid == null) {
                    nodes += paint(s, need, false, c);
                    regions++;
                    s.valid = need;
                } else if (!contains(s.valid, need)) {
                    for (double[] piece : subtract(need, s.valid)) {
                        nodes += paint(s, piece, true, c);
                        regions++;
                    }
                    s.valid = merge(s.valid, need);
                }
            }
        }
        return new Work(fresh, regions, nodes);
    }

    private record Context(double pixelScale, Color background, Painter painter) {
    }

    /**
     * Paints a zoom-space rectangle of a slot's tile over the background: clipped to it, or (a tile painted
     * afresh) unclipped, which may draw beyond the rectangle; that part is not counted as painted.
     */
    private int paint(Slot s, double[] r, boolean clip, Context c) {
        double tx = s.i * tileW;
        double ty = s.j * tileH;
        GraphicsContext g = s.canvas.begin();
        g.setFill(c.background());
        if (clip) {
            g.save();
            g.beginPath();
            g.rect(r[0] - tx, r[1] - ty, r[2] - r[0], r[3] - r[1]);
            g.clip();
        }
        g.fillRect(r[0] - tx, r[1] - ty, r[2] - r[0], r[3] - r[1]);
        g.setTransform(backing * zoom, 0, 0, backing * zoom, -backing * tx, -backing * ty);
        int drawn = c.painter().paint(g, (r[0] - AA) / zoom, (r[1] - AA) / zoom, (r[2] + AA) / zoom,
                (r[3] + AA) / zoom, zoom * c.pixelScale());
        g.setTransform(backing, 0, 0, backing, -backing * tx, -backing * ty);
        c.painter().paintMarks(g, r[0] - AA, r[1] - AA, r[2] + AA, r[3] + AA);
        if (clip) {
            g.restore();
        }
        return drawn;
    }

    /** Page rectangles as zoom-space ones inside the view, grown by the anti-aliasing, on whole device pixels. */
    private List<double[]> toZoomSpace(List<double[]> damage, List<double[]> zoomDamage, double[] view,
            double pixelScale) {
        List<double[]> out = new ArrayList<>();
        for (double[] d : damage) {
            addRounded(out, d[0] * zoom, d[1] * zoom, d[2] * zoom, d[3] * zoom, view, pixelScale);
        }
        for (double[] d : zoomDamage) {
            addRounded(out, d[0], d[1], d[2], d[3], view, pixelScale);
        }
        if (out.size() > 32) {
            // Many scattered changes: one pass over their bounding box costs less than many passes.
            double[] box = out.get(0).clone();
            for (double[] r : out) {
                box[0] = Math.min(box[0], r[0]);
                box[1] = Math.min(box[1], r[1]);
                box[2] = Math.max(box[2], r[2]);
                box[3] = Math.max(box[3], r[3]);
            }
            return List.of(box);
        }
        return out;
    }

    /** Adds a zoom-space rectangle grown by the anti-aliasing, on whole device pixels, if it meets the view. */
    private static void addRounded(List<double[]> out, double x0, double y0, double x1, double y1, double[] view,
            double pixelScale) {
        double[] r = intersect(new double[] {
            Math.floor((x0 - AA) * pixelScale) / pixelScale,
            Math.floor((y0 - AA) * pixelScale) / pixelScale,
            Math.ceil((x1 + AA) * pixelScale) / pixelScale,
            Math.ceil((y1 + AA) * pixelScale) / pixelScale}, view);
        if (r != null) {
            out.add(r);
        }
    }

    private static double area(List<double[]> rects) {
        double a = 0;
        for (double[] r : rects) {
            a += (r[2] - r[0]) * (r[3] - r[1]);
        }
        return a;
    }

    static double[] intersect(double[] a, double[] b) {
        double x0 = Math.max(a[0], b[0]);
        double y0 = Math.max(a[1], b[1]);
        double x1 = Math.min(a[2], b[2]);
        double y1 = Math.min(a[3], b[3]);
        return x0 < x1 && y0 < y1 ? new double[] {x0, y0, x1, y1} : null;
    }

    static boolean contains(double[] outer, double[] inner) {
        return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
    }

    /** {@code a} minus {@code b}: up to four rectangles (above, below, left, right of b). */
    static List<double[]> subtract(double[] a, double[] b) {
        List<double[]> out = new ArrayList<>(4);
        if (b[1] > a[1]) {
            add(out, a[0], a[1], a[2], Math.min(a[3], b[1]));
        }
        if (b[3] < a[3]) {
            add(out, a[0], Math.max(a[1], b[3]), a[2], a[3]);
        }
        double y0 = Math.max(a[1], b[1]);
        double y1 = Math.min(a[3], b[3]);
        if (y0 < y1) {
            if (b[0] > a[0]) {
                add(out, a[0], y0, Math.min(a[2], b[0]), y1);
            }
            if (b[2] < a[2]) {
                add(out, Math.max(a[0], b[2]), y0, a[2], y1);
            }
        }
        return out;
    }

    private static void add(List<double[]> out, double x0, double y0, double x1, double y1) {
        if (x0 < x1 && y0 < y1) {
            out.add(new double[] {x0, y0, x1, y1});
        }
    }

    /**
     * What is known painted after painting {@code need} next to {@code valid}: their union when that is a
     * rectangle, else {@code need} alone (the rest stays on the canvas but is painted again before it is shown).
     */
    static double[] merge(double[] valid, double[] need) {
        boolean sameRows = valid[1] == need[1] && valid[3] == need[3] && valid[0] <= need[2] && need[0] <= valid[2];
        boolean sameColumns = valid[0] == need[0] && valid[2] == need[2] && valid[1] <= need[3] && need[1] <= valid[3];
        if (sameRows || sameColumns || contains(need, valid)) {
            return new double[] {Math.min(valid[0], need[0]), Math.min(valid[1], need[1]),
                Math.max(valid[2], need[2]), Math.max(valid[3], need[3])};
        }
        return contains(valid, need) ? valid : need;
    }
}
