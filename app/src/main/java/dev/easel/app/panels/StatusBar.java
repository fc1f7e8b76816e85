package dev.easel.app.panels;

import dev.easel.app.collab.LinkStatus;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The bottom line: the link's state and latency, the session, whom this window follows, a message, the node
 * count and the zoom.
 */
public final class StatusBar extends HBox {
    private final Label connection = new Label("Opening\u2026");
    private final Label message = new Label();
    private final Label nodes = new Label();
    private final Label zoom = new Label("100%");
    private final Label session = new Label();
    private final Label following = new Label();

    public StatusBar() {
        getStyleClass().add("status-bar");
        connection.setId("status-connection");
        message.setId("status-message");
        zoom.setId("status-zoom");
        session.setId("status-session");
        following.setId("status-following");
        following.getStyleClass().add("follow-note");
        setFollowing(null, null);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        setSpacing(16);
        getChildren().addAll(connection, session, following, message, spring, nodes, zoom);
    }

    /** Shows the link's state: "Local document", "Connected \u00b7 12 ms", "Reconnecting\u2026", "Session ended". */
    public void showLink(LinkStatus s) {
        connection.setText(s.text());
        connection.getStyleClass().removeAll("state-ok", "state-warn", "state-error");
        connection.getStyleClass().add(switch (s.phase()) {
            case LOCAL, CONNECTED, RESUMED -> "state-ok";
            case CONNECTING, RECONNECTING -> "state-warn";
            case ENDED, CLOSED -> "state-error";
        });
        if (s.phase() == LinkStatus.Phase.RESUMED && s.headline() != null) {
            setMessage(s.headline());
        }
    }

    /** Says whom this window follows (null: nobody); {@code who} says more on hover. */
    public void setFollowing(String name, String who) {
        following.setText(name == null ? "" : "Following " + name + " \u2014 press Esc or move to stop");
        following.setTooltip(who == null ? null : new Tooltip(who));
        following.setVisible(name != null);
        following.setManaged(name != null);
    }

    /** The follow line as shown now ("" when not following). */
    public String followingText() {
        return following.getText();
    }

    /** The link's state as shown now ("Connected \u00b7 12 ms", "Local document", ...). */
    public String connectionText() {
        return connection.getText();
    }

    /** What session this window is in ("Hosting", "Joined as editor"), or null for none. */
    public void setSession(String text) {
        session.setText(text == null ? "" : text);
    }

    public String session() {
        return session.getText();
    }

    public void setMessage(String text) {
        message.getStyleClass().remove("lock-warning");
        message.setText(text);
    }

    /** A message that needs attention (someone else is editing what you selected). */
    public void setWarning(String text) {
        message.setText("\u26a0 " + text);
        if (!message.getStyleClass().contains("lock-warning")) {
            message.getStyleClass().add("lock-warning");
        }
    }

    public String message() {
        return message.getText();
    }

    public void setZoom(double z) {
        zoom.setText(Math.round(z * 100) + "%");
    }

    public void setNodeCount(int n) {
        nodes.setText(n == 1 ? "1 layer" : n + " layers");
    }
}
