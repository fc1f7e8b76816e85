package dev.easel.app.canvas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The edges and centres of the boxes a dragged selection may snap to, sorted per axis so that a lookup is a
 * binary search (a drag over thousands of nodes stays cheap). Built once at the start of a drag from the
 * other visible nodes; all in page coordinates.
 */
public final class SnapIndex {
    /** A guide line to draw: vertical at x = {@code at} (or horizontal at y = {@code at}) from {@code from} to {@code to}. */
    public record Guide(boolean vertical, double at, double from, double to) {
    }

    /** How far to shift the dragged box, and the guides that show why. */
    public record Snap(double dx, double dy, List<Guide> guides) {
        public static final Snap NONE = new Snap(0, 0, List.of());
    }

    /** One axis: values sorted, each with the extent of its box along the other axis. */
    private static final class Axis {
        final double[] at;
        final double[] from;
        final double[] to;

        Axis(List<double[]> entries) {
            entries.sort((a, b) -> Double.compare(a[0], b[0]));
            at = new double[entries.size()];
            from = new double[entries.size()];
            to = new double[entries.size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = entries.get(i)[0];
                from[i] = entries.get(i)[1];
                to[i] = entries.get(i)[2];
            }
        }

        /** The entry value nearest to v, or NaN when none is within tolerance. */
        double nearest(double v, double tolerance) {
            int i = Arrays.binarySearch(at, v);
            if (i >= 0) {
                return at[i];
            }
            int ins = -i - 1;
            double best = Double.NaN;
            double bestD = tolerance;
            for (int k = ins - 1; k <= ins; k++) {
                if (k >= 0 && k < at.length && Math.abs(at[k] - v) <= bestD) {
                    bestD = Math.abs(at[k] - v);
                    best = at[k];
                }
            }
            return best;
        }

        /** The span along the other axis of all entries at exactly {@code v}, merged with [lo, hi]. */
        double[] span(double v, double lo, double hi) {
            int i = Arrays.binarySearch(at, v);
            if (i < 0) {
                return new double[] {lo, hi};
            }
            while (i > 0 && at[i - 1] == v) {
                i--;
            }
            for (; i < at.length && at[i] == v; i++) {
                lo = Math.min(lo, from[i]);
                hi = Math.max(hi, to[i]);
            }
            return new double[] {lo, hi};
        }
    }

    private final Axis xs;
    private final Axis ys;
    private final int boxes;

    private SnapIndex(Axis xs, Axis ys, int boxes) {
        this.xs = xs;
        this.ys = ys;
        this.boxes = boxes;
    }

    /** An index over boxes given as {minX, minY, maxX, maxY}: their left, centre and right x, top, middle and bottom y. */
    public static SnapIndex of(List<double[]> boxes) {
        List<double[]> x = new ArrayList<>(boxes.size() * 3);
        List<double[]> y = new ArrayList<>(boxes.size() * 3);
        for (double[] b : boxes) {
            double cx = (b[0] + b[2]) / 2;
            double cy = (b[1] + b[3]) / 2;
            for (double v : new double[] {b[0], cx, b[2]}) {
                x.add(new double[] {v, b[1], b[3]});
            }
            for (double v : new double[] {b[1], cy, b[3]}) {
                y.add(new double[] {v, b[0], b[2]});
            }
        }
        return new SnapIndex(new Axis(x), new Axis(y), boxes.size());
    }

    public int size() {
        return boxes;
    }

    /**
     * Where a box {minX, minY, maxX, maxY} should move so that one of its edges or its centre meets another
     * box's edge or centre, on each axis independently, if one is within {@code tolerance}. {@code snapX} and
     * {@code snapY} say which axes may snap (a shift-constrained drag keeps one axis still).
     */
    public Snap snap(double minX, double minY, double maxX, double maxY, double tolerance, boolean snapX,
            boolean snapY) {
        double dx = snapX ? best(xs, new double[] {minX, (minX + maxX) / 2, maxX}, tolerance) : Double.NaN;
        double dy = snapY ? best(ys, new double[] {minY, (minY + maxY) / 2, maxY}, tolerance) : Double.NaN;
        if (Double.isNaN(dx) && Double.isNaN(dy)) {
            return Snap.NONE;
        }
        double sx = Double.isNaN(dx) ? 0 : dx;
        double sy = Double.isNaN(dy) ? 0 : dy;
        double aMinX = minX + sx;
        double aMaxX = maxX + sx;
        double aMinY = minY + sy;
        double aMaxY = maxY + sy;
        List<Guide> guides = new ArrayList<>();
        if (!Double.isNaN(dx)) {
            for (double v : new double[] {aMinX, (aMinX + aMaxX) / 2, aMaxX}) {
                double hit = xs.nearest(v, 1e-6);
                if (!Double.isNaN(hit)) {
                    double[] s = xs.span(hit, aMinY, aMaxY);
                    guides.add(new Guide(true, hit, s[0], s[1]));
                }
            }
        }
        if (!Double.isNaN(dy)) {
            for (double v : new double[] {aMinY, (aMinY + aMaxY) / 2, aMaxY}) {
                double hit = ys.nearest(v, 1e-6);
                if (!Double.isNaN(hit)) {
                    double[] s = ys.span(hit, aMinX, aMaxX);
                    guides.add(new Guide(false, hit, s[0], s[1]));
                }
            }
        }
        return new Snap(sx, sy, List.copyOf(guides));
    }

    /** The smallest shift bringing one of the candidates onto an entry within tolerance, or NaN. */
    private static double best(Axis axis, double[] candidates, double tolerance) {
        double best = Double.NaN;
        for (double c : candidates) {
            double hit = axis.nearest(c, tolerance);
            if (!Double.isNaN(hit) && (Double.isNaN(best) || Math.abs(hit - c) < Math.abs(best))) {
                best = hit - c;
            }
        }
        return best;
    }
}
