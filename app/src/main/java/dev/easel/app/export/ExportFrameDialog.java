package dev.easel.app.export;

import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.NodeView;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Export Frame: the page's frames by name (frames inside frames indented), the one selected or holding the
 * selection picked first, and the format. Its result is the choice, or nothing when cancelled.
 */
public final class ExportFrameDialog extends Dialog<ExportFrameDialog.Choice> {
    /** The frame to export and how. */
    public record Choice(String frameId, String frameName, FrameExport.Format format) {
    }

    public static final ButtonType EXPORT = new ButtonType("Export\u2026", ButtonBar.ButtonData.OK_DONE);

    private final ListView<NodeView> list = new ListView<>();
    private final ToggleGroup formats = new ToggleGroup();

    public ExportFrameDialog(Window owner, DocumentModel m, FrameExport.Format format) {
        initOwner(owner);
        setTitle("Export Frame");
        setHeaderText("Export a frame and everything in it");
        List<NodeView> frames = FrameExport.frames(m);
        list.setId("export-frames");
        list.getItems().setAll(frames);
        list.setPrefSize(320, 220);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(NodeView n, boolean empty) {
                super.updateItem(n, empty);
                if (empty || n == null) {
                    setText(null);
                    return;
                }
                String name = n.name() == null || n.name().isBlank() ? "Frame" : n.name();
                setText("    ".repeat(Math.min(m.depth(n), 8)) + name + "   " + Math.round(n.w()) + " \u00d7 "
                        + Math.round(n.h()));
            }
        });
        String pick = FrameExport.preselected(m);
        int index = 0;
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).id().equals(pick)) {
                index = i;
            }
        }
        if (!frames.isEmpty()) {
            list.getSelectionModel().select(index);
            list.scrollTo(index);
        }

        HBox formatRow = new HBox(12);
        formatRow.getChildren().add(new Label("Format:"));
        for (FrameExport.Format f : FrameExport.Format.values()) {
            RadioButton b = new RadioButton(f.label());
            b.setId("export-format-" + f.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            b.setUserData(f);
            b.setToggleGroup(formats);
            b.setSelected(f == format);
            formatRow.getChildren().add(b);
        }
        VBox content = new VBox(10, list, formatRow);
        content.setPadding(new Insets(10, 0, 0, 0));
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(EXPORT, ButtonType.CANCEL);
        getDialogPane().lookupButton(EXPORT).disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        setResultConverter(b -> {
            NodeView n = list.getSelectionModel().getSelectedItem();
            if (b != EXPORT || n == null) {
                return null;
            }
            return new Choice(n.id(), n.name(), (FrameExport.Format) formats.getSelectedToggle().getUserData());
        });
    }

    /** The frame picked now (tests). */
    public NodeView selectedFrame() {
        return list.getSelectionModel().getSelectedItem();
    }
}
