package dev.easel.app.panels;

/**
 * Where a dragged row would land on the row under the pointer: just above it, into it (frames and groups
 * only) or just below it.
 */
public enum DropZone {
    ABOVE, INTO, BELOW;

    /**
     * The zone at {@code fraction} of the row's height (0 at its top): halves for plain rows; for rows that
     * can take children, a quarter at each edge and the middle for dropping into.
     */
    static DropZone at(double fraction, boolean canTakeChildren) {
        if (!canTakeChildren) {
            return fraction < 0.5 ? ABOVE : BELOW;
        }
        return fraction < 0.25 ? ABOVE : fraction > 0.75 ? BELOW : INTO;
    }

    /** The CSS pseudo-class that draws this zone's indicator on the row. */
    String pseudoClass() {
        return "drop-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
