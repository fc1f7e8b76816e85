package dev.easel.host.canvas;

import dev.easel.engine.table.Row;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The colours members get for their cursors, selections and badges: twelve hues far apart from each other
 * and readable on light and dark canvases. A newcomer gets the colour fewest members have.
 */
public final class Palette {
    public static final List<String> COLORS = List.of(
            "#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4",
            "#f032e6", "#9a6324", "#469990", "#808000", "#000075", "#bfef45");

    private Palette() {
    }

    /** The first colour of the palette used by the fewest of these member rows. */
    static String leastUsed(List<Row> members, int colorColumn) {
        Map<String, Integer> uses = new HashMap<>();
        for (Row m : members) {
            uses.merge((String) m.get(colorColumn), 1, Integer::sum);
        }
        String best = COLORS.get(0);
        for (String c : COLORS) {
            if (uses.getOrDefault(c, 0) < uses.getOrDefault(best, 0)) {
                best = c;
            }
        }
        return best;
    }
}
