package dev.easel.app.panels;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.collab.Collaborators;
import dev.easel.app.collab.FollowMode;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * Shows that this window follows someone: a border in their colour around the canvas (this region, laid over
 * it and letting every event through), a line in the status bar and a ring on their avatar; and, when it
 * ends, why.
 */
public final class FollowIndicator extends Region {
    private static final double WIDTH = 3;

    private final FollowMode follow;
    private final StatusBar status;
    private final PresenceBar presenceBar;
    /** Who was followed until the last change, to say whom following ended for. */
    private String lastName;

    public FollowIndicator(FollowMode follow, StatusBar status, PresenceBar presenceBar) {
        this.follow = follow;
        this.status = status;
        this.presenceBar = presenceBar;
        setId("follow-frame");
        getStyleClass().add("follow-frame");
        setMouseTransparent(true);
        setFocusTraversable(false);
        follow.addListener(this::update);
        update();
    }

    /** The colour of the border shown now (null when not following). */
    public Color frameColor() {
        return getBorder() == null || getBorder().getStrokes().isEmpty() ? null
                : (Color) getBorder().getStrokes().get(0).getTopStroke();
    }

    private void update() {
        Collaborators.Peer p = follow.followed();
        if (p == null) {
            setBorder(null);
            setVisible(false);
            status.setFollowing(null, null);
            presenceBar.setFollowed(null);
            if (lastName != null && follow.lastEnded() != null) {
                status.setMessage(switch (follow.lastEnded()) {
                    case LEFT -> lastName + " left \u2014 stopped following";
                    case BY_USER, MOVED -> "Stopped following " + lastName;
                    case DOCUMENT_CHANGED -> status.message();
                });
            }
            lastName = null;
            return;
        }
        lastName = p.displayName();
        setBorder(new Border(new BorderStroke(CanvasView.color(p.color()), BorderStrokeStyle.SOLID, null,
                new BorderWidths(WIDTH))));
        setVisible(true);
        status.setFollowing(lastName, p.label());
        presenceBar.setFollowed(p.identity());
    }
}
