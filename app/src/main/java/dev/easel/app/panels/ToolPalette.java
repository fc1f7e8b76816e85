package dev.easel.app.panels;

import dev.easel.app.tool.Tool;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.SVGPath;

/**
 * The tool buttons, each showing its key; bound both ways to the current tool. The image tool's button runs
 * Place Image instead of becoming the current tool. In a viewer's window the tools that edit are disabled
 * and a {@link ViewOnlyBadge} follows the tools.
 */
public final class ToolPalette extends ToolBar {
    private Runnable onPlaceImage = () -> { };

    public ToolPalette(ObjectProperty<Tool> tool, ObservableBooleanValue viewOnly) {
        getStyleClass().add("tool-palette");
        ToggleGroup group = new ToggleGroup();
        for (Tool t : Tool.values()) {
            ToggleButton b = new ToggleButton();
            b.setGraphic(icon(t));
            b.setId("tool-" + t.name().toLowerCase(java.util.Locale.ROOT));
            b.getStyleClass().add("tool-button");
            b.setTooltip(new Tooltip(t.label() + "  (" + t.shortcutText() + ")"));
            b.setFocusTraversable(false);
            b.setMinSize(32, 28);
            b.setPrefSize(32, 28);
            if (t.edits()) {
                b.disableProperty().bind(viewOnly);
            }
            getItems().add(b);
            if (t.isAction()) {
                b.setOnAction(e -> {
                    b.setSelected(false);
                    onPlaceImage.run();
                });
                continue;
            }
            b.setUserData(t);
            b.setToggleGroup(group);
            b.setOnAction(e -> tool.set(t));
        }
        getItems().add(new ViewOnlyBadge(viewOnly));
        tool.addListener((o, a, now) -> select(group, now));
        select(group, tool.get());
        // A toggle group lets the current button be switched off; keep one on.
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true);
            }
        });
    }

    /** What the image tool's button does (Place Image). */
    public void setOnPlaceImage(Runnable action) {
        this.onPlaceImage = action;
    }

    private static void select(ToggleGroup group, Tool t) {
        group.getToggles().forEach(x -> x.setSelected(x.getUserData() == t));
    }

    /** The tool's icon: a 16 px outline drawn in the button's text colour, the same weight for every tool. */
    static SVGPath icon(Tool t) {
        SVGPath p = new SVGPath();
        p.setContent(switch (t) {
            case SELECT -> "M3 1 L3 14 L6.5 10.5 L9 16 L11 15 L8.5 9.5 L13 9.5 Z";
            case FRAME -> "M4 1 L4 15 M12 1 L12 15 M1 4 L15 4 M1 12 L15 12";
            case RECTANGLE -> "M2 3 L14 3 L14 13 L2 13 Z";
            case ELLIPSE -> "M8 2 A6 6 0 1 1 7.99 2 Z";
            case LINE -> "M2 14 L14 2";
            case TEXT -> "M2 2 L14 2 M8 2 L8 14 M5.5 14 L10.5 14";
            case IMAGE -> "M2 3 L14 3 L14 13 L2 13 Z M2 11 L6 7 L9 10 L11 8 L14 11 M10.5 5.5 A1 1 0 1 1 10.49 5.5 Z";
            case HAND -> "M5 15 L3 9 L4.5 8 L6 10 L6 3 L7.5 2 L8 8 L8.5 2 L10 3 L10 8 L11 4 L12.5 5 L12 11 L10.5 15 Z";
        });
        p.getStyleClass().add("tool-icon");
        p.setFill(null);
        p.setStroke(javafx.scene.paint.Color.web("#6b6b6b"));
        p.setStrokeWidth(1.4);
        p.setStrokeLineJoin(javafx.scene.shape.StrokeLineJoin.ROUND);
        p.setStrokeLineCap(javafx.scene.shape.StrokeLineCap.ROUND);
        return p;
    }
}
