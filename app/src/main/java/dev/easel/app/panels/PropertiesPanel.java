package dev.easel.app.panels;

import dev.easel.app.canvas.Paints;
import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.ModelWatch;
import dev.easel.app.document.NodeView;
import java.util.Map;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * Position, size, rotation, opacity and fill of the selected node. A field is written (one
 * {@code update_node} call, one undo step) when Enter is pressed or it loses focus.
 */
public final class PropertiesPanel extends VBox {
    private final Label heading = new Label("Nothing selected");
    private final GridPane grid = new GridPane();
    private final TextField x = numberField("x");
    private final TextField y = numberField("y");
    private final TextField w = numberField("w");
    private final TextField h = numberField("h");
    private final TextField rotation = numberField("rotation");
    private final TextField opacity = numberField("opacity");
    private final ColorPicker fill = new ColorPicker();
    private DocumentModel model;
    private final DocumentModel.Listener modelListener = (ids, structure) -> {
        String id = selectedId();
        if (id != null && ids.contains(id)) {
            refresh();
        }
    };
    private final Runnable selectionListener = this::refresh;
    private final ModelWatch watch = new ModelWatch(modelListener, selectionListener);
    private boolean syncing;

    public PropertiesPanel() {
        getStyleClass().addAll("panel", "properties-panel");
        Label title = new Label("Properties");
        title.getStyleClass().add("panel-title");
        heading.getStyleClass().add("properties-heading");
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        addRow(0, "X", x, "Y", y);
        addRow(1, "W", w, "H", h);
        addRow(2, "Rotation", rotation, "Opacity", opacity);
        grid.add(new Label("Fill"), 0, 3);
        grid.add(fill, 1, 3, 3, 1);
        fill.setId("prop-fill");
        fill.setOnAction(e -> {
            if (!syncing) {
                write("fill", Paints.format(fill.getValue()));
            }
        });
        getChildren().addAll(title, heading, grid);
        setPrefWidth(240);
        refresh();
    }

    private void addRow(int row, String l1, TextField f1, String l2, TextField f2) {
        grid.add(new Label(l1), 0, row);
        grid.add(f1, 1, row);
        grid.add(new Label(l2), 2, row);
        grid.add(f2, 3, row);
    }

    private TextField numberField(String field) {
        TextField t = new TextField();
        t.setId("prop-" + field);
        t.setPrefColumnCount(5);
        t.setOnAction(e -> commit(t, field));
        t.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit(t, field);
            }
        });
        return t;
    }

    public void setModel(DocumentModel m) {
        model = m;
        watch.watch(m);
        refresh();
    }

    private String selectedId() {
        return model == null ? null : model.selection().single();
    }

    private NodeView selected() {
        String id = selectedId();
        return id == null ? null : model.node(id);
    }

    private void refresh() {
        syncing = true;
        try {
            NodeView n = selected();
            grid.setDisable(n == null);
            if (n == null) {
                int count = model == null ? 0 : model.selection().ids().size();
                heading.setText(count > 1 ? count + " layers selected" : "Nothing selected");
                for (TextField t : new TextField[] {x, y, w, h, rotation, opacity}) {
                    t.setText("");
                }
                return;
            }
            heading.setText((n.name().isEmpty() ? n.kind() : n.name()) + "  \u00b7  " + n.kind());
            set(x, n.x());
            set(y, n.y());
            set(w, n.w());
            set(h, n.h());
            set(rotation, n.rotation());
            set(opacity, n.opacity());
            Color c = Paints.color(n.fill());
            fill.setValue(c == null ? Color.TRANSPARENT : c);
        } finally {
            syncing = false;
        }
    }

    private static void set(TextField t, double v) {
        if (!t.isFocused()) {
            t.setText(format(v));
        }
    }

    static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    private void commit(TextField t, String field) {
        NodeView n = selected();
        if (syncing || n == null) {
            return;
        }
        double current = current(n, field);
        try {
            double v = Double.parseDouble(t.getText().trim());
            if (v != current && Double.isFinite(v)) {
                write(field, v);
                return;
            }
        } catch (NumberFormatException e) {
            // fall through: show the stored value again
        }
        t.setText(format(current));
    }

    private static double current(NodeView n, String field) {
        Map<String, Function<NodeView, Double>> read = Map.of(
                "x", NodeView::x, "y", NodeView::y, "w", NodeView::w, "h", NodeView::h,
                "rotation", NodeView::rotation, "opacity", NodeView::opacity);
        return read.get(field).apply(n);
    }

    private void write(String field, Object value) {
        String id = selectedId();
        if (id != null) {
            model.updateNode(id, Map.of(field, value));
        }
    }
}
