package dev.easel.app.canvas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * What is drawn over the nodes at screen size (the selection and its handles, guides, the marquee, frame
 * names, other members' cursors, selections and badges), painted into the same kept drawing as the nodes
 * rather than on a canvas of its own, which would cost a blend of the whole view every frame. Each frame
 * lists its marks; a mark is known by its key (equal keys draw equal pixels), so the marks that came or went
 * are the places to repaint. Marks live in zoom space (page coordinates times the zoom), where a pan changes
 * nothing. Used on the JavaFX thread only.
 */
final class OverlayMarks {
    /** One mark: its key, the zoom-space box it may touch, and how to draw it (in zoom space). */
    record Mark(Object key, double x0, double y0, double x1, double y1, Consumer<GraphicsContext> paint) {
    }

    private List<Mark> shown = List.of();
    private List<Mark> next = new ArrayList<>();

    /** Adds a mark to the frame being listed, drawn after those added before it. */
    void add(Object key, double x0, double y0, double x1, double y1, Consumer<GraphicsContext> paint) {
        next.add(new Mark(key, Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1), paint));
    }

    /**
     * Makes the listed marks the ones shown, and returns the zoom-space boxes (x0, y0, x1, y1) of the marks
     * that went away or came, which must be repainted.
     */
    List<double[]> commit() {
        Set<Object> before = new HashSet<>();
        for (Mark m : shown) {
            before.add(m.key());
        }
        Set<Object> after = new HashSet<>();
        for (Mark m : next) {
            after.add(m.key());
        }
        List<double[]> damage = new ArrayList<>();
        for (Mark m : shown) {
            if (!after.contains(m.key())) {
                damage.add(new double[] {m.x0(), m.y0(), m.x1(), m.y1()});
            }
        }
        for (Mark m : next) {
            if (!before.contains(m.key())) {
                damage.add(new double[] {m.x0(), m.y0(), m.x1(), m.y1()});
            }
        }
        shown = next;
        next = new ArrayList<>();
        return damage;
    }

    /** Draws the shown marks that meet a zoom-space rectangle; {@code g}'s transform maps zoom space. */
    void paint(GraphicsContext g, double x0, double y0, double x1, double y1) {
        for (Mark m : shown) {
            if (m.x1() >= x0 && m.x0() <= x1 && m.y1() >= y0 && m.y0() <= y1) {
                g.save();
                m.paint().accept(g);
                g.restore();
            }
        }
    }

    private static final Map<String, Double> WIDTHS = new HashMap<>();
    private static final Text MEASURE = new Text();

    /** The width of a line of text in a font, for the box of a mark (cached). */
    static double textWidth(Font font, String s) {
        String k = font.getName() + '\u0000' + font.getSize() + '\u0000' + s;
        Double w = WIDTHS.get(k);
        if (w == null) {
            if (WIDTHS.size() > 2048) {
                WIDTHS.clear();
            }
            MEASURE.setFont(font);
            MEASURE.setText(s);
            w = MEASURE.getLayoutBounds().getWidth();
            WIDTHS.put(k, w);
        }
        return w;
    }
}
