package dev.easel.app.panels;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A titled group of rows in the properties panel (Layout, Fill & stroke, Text), on a four-column grid. */
final class PropertySection extends VBox {
    private final GridPane grid = new GridPane();
    private int rows;

    PropertySection(String title) {
        super(4);
        Label label = new Label(title);
        label.getStyleClass().add("properties-section");
        grid.setHgap(6);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields, labels, fields);
        getChildren().addAll(label, grid);
    }

    /** A row of two labelled fields side by side. */
    void pair(String label1, Node field1, String label2, Node field2) {
        grid.add(new Label(label1), 0, rows);
        grid.add(field1, 1, rows);
        grid.add(new Label(label2), 2, rows);
        grid.add(field2, 3, rows);
        rows++;
    }

    /** A row of one labelled field across the width. */
    void row(String label, Node field) {
        grid.add(new Label(label), 0, rows);
        grid.add(field, 1, rows, 3, 1);
        rows++;
    }

    /** Shows or hides the whole section, giving its room back when hidden. */
    void shown(boolean shown) {
        setVisible(shown);
        setManaged(shown);
    }
}
