package dev.easel.app.panels;

import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.ModelWatch;
import dev.easel.app.document.NodeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.layout.BorderPane;

/**
 * The layers of the current page, topmost first, indented by nesting; selecting here selects on the canvas
 * and the other way round.
 */
public final class LayersPanel extends BorderPane {
    private final ListView<NodeView> list = new ListView<>();
    private final ObservableList<NodeView> items = FXCollections.observableArrayList();
    private DocumentModel model;
    private final DocumentModel.Listener modelListener = (ids, structure) -> refresh();
    private final Runnable selectionListener = this::pullSelection;
    private final ModelWatch watch = new ModelWatch(modelListener, selectionListener);
    private boolean syncing;

    public LayersPanel() {
        getStyleClass().addAll("panel", "layers-panel");
        Label title = new Label("Layers");
        title.getStyleClass().add("panel-title");
        setTop(title);
        list.setItems(items);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new LayerCell());
        list.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<NodeView>) c -> pushSelection());
        list.setPlaceholder(new Label("No layers yet"));
        setCenter(list);
        setPrefWidth(220);
    }

    public ListView<NodeView> list() {
        return list;
    }

    public void setModel(DocumentModel m) {
        model = m;
        watch.watch(m);
        refresh();
    }

    private void refresh() {
        syncing = true;
        try {
            List<NodeView> rows = new ArrayList<>();
            if (model != null) {
                List<NodeView> order = model.drawOrder();
                for (int i = order.size() - 1; i >= 0; i--) {
                    rows.add(order.get(i));
                }
            }
            items.setAll(rows);
        } finally {
            syncing = false;
        }
        pullSelection();
    }

    private void pullSelection() {
        if (model == null) {
            return;
        }
        syncing = true;
        try {
            Set<String> ids = model.selection().ids();
            list.getSelectionModel().clearSelection();
            for (int i = 0; i < items.size(); i++) {
                if (ids.contains(items.get(i).id())) {
                    list.getSelectionModel().select(i);
                }
            }
        } finally {
            syncing = false;
        }
    }

    private void pushSelection() {
        if (syncing || model == null) {
            return;
        }
        List<String> ids = new ArrayList<>();
        for (NodeView n : list.getSelectionModel().getSelectedItems()) {
            if (n != null) {
                ids.add(n.id());
            }
        }
        model.selection().set(ids);
    }

    private final class LayerCell extends ListCell<NodeView> {
        @Override
        protected void updateItem(NodeView n, boolean empty) {
            super.updateItem(n, empty);
            if (empty || n == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            int depth = model == null ? 0 : model.depth(n);
            String name = n.name() == null || n.name().isEmpty() ? n.kind() : n.name();
            setText(name + (n.visible() ? "" : "  (hidden)"));
            Label icon = new Label(glyph(n.kind()));
            icon.getStyleClass().add("layer-icon");
            icon.setMinWidth(16);
            setGraphic(icon);
            setStyle("-fx-padding: 2 4 2 " + (4 + depth * 14) + ";");
        }
    }

    static String glyph(String kind) {
        return switch (kind) {
            case "frame" -> "#";
            case "rect" -> "\u25a1";
            case "ellipse" -> "\u25cb";
            case "line" -> "/";
            case "text" -> "T";
            case "image" -> "\u25a3";
            case "group" -> "\u25a6";
            default -> "?";
        };
    }
}
