package dev.easel.app.panels;

import javafx.css.PseudoClass;
import javafx.scene.Node;

/** A row's drop indicator: at most one zone at a time, shown as a pseudo-class the stylesheets draw. */
final class DropZoneMark {
    private final Node row;
    private DropZone shown;

    DropZoneMark(Node row) {
        this.row = row;
    }

    /** Shows {@code zone} on the row (null removes the indicator). */
    void show(DropZone zone) {
        if (zone == shown) {
            return;
        }
        if (shown != null) {
            row.pseudoClassStateChanged(PseudoClass.getPseudoClass(shown.pseudoClass()), false);
        }
        shown = zone;
        if (zone != null) {
            row.pseudoClassStateChanged(PseudoClass.getPseudoClass(zone.pseudoClass()), true);
        }
    }
}
