package dev.easel.app.panels;

import dev.easel.app.canvas.Paints;
import dev.easel.app.document.NodeView;
import java.util.function.Function;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;

/**
 * A paint of the selected node (fill or stroke): a colour picker and a "None" box, since the document may
 * store {@code none}. Picking a colour or ticking the box is one {@code update_node} call; unticking it
 * paints with the colour the picker shows.
 */
final class PaintField extends HBox {
    private final String field;
    private final Function<NodeView, String> read;
    private final NodeEditing editing;
    private final ColorPicker picker = new ColorPicker();
    private final CheckBox none = new CheckBox("None");

    PaintField(String field, Function<NodeView, String> read, Color initial, NodeEditing editing) {
        super(6);
        this.field = field;
        this.read = read;
        this.editing = editing;
        picker.setValue(initial);
        picker.setId("prop-" + field);
        none.setId("prop-" + field + "-none");
        picker.setPrefWidth(90);
        picker.setMaxWidth(Double.MAX_VALUE);
        none.setMinWidth(USE_PREF_SIZE);
        HBox.setHgrow(picker, Priority.ALWAYS);
        // The value, not the action: a picker only fires its action when a colour is picked from its popup.
        picker.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                write(Paints.format(now));
            }
        });
        none.setOnAction(e -> write(none.isSelected() ? "none" : Paints.format(picker.getValue())));
        getChildren().addAll(picker, none);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    }

    /**
     * Shows the node's paint; with {@code none}, the picker keeps the last colour shown, to come back to.
     * Both controls are disabled when the document is not editable.
     */
    void show(NodeView n) {
        Color c = n == null ? null : Paints.color(read.apply(n));
        none.setSelected(n != null && c == null);
        none.setDisable(!editing.editable());
        picker.setDisable(c == null || !editing.editable());
        if (c != null) {
            picker.setValue(c);
        }
    }

    private void write(String paint) {
        NodeView n = editing.node();
        if (n == null) {
            return;
        }
        if (paint.equals(read.apply(n))) {
            show(n);
            return;
        }
        editing.write(field, paint);
        picker.setDisable("none".equals(paint));
    }
}
