package dev.easel.app.panels;

import dev.easel.app.document.NodeView;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.text.Font;

/**
 * The Text section of the properties panel, shown for text nodes: content (written on focus loss or
 * Ctrl+Enter; Escape brings the stored text back), font family, size, weight and alignment. Each change is
 * one {@code update_node} call.
 */
final class TextProperties {
    static final String DEFAULT_FAMILY = "Inter";
    /** The longest font family name the document accepts. */
    private static final int MAX_FAMILY = 200;
    private static final List<String> ALIGNMENTS = List.of("left", "center", "right", "justify");

    private final NodeEditing editing;
    private final PropertySection section = new PropertySection("Text");
    private final TextArea content = new TextArea();
    private final ComboBox<String> family = new ComboBox<>();
    private final NumberField size;
    private final ComboBox<Long> weight = new ComboBox<>();
    private final ToggleGroup align = new ToggleGroup();
    private final HBox alignButtons;

    TextProperties(NodeEditing editing) {
        this.editing = editing;
        content.setId("prop-text");
        content.setPrefRowCount(3);
        content.setWrapText(true);
        content.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                e.consume();
                commitContent();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                show(editing.node());
            }
        });
        content.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commitContent();
            }
        });
        content.setTooltip(new Tooltip("Ctrl+Enter or leaving the field applies the text"));

        family.setId("prop-font-family");
        family.setEditable(true);
        family.setMaxWidth(Double.MAX_VALUE);
        family.getItems().setAll(families());
        family.setOnAction(e -> commitFamily());

        size = new NumberField("font_size", "Font size", 1, 10_000, NodeView::fontSize, editing);

        weight.setId("prop-font-weight");
        weight.setConverter(new FontWeightNames());
        weight.getItems().setAll(FontWeightNames.WEIGHTS);
        weight.setMaxWidth(Double.MAX_VALUE);
        weight.setOnAction(e -> {
            NodeView n = editing.node();
            if (n != null && weight.getValue() != null && weight.getValue() != n.fontWeight()) {
                editing.write("font_weight", weight.getValue());
            }
        });

        section.row("Text", content);
        section.row("Font", family);
        section.pair("Size", size, "Weight", weight);
        alignButtons = alignButtons();
        section.row("Align", alignButtons);
    }

    PropertySection section() {
        return section;
    }

    /** Shows a text node's values (read-only when the document is not editable), or hides the section. */
    void show(NodeView n) {
        boolean text = n != null && "text".equals(n.kind());
        section.shown(text);
        if (!text) {
            return;
        }
        boolean editable = editing.editable();
        content.setEditable(editable);
        family.setDisable(!editable);
        weight.setDisable(!editable);
        alignButtons.setDisable(!editable);
        if (!content.isFocused()) {
            content.setText(n.text() == null ? "" : n.text());
        }
        if (!family.isFocused() && !family.getEditor().isFocused()) {
            family.setValue(familyOf(n));
        }
        size.show(n);
        weight.setValue(n.fontWeight());
        for (var t : align.getToggles()) {
            t.setSelected(t.getUserData().equals(n.align()));
        }
    }

    private HBox alignButtons() {
        HBox box = new HBox(2);
        for (String a : ALIGNMENTS) {
            ToggleButton b = new ToggleButton(Character.toUpperCase(a.charAt(0)) + a.substring(1));
            b.setId("prop-align-" + a);
            b.getStyleClass().add("align-button");
            b.setUserData(a);
            b.setToggleGroup(align);
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
            b.setOnAction(e -> {
                NodeView n = editing.node();
                if (n == null) {
                    return;
                }
                b.setSelected(true); // a second click on the current alignment keeps it
                if (!a.equals(n.align())) {
                    editing.write("align", a);
                }
            });
            box.getChildren().add(b);
        }
        return box;
    }

    private void commitContent() {
        NodeView n = editing.node();
        if (n != null && "text".equals(n.kind()) && !content.getText().equals(n.text())) {
            editing.write("text", content.getText());
        }
    }

    /** Writes a typed or picked family; a blank or overlong name brings the stored one back. */
    private void commitFamily() {
        NodeView n = editing.node();
        if (n == null) {
            return;
        }
        String typed = family.getValue() == null ? "" : family.getValue().trim();
        if (typed.isEmpty() || typed.length() > MAX_FAMILY) {
            family.setValue(familyOf(n));
            return;
        }
        if (!typed.equals(n.fontFamily())) {
            editing.write("font_family", typed);
        }
    }

    private static String familyOf(NodeView n) {
        return n.fontFamily() == null || n.fontFamily().isBlank() ? DEFAULT_FAMILY : n.fontFamily();
    }

    /** "Inter" (the document's default, whether installed or not) and the system's font families. */
    private static List<String> families() {
        TreeSet<String> sorted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        sorted.addAll(Font.getFamilies());
        sorted.remove(DEFAULT_FAMILY);
        List<String> all = new ArrayList<>();
        all.add(DEFAULT_FAMILY);
        all.addAll(sorted);
        return all;
    }
}
