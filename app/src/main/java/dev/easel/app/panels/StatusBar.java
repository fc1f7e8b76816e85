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
    private Connection watched;

    public StatusBar() {
        getStyleClass().add("status-bar");
        connection.setId("status-connection");
        message.setId("status-message");
        zoom.setId("status-zoom");
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        setSpacing(16);
        getChildren().addAll(connection, message, spring, nodes, zoom);
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
                    ? "Connected \u00b7 " + Math.round(c.latencyMicros() / 1000.0) + " ms"
                    : "Local document";
            case CONNECTING -> "Connecting\u2026";
            case RECONNECTING -> "Connection lost \u2014 reconnecting\u2026";
            case CLOSED -> "Disconnected";
        };
        connection.setText(text);
        connection.getStyleClass().removeAll("state-ok", "state-warn", "state-error");
        connection.getStyleClass().add(s == Connection.State.CONNECTED ? "state-ok"
                : s == Connection.State.CLOSED ? "state-error" : "state-warn");
    }

    public void setMessage(String text) {
        message.setText(text);
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
