package dev.easel.app.panels;

import java.util.function.Consumer;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The text field of an inline rename in a panel row: Enter (or moving the focus to something else) commits
 * the new name, Escape cancels. It finishes once, however it ends.
 */
final class RenameField extends TextField {
    private final Consumer<String> onCommit;
    private final Runnable onCancel;
    private boolean done;
    private boolean begun;

    RenameField(String name, Consumer<String> onCommit, Runnable onCancel) {
        super(name);
        this.onCommit = onCommit;
        this.onCancel = onCancel;
        getStyleClass().add("rename-field");
        // As wide as the row leaves room for, never wider (the row would scroll sideways).
        setPrefWidth(40);
        setMinWidth(0);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                commit();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                cancel();
                e.consume();
            }
        });
        // Only a focus taken by another control ends the rename: the window losing the focus does not, nor the
        // list moving the field to another of its cells (the new cell gives the focus back).
        focusedProperty().addListener((o, was, now) -> {
            if (was && !now && getScene() != null && getScene().getFocusOwner() != null
                    && getScene().getFocusOwner() != this) {
                commit();
            }
        });
    }

    /** Puts the caret in the field; the first time, with the whole name selected, ready to be typed over. */
    void begin() {
        requestFocus();
        if (!begun) {
            begun = true;
            selectAll();
        }
    }

    boolean isDone() {
        return done;
    }

    void commit() {
        if (!done) {
            done = true;
            onCommit.accept(getText());
        }
    }

    void cancel() {
        if (!done) {
            done = true;
            onCancel.run();
        }
    }
}
