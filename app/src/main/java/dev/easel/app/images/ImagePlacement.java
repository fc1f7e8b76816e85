package dev.easel.app.images;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;

/**
 * Where new images go on the page: each at its natural size, scaled down (never up) to fit the visible area,
 * several side by side in a row, the row centred on a point. Sizes and positions are rounded to hundredths,
 * as the drawing tools round theirs.
 */
public final class ImagePlacement {
    /** Space between images placed side by side, in page units. */
    public static final double GAP = 20;
    /** How much of the visible area an image may fill. */
    static final double FILL = 0.9;

    private ImagePlacement() {
    }

    /**
     * Boxes, in page coordinates, for images of these natural sizes ({width, height} each) centred on
     * ({@code cx}, {@code cy}) and fitting in {@code visible} (null: no fitting).
     */
    public static List<Bounds> row(List<double[]> sizes, double cx, double cy, Bounds visible) {
        double maxW = visible == null ? Double.MAX_VALUE : visible.getWidth() * FILL;
        double maxH = visible == null ? Double.MAX_VALUE : visible.getHeight() * FILL;
        List<double[]> fitted = new ArrayList<>();
        double total = 0;
        for (double[] s : sizes) {
            double k = Math.min(1, Math.min(maxW / s[0], maxH / s[1]));
            fitted.add(new double[] {s[0] * k, s[1] * k});
            total += s[0] * k;
        }
        total += GAP * Math.max(0, sizes.size() - 1);
        // A row wider than the view shrinks as a whole, so every image of it is in sight.
        double shrink = total > maxW ? maxW / total : 1;
        double x = cx - total * shrink / 2;
        List<Bounds> out = new ArrayList<>();
        for (double[] f : fitted) {
            double w = round(Math.max(1, f[0] * shrink));
            double h = round(Math.max(1, f[1] * shrink));
            out.add(new BoundingBox(round(x), round(cy - h / 2), w, h));
            x += f[0] * shrink + GAP * shrink;
        }
        return out;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
