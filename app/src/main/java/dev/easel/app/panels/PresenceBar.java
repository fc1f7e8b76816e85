package dev.easel.app.panels;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.collab.Collaborators;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/**
 * The avatars of everyone in the document, top right: initials on their colour, a dot for active, idle or
 * away. Clicking someone else's avatar jumps to their view.
 */
public final class PresenceBar extends HBox {
    private Collaborators collaborators;
    private final Runnable listener = this::refresh;
    private Consumer<Collaborators.Peer> onJump = p -> { };

    public PresenceBar() {
        getStyleClass().add("presence-bar");
        setAlignment(Pos.CENTER_RIGHT);
        setSpacing(4);
    }

    public void setOnJump(Consumer<Collaborators.Peer> handler) {
        onJump = handler;
    }

    public void setCollaborators(Collaborators c) {
        if (collaborators != null) {
            collaborators.removeListener(listener);
        }
        collaborators = c;
        if (c != null) {
            c.addListener(listener);
        }
        refresh();
    }

    /** The identities shown, in order (tests read this). */
    public List<String> shownIdentities() {
        return getChildren().stream().map(n -> (String) n.getUserData()).toList();
    }

    private void refresh() {
        getChildren().clear();
        if (collaborators == null) {
            return;
        }
        for (Collaborators.Peer p : collaborators.all()) {
            getChildren().add(avatar(p));
        }
    }

    private StackPane avatar(Collaborators.Peer p) {
        Color c = CanvasView.color(p.color());
        Circle disc = new Circle(13, c);
        disc.getStyleClass().add("avatar-disc");
        Label initials = new Label(p.initials());
        initials.getStyleClass().add("avatar-initials");
        initials.setTextFill(CanvasView.readableOn(c));
        String status = p.status() == null ? "active" : p.status();
        Circle dot = new Circle(4);
        dot.getStyleClass().addAll("avatar-status", "status-" + status);
        StackPane.setAlignment(dot, Pos.BOTTOM_RIGHT);
        StackPane a = new StackPane(disc, initials, dot);
        a.getStyleClass().addAll("avatar", "avatar-" + status);
        if (p.self()) {
            a.getStyleClass().add("avatar-self");
        }
        a.setUserData(p.identity());
        a.setId("avatar-" + p.identity().replaceAll("[^A-Za-z0-9_-]", "_"));
        a.setMinSize(30, 30);
        a.setMaxSize(30, 30);
        String who = (p.name() == null ? p.identity() : p.name()) + (p.self() ? " (you)" : "");
        Tooltip.install(a, new Tooltip(who + " \u00b7 " + status + (p.self() ? "" : "\nClick to jump to their view")));
        if (!p.self()) {
            a.setOnMouseClicked(e -> onJump.accept(p));
            a.setCursor(javafx.scene.Cursor.HAND);
        }
        return a;
    }
}
