package dev.easel.app.panels;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

/** "View only", after the tools of a viewer's window, saying on hover what a view link allows. */
public final class ViewOnlyBadge extends Label {
    public static final String EXPLANATION = "You joined with a view link: you can look around, select to inspect, "
            + "point and follow others, but not change the document. Ask the host for an edit link to edit.";

    ViewOnlyBadge(ObservableBooleanValue viewOnly) {
        super("View only", LayerIcons.eye(false));
        setId("view-only");
        HBox.setMargin(this, new Insets(0, 0, 0, 8));
        getStyleClass().add("view-only-badge");
        Tooltip tip = new Tooltip(EXPLANATION);
        tip.setWrapText(true);
        tip.setMaxWidth(320);
        tip.setShowDelay(Duration.millis(300));
        setTooltip(tip);
        visibleProperty().bind(viewOnly);
        managedProperty().bind(viewOnly);
    }
}
