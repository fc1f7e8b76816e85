package dev.easel.app.panels;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.collab.Collaborators;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/**
 * The avatars of everyone in the document, top right: initials on their colour, a dot for active, idle or
 * away; the tooltip says who it is (their chosen name, marked unverified, and the start of their ID).
 * Clicking someone else's avatar jumps to their view, double-clicking follows them; their context menu offers
 * both. The member followed wears a ring.
 */
public final class PresenceBar extends HBox {
    private Collaborators collaborators;
    private final Runnable listener = this::refresh;
    private Consumer<Collaborators.Peer> onJump = p -> { };
    private Consumer<Collaborators.Peer> onFollow = p -> { };
    /** Null unless this window hosts the session: only the host can remove someone. */
    private Consumer<Collaborators.Peer> onRemove;
    private Runnable onStopFollowing = () -> { };
    private String followed;
    private List<List<Object>> shownLooks = List.of();

    public PresenceBar() {
        getStyleClass().add("presence-bar");
        setAlignment(Pos.CENTER_RIGHT);
        setSpacing(4);
    }

    public void setOnJump(Consumer<Collaborators.Peer> handler) {
        onJump = handler;
    }

    public void setOnFollow(Consumer<Collaborators.Peer> handler) {
        onFollow = handler;
    }

    /** Offers "Remove from Session..." on the others' avatars while this window hosts; null stops offering it. */
    public void setOnRemove(Consumer<Collaborators.Peer> handler) {
        onRemove = handler;
    }

    public void setOnStopFollowing(Runnable handler) {
        onStopFollowing = handler;
    }

    /** Marks the member followed now (null for nobody). */
    public void setFollowed(String identity) {
        if (!java.util.Objects.equals(identity, followed)) {
            followed = identity;
            refresh();
        }
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

    /**
     * Rebuilds the avatars when what they show changed. Cursor moves and view changes fire this many times a
     * second; rebuilding then would replace an avatar under the pointer between press and release.
     */
    private void refresh() {
        List<Collaborators.Peer> all = collaborators == null ? List.of() : collaborators.all();
        List<List<Object>> looks = all.stream().map(p -> List.<Object>of(p.identity(), p.name(), p.verified(),
                String.valueOf(p.role()), String.valueOf(p.color()), String.valueOf(p.status()), p.self(),
                p.identity().equals(followed)))
                .toList();
        if (looks.equals(shownLooks)) {
            return;
        }
        shownLooks = looks;
        getChildren().clear();
        for (Collaborators.Peer p : all) {
            getChildren().add(avatar(p));
        }
    }

    /** The member as they are now (their view moves on after the avatar was built). */
    private Collaborators.Peer latest(Collaborators.Peer p) {
        Collaborators.Peer now = collaborators == null ? null : collaborators.peer(p.identity());
        return now != null ? now : p;
    }

    /** The node id of someone's avatar: "avatar-" and their identity, as a CSS id may spell it. */
    static String avatarId(String identity) {
        return "avatar-" + identity.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** The avatar shown for someone, or null if they are not shown. */
    public javafx.scene.Node avatarOf(String identity) {
        return lookup("#" + avatarId(identity));
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
        a.setId(avatarId(p.identity()));
        a.setMinSize(30, 30);
        a.setMaxSize(30, 30);
        boolean following = p.identity().equals(followed);
        if (following) {
            a.getStyleClass().add("avatar-followed");
        }
        String who = p.label() + (p.viewOnly() ? " \u00b7 view only" : "") + " \u00b7 " + status;
        a.setAccessibleText(who);
        Tooltip.install(a, new Tooltip(who + (p.self() ? ""
                : following ? "\nFollowing \u2014 press Esc or move to stop"
                : "\nClick to jump to their view, double-click to follow them")));
        if (!p.self()) {
            a.setOnMouseClicked(e -> {
                if (e.getButton() != MouseButton.PRIMARY) {
                    return;
                }
                if (e.getClickCount() == 2) {
                    onFollow.accept(latest(p));
                } else if (e.getClickCount() == 1) {
                    onJump.accept(latest(p));
                }
            });
            a.setOnContextMenuRequested(e -> {
                menu(p, following).show(a, e.getScreenX(), e.getScreenY());
                e.consume();
            });
            a.setCursor(javafx.scene.Cursor.HAND);
        }
        return a;
    }

    private ContextMenu menu(Collaborators.Peer p, boolean following) {
        MenuItem jump = new MenuItem("Jump to Their View");
        jump.setId("avatar-jump");
        jump.setOnAction(e -> onJump.accept(latest(p)));
        MenuItem follow = following ? new MenuItem("Stop Following") : new MenuItem("Follow");
        follow.setId(following ? "avatar-stop-following" : "avatar-follow");
        follow.setOnAction(e -> {
            if (following) {
                onStopFollowing.run();
            } else {
                onFollow.accept(latest(p));
            }
        });
        ContextMenu menu = new ContextMenu(jump, follow);
        Consumer<Collaborators.Peer> remove = onRemove;
        if (remove != null) {
            MenuItem removeItem = new MenuItem("Remove from Session\u2026");
            removeItem.setId("avatar-remove");
            removeItem.setOnAction(e -> remove.accept(latest(p)));
            menu.getItems().addAll(new SeparatorMenuItem(), removeItem);
        }
        return menu;
    }
}
