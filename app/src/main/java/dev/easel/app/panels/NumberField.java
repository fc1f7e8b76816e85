package dev.easel.app.panels;

import dev.easel.app.document.NodeView;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/**
 * A number field of the selected node: shows the stored value, writes a new one on Enter or focus loss.
 * Input beyond the range the document accepts is clamped to it (the field then shows what was written, and
 * its tooltip names the range); input that is not a number brings the stored value back.
 */
final class NumberField extends TextField {
    private final String field;
    private final double min;
    private final double max;
    private final ToDoubleFunction<NodeView> read;
    private final NodeEditing editing;

    NumberField(String field, String what, double min, double max, ToDoubleFunction<NodeView> read,
            NodeEditing editing) {
        this.field = field;
        this.min = min;
        this.max = max;
        this.read = read;
        this.editing = editing;
        setId("prop-" + field.replace('_', '-'));
        setPrefColumnCount(5);
        setTooltip(new Tooltip(what + ": " + format(min) + " to " + format(max)));
        setOnAction(e -> commit());
        focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit();
            }
        });
    }

    /** Shows the node's value, unless the user is typing here; blank for no node. Read-only when not editable. */
    void show(NodeView n) {
        setEditable(editing.editable());
        if (n == null) {
            setText("");
        } else if (!isFocused()) {
            setText(format(read.applyAsDouble(n)));
        }
    }

    private void commit() {
        NodeView n = editing.node();
        if (n == null) {
            return;
        }
        double stored = read.applyAsDouble(n);
        double value = stored;
        try {
            double typed = Double.parseDouble(getText().trim());
            if (Double.isFinite(typed)) {
                value = Math.max(min, Math.min(max, typed));
            }
        } catch (NumberFormatException e) {
            // not a number: show the stored value again
        }
        if (value != stored) {
            editing.write(field, value);
        }
        setText(format(value));
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.2f", v);
    }
}
