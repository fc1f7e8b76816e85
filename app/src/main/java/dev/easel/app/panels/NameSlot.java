package dev.easel.app.panels;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/** Where a layer or page row shows its name: the label, or the rename field while the row is being renamed. */
final class NameSlot extends StackPane {
    private final Node label;

    NameSlot(Node label) {
        this.label = label;
        setAlignment(Pos.CENTER_LEFT);
        setMinWidth(0);
    }

    /** Shows {@code field} (focused, its text selected) while renaming, the label when it is null. */
    void show(RenameField field) {
        Node shown = field != null ? field : label;
        if (getChildren().size() != 1 || getChildren().get(0) != shown) {
            getChildren().setAll(shown);
        }
        if (field != null && !field.isFocused()) {
            Platform.runLater(field::begin);
        }
    }
}
