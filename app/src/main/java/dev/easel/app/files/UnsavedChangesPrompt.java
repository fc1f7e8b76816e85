package dev.easel.app.files;

import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * "Save changes to Untitled before closing?" with Save, Don't Save and Cancel. It does not block: the answer
 * comes to a callback on the JavaFX thread (closing the dialog any other way counts as Cancel).
 */
public final class UnsavedChangesPrompt {
    public enum Choice { SAVE, DISCARD, CANCEL }

    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    public static final ButtonType DONT_SAVE = new ButtonType("Don\u2019t Save", ButtonBar.ButtonData.NO);
    public static final ButtonType CANCEL = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);

    private UnsavedChangesPrompt() {
    }

    /** Shows the prompt for the document titled {@code title}; {@code answer} hears the choice once. */
    public static Alert ask(Window owner, String title, Consumer<Choice> answer) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", SAVE, DONT_SAVE, CANCEL);
        a.initOwner(owner);
        a.setTitle("Unsaved changes");
        a.setHeaderText("Save changes to \u201c" + title + "\u201d before closing?");
        a.setContentText("This document exists only in memory. If you don\u2019t save it, your changes are lost.");
        a.getDialogPane().setId("unsaved-changes");
        ((Button) a.getDialogPane().lookupButton(SAVE)).setId("unsaved-save");
        ((Button) a.getDialogPane().lookupButton(DONT_SAVE)).setId("unsaved-dont-save");
        ((Button) a.getDialogPane().lookupButton(CANCEL)).setId("unsaved-cancel");
        a.setOnHidden(e -> {
            ButtonType b = a.getResult();
            answer.accept(b == SAVE ? Choice.SAVE : b == DONT_SAVE ? Choice.DISCARD : Choice.CANCEL);
        });
        a.show();
        return a;
    }
}
