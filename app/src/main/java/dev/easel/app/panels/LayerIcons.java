package dev.easel.app.panels;

import javafx.scene.shape.SVGPath;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * The small outline icons of the layers and pages panels, drawn in 12 px with the panels' muted text
 * colour (CSS class {@code layer-glyph}): one per node kind, and the eye and lock of the row toggles.
 */
final class LayerIcons {
    private LayerIcons() {
    }

    static SVGPath kind(String kind) {
        return icon(switch (kind == null ? "" : kind) {
            case "frame" -> "M3.5 1 L3.5 11 M8.5 1 L8.5 11 M1 3.5 L11 3.5 M1 8.5 L11 8.5";
            case "rect" -> "M1.5 2.5 L10.5 2.5 L10.5 9.5 L1.5 9.5 Z";
            case "ellipse" -> "M6 1.5 A4.5 4.5 0 1 1 5.99 1.5 Z";
            case "line" -> "M1.5 10.5 L10.5 1.5";
            case "text" -> "M1.5 1.5 L10.5 1.5 M6 1.5 L6 10.5 M4 10.5 L8 10.5";
            case "image" -> "M1.5 1.5 L10.5 1.5 L10.5 10.5 L1.5 10.5 Z M1.5 8.5 L4.5 5.5 L7 8 L8.5 6.5 L10.5 8.5";
            case "group" -> "M1.5 1.5 L4 1.5 M8 1.5 L10.5 1.5 L10.5 4 M10.5 8 L10.5 10.5 L8 10.5 M4 10.5 L1.5 10.5 "
                    + "L1.5 8 M1.5 4 L1.5 1.5";
            default -> "M2 2 L10 10 M10 2 L2 10";
        }, "layer-kind-icon");
    }

    /** An open eye (the node is shown) or a struck-through one (hidden). */
    static SVGPath eye(boolean hidden) {
        String eye = "M0.5 6 Q6 -0.5 11.5 6 Q6 12.5 0.5 6 Z M6 4.2 A1.8 1.8 0 1 1 5.99 4.2 Z";
        return icon(hidden ? eye + " M1.5 10.5 L10.5 1.5" : eye, "layer-eye-icon");
    }

    /** A closed padlock (locked) or an open one. */
    static SVGPath lock(boolean locked) {
        String body = "M2 5.5 L10 5.5 L10 11 L2 11 Z";
        return icon(locked ? body + " M3.8 5.5 L3.8 3.5 A2.2 2.2 0 0 1 8.2 3.5 L8.2 5.5"
                : body + " M8.2 5.5 L8.2 2.8 A2.2 2.2 0 0 1 12.6 2.8", "layer-lock-icon");
    }

    private static SVGPath icon(String content, String styleClass) {
        SVGPath p = new SVGPath();
        p.setContent(content);
        p.getStyleClass().addAll("layer-glyph", styleClass);
        p.setFill(null);
        p.setStroke(javafx.scene.paint.Color.web("#7a7a7a"));
        p.setStrokeWidth(1.1);
        p.setStrokeLineJoin(StrokeLineJoin.ROUND);
        p.setStrokeLineCap(StrokeLineCap.ROUND);
        return p;
    }
}
