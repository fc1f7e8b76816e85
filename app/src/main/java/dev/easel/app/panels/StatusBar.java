package dev.easel.app.panels;

import dev.easel.host.session.Connection;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bottom line: the link's state and latency, a message, the node count and the zoom. */
public final class StatusBar extends HBox {
    private final Label connection = new Label("Opening\u2026");
    private final Label message = new Label();
    private final Label nodes = new Label();
    private final Label zoom = new Label("100%");
    private final Label session = new Label();
    private Connection watched;
    private final javafx.animation.Timeline latencyRefresh = new javafx.animation.Timeline(
            new javafx.animation.KeyFrame(javafx.util.Duration.seconds(1), e -> {
                if (watched != null) {
                    showState(watched, watched.state());
                }
            }));

    public StatusBar() {
        getStyleClass().add("status-bar");
        connection.setId("status-connection");
        message.setId("status-message");
        zoom.setId("status-zoom");
        session.setId("status-session");
        latencyRefresh.setCycleCount(javafx.animation.Animation.INDEFINITE);
        latencyRefresh.play();
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        setSpacing(16);
        getChildren().addAll(connection, session, message, spring, nodes, zoom);
    }

    /** Follows a connection's state (its listener may fire on any thread). */
    public void watch(Connection c) {
        watched = c;
        Consumer<Connection.State> show = s -> Platform.runLater(() -> {
            if (watched == c) {
                showState(c, s);
            }
        });
        c.addStateListener(show);
        showState(c, c.state());
    }

    private void showState(Connection c, Connection.State s) {
        String text = switch (s) {
            case CONNECTED -> c.latencyMicros() > 0
                    ? "Connected \u00b7 " + latency(c.latencyMicros())
                    : session.getText().startsWith("Joined") ? "Connected" : "Local document";
            case CONNECTING -> "Connecting\u2026";
            case RECONNECTING -> "Connection lost \u2014 reconnecting\u2026 (your view is kept)";
            case CLOSED -> "Disconnected";
        };
        connection.setText(text);
        connection.getStyleClass().removeAll("state-ok", "state-warn", "state-error");
        connection.getStyleClass().add(s == Connection.State.CONNECTED ? "state-ok"
                : s == Connection.State.CLOSED ? "state-error" : "state-warn");
    }

    private static String latency(long micros) {
        return micros < 1000 ? "< 1 ms" : Math.round(micros / 1000.0) + " ms";
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
