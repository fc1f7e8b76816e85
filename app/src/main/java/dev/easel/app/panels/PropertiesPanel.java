package dev.easel.app.panels;

import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.ModelWatch;
import dev.easel.app.document.NodeView;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The properties of the selected node, in sections: Layout (position, size, rotation, opacity), Fill &amp;
 * stroke (fill, stroke, stroke width, corner radius) and, for text nodes, Text. A field is written (one
 * {@code update_node} call, one undo step) on Enter, when it loses focus, or when a picker or button is used;
 * fields follow changes made elsewhere. With several nodes selected the fields are disabled; in a view-only
 * document they show the values read-only.
 */
public final class PropertiesPanel extends VBox {
    /** The kinds whose corners may be rounded. */
    private static final Set<String> ROUNDED_KINDS = Set.of("rect", "frame", "image");

    private final Label heading = new Label("Nothing selected");
    private final VBox sections = new VBox(12);
    private DocumentModel model;
    private boolean syncing;
    private final NodeEditing editing = new NodeEditing() {
        @Override
        public NodeView node() {
            return syncing ? null : selected();
        }

        @Override
        public boolean editable() {
            return model != null && model.editable();
        }

        @Override
        public void write(String field, Object value) {
            String id = selectedId();
            if (id != null) {
                model.updateNode(id, Map.of(field, value));
            }
        }
    };
    private final NumberField x = new NumberField("x", "X", -1e9, 1e9, NodeView::x, editing);
    private final NumberField y = new NumberField("y", "Y", -1e9, 1e9, NodeView::y, editing);
    private final NumberField w = new NumberField("w", "Width", 0, 1e6, NodeView::w, editing);
    private final NumberField h = new NumberField("h", "Height", 0, 1e6, NodeView::h, editing);
    private final NumberField rotation = new NumberField("rotation", "Rotation in degrees", -1e6, 1e6,
            NodeView::rotation, editing);
    private final NumberField opacity = new NumberField("opacity", "Opacity", 0, 1, NodeView::opacity, editing);
    private final PaintField fill = new PaintField("fill", NodeView::fill, Color.web("#d9d9d9"), editing);
    private final PaintField stroke = new PaintField("stroke", NodeView::stroke, Color.BLACK, editing);
    private final NumberField strokeWidth = new NumberField("stroke_width", "Stroke width", 0, 1_000,
            NodeView::strokeWidth, editing);
    private final NumberField cornerRadius = new NumberField("corner_radius", "Corner radius", 0, 1e6,
            NodeView::cornerRadius, editing);
    private final TextProperties text = new TextProperties(editing);
    private final List<NumberField> numbers = List.of(x, y, w, h, rotation, opacity, strokeWidth, cornerRadius);

    private final DocumentModel.Listener modelListener = (ids, structure) -> {
        String id = selectedId();
        if (id != null && ids.contains(id)) {
            refresh();
        }
    };
    private final Runnable selectionListener = this::refresh;
    private final ModelWatch watch = new ModelWatch(modelListener, selectionListener);

    public PropertiesPanel() {
        getStyleClass().addAll("panel", "properties-panel");
        Label title = new Label("Properties");
        title.getStyleClass().add("panel-title");
        heading.getStyleClass().add("properties-heading");

        PropertySection layout = new PropertySection("Layout");
        layout.pair("X", x, "Y", y);
        layout.pair("W", w, "H", h);
        layout.pair("Rotation", rotation, "Opacity", opacity);
        PropertySection paint = new PropertySection("Fill & stroke");
        paint.row("Fill", fill);
        paint.row("Stroke", stroke);
        paint.pair("Thickness", strokeWidth, "Radius", cornerRadius);

        sections.setPadding(new Insets(8));
        sections.getChildren().addAll(layout, paint, text.section());
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("properties-scroll");
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(title, heading, scroll);
        setPrefWidth(240);
        refresh();
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
            sections.setDisable(n == null);
            if (n == null) {
                int count = model == null ? 0 : model.selection().ids().size();
                heading.setText(count > 1 ? count + " layers selected" : "Nothing selected");
            } else {
                heading.setText((n.name().isEmpty() ? n.kind() : n.name()) + "  \u00b7  " + n.kind());
            }
            for (NumberField f : numbers) {
                f.show(n);
            }
            fill.show(n);
            stroke.show(n);
            cornerRadius.setDisable(n != null && !ROUNDED_KINDS.contains(n.kind()));
            text.show(n);
        } finally {
            syncing = false;
        }
    }
}
