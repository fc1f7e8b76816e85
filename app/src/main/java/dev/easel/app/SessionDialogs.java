package dev.easel.app;

import dev.easel.host.session.Role;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Window;

/** The "Host Session" invite dialog and the "Join Session" form. */
public final class SessionDialogs {
    private SessionDialogs() {
    }

    /** What the join form asks for. */
    public record JoinRequest(String link, String name) {
    }

    /**
     * Shows the invite links of a hosted session, each with Copy and New Link (which replaces it: the old link
     * stops letting anyone new in); "End Session" disconnects everyone. Not modal: the host keeps editing
     * while it is open.
     */
    public static final class HostDialog extends Dialog<Void> {
        private final TextField editor = linkField("invite-editor");
        private final TextField viewer = linkField("invite-viewer");
        private final Label note = new Label("Anyone with a link can join while this window hosts the document. "
                + "Links stop working when the session ends.");

        /** {@code newLink} replaces a role's link and returns the new one. */
        HostDialog(Window owner, String editorLink, String viewerLink, Function<Role, String> newLink,
                Runnable endSession) {
            initOwner(owner);
            initModality(Modality.NONE);
            setTitle("Host Session");
            setHeaderText("Your document is shared. Send a link to invite people.");
            editor.setText(editorLink);
            viewer.setText(viewerLink);
            GridPane g = new GridPane();
            g.setHgap(8);
            g.setVgap(8);
            g.setPadding(new Insets(12));
            addLinkRow(g, 0, "Can edit", editor, "editor", () -> newLink.apply(Role.EDITOR));
            addLinkRow(g, 1, "Can view", viewer, "viewer", () -> newLink.apply(Role.VIEWER));
            note.setId("invite-note");
            note.setWrapText(true);
            note.setMaxWidth(640);
            g.add(note, 0, 2, 4, 1);
            getDialogPane().setContent(g);
            getDialogPane().getStyleClass().add("session-dialog");
            ButtonType end = new ButtonType("End Session", ButtonBar.ButtonData.OTHER);
            getDialogPane().getButtonTypes().addAll(end, ButtonType.CLOSE);
            Button endButton = (Button) getDialogPane().lookupButton(end);
            endButton.setId("end-session");
            endButton.setOnAction(e -> endSession.run());
            if (owner != null && owner.getScene() != null) {
                getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
            }
        }

        /** A role's row: its label, its link, Copy, and New Link (ids "copy-ROLE", "new-ROLE-link"). */
        private void addLinkRow(GridPane g, int row, String label, TextField field, String role,
                Supplier<String> newLink) {
            Button copy = copyButton("copy-" + role, field);
            Button replace = new Button("New Link");
            replace.setId("new-" + role + "-link");
            replace.setTooltip(new Tooltip("Replace this link: the old one stops letting anyone new join. "
                    + "People already in the session stay."));
            replace.setOnAction(e -> {
                field.setText(newLink.get());
                copy.setText("Copy");
                note.setText("The " + role + " link was replaced: the old one no longer lets anyone new join. "
                        + "Send the new one.");
            });
            g.addRow(row, new Label(label), field, copy, replace);
        }

        public String editorLink() {
            return editor.getText();
        }

        public String viewerLink() {
            return viewer.getText();
        }

        private static TextField linkField(String id) {
            TextField f = new TextField();
            f.setId(id);
            f.setEditable(false);
            f.setPrefColumnCount(44);
            f.getStyleClass().add("invite-link");
            return f;
        }

        private static Button copyButton(String id, TextField field) {
            Button b = new Button("Copy");
            b.setId(id);
            b.setOnAction(e -> {
                ClipboardContent c = new ClipboardContent();
                c.putString(field.getText());
                Clipboard.getSystemClipboard().setContent(c);
                b.setText("Copied");
            });
            return b;
        }
    }

    /** Asks for an invite link and a display name; empty if cancelled. */
    static Optional<JoinRequest> askJoin(Window owner, String defaultName) {
        Dialog<JoinRequest> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Join Session");
        d.setHeaderText("Paste the invite link you were sent.");
        TextField link = new TextField();
        link.setId("join-link");
        link.setPromptText("easel://host:7420/session?k=\u2026");
        link.setPrefColumnCount(44);
        String clip = Clipboard.getSystemClipboard().getString();
        if (clip != null && clip.trim().startsWith("easel://")) {
            link.setText(clip.trim());
        }
        TextField name = new TextField(defaultName);
        name.setId("join-name");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(12));
        g.addRow(0, new Label("Invite link"), link);
        g.addRow(1, new Label("Your name"), name);
        d.getDialogPane().setContent(g);
        ButtonType join = new ButtonType("Join", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, join);
        d.getDialogPane().lookupButton(join).disableProperty().bind(link.textProperty().isEmpty());
        if (owner != null && owner.getScene() != null) {
            d.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        d.setResultConverter(b -> b == join ? new JoinRequest(link.getText(), name.getText()) : null);
        javafx.application.Platform.runLater(link::requestFocus);
        return d.showAndWait();
    }
}
