package dev.easel.app.collab;

import dev.easel.host.session.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Tells the others where this user is: {@code set_cursor} as the pointer moves (at most ~30 times a second,
 * the last position always sent), {@code set_selection} when the selection changes (which locks the
 * selected nodes for an editor) and {@code set_view} when the viewport changes (throttled the same way).
 * JavaFX thread only; calls are fire-and-forget, and a failed one is dropped (the next one supersedes it).
 * While the link is down, cursor and view calls are not queued (each would only be superseded by the next);
 * once it is back, the latest cursor, view and selection are sent again, since the host forgot them (and the
 * selection's locks) when the link dropped.
 */
public final class PresenceSender implements AutoCloseable {
    /** Minimum time between two cursor (or view) calls: ~30 Hz. */
    public static final long INTERVAL_NANOS = 33_000_000L;

    private final Connection connection;
    private long lastCursorSent;
    private double[] pendingCursor;
    private String pendingCursorPage;
    private long lastViewSent;
    private Map<String, Object> pendingView;
    private long cursorCalls;
    /** What was last told (or would have been, had the link been up), to tell again after reconnecting. */
    private Map<String, Object> lastCursor;
    private Map<String, Object> lastView;
    private List<String> lastSelection;
    private boolean closed;
    private final AnimationTimer pump = new AnimationTimer() {
        @Override
        public void handle(long now) {
            flush(now);
        }
    };
    private boolean pumping;

    public PresenceSender(Connection connection) {
        this.connection = connection;
        connection.addStateListener(s -> {
            if (s == Connection.State.CONNECTED) {
                Platform.runLater(this::resend);
            }
        });
    }

    private boolean linkUp() {
        return connection.state() == Connection.State.CONNECTED;
    }

    /** Tells the host again where this user is, after the link came back. */
    private void resend() {
        if (closed) {
            return;
        }
        if (lastView != null && pendingView == null) {
            pendingView = lastView;
        }
        if (lastCursor != null) {
            quiet(connection.call("set_cursor", lastCursor));
        }
        if (lastSelection != null) {
            quiet(connection.call("set_selection", Map.of("ids", lastSelection)));
        }
        if (pendingView != null) {
            sendView(System.nanoTime());
        }
    }

    /** The pointer is at this page point (page id may be null). */
    public void pointerMoved(double wx, double wy, String page) {
        if (closed || !Double.isFinite(wx) || !Double.isFinite(wy)) {
            return;
        }
        pendingCursor = new double[] {wx, wy};
        pendingCursorPage = page;
        long now = System.nanoTime();
        if (now - lastCursorSent >= INTERVAL_NANOS) {
            sendCursor(now);
        } else {
            startPump();
        }
    }

    /** What this user has selected now. */
    public void selectionChanged(List<String> ids) {
        if (!closed) {
            lastSelection = List.copyOf(ids);
            quiet(connection.call("set_selection", Map.of("ids", lastSelection)));
        }
    }

    /** The part of the page this user looks at, and the zoom. */
    public void viewChanged(String page, double zoom, double x, double y, double w, double h) {
        if (closed || !(Double.isFinite(x) && Double.isFinite(y) && w >= 0 && h >= 0)) {
            return;
        }
        Map<String, Object> args = new HashMap<>();
        if (page != null) {
            args.put("page", page);
        }
        args.put("zoom", zoom);
        args.put("x", x);
        args.put("y", y);
        args.put("w", w);
        args.put("h", h);
        pendingView = args;
        long now = System.nanoTime();
        if (now - lastViewSent >= INTERVAL_NANOS * 3) {
            sendView(now);
        } else {
            startPump();
        }
    }

    /** How many set_cursor calls were made (tests check the throttle). */
    public long cursorCalls() {
        return cursorCalls;
    }

    private void flush(long now) {
        now = System.nanoTime();
        if (pendingCursor != null && now - lastCursorSent >= INTERVAL_NANOS) {
            sendCursor(now);
        }
        if (pendingView != null && now - lastViewSent >= INTERVAL_NANOS * 3) {
            sendView(now);
        }
        if (pendingCursor == null && pendingView == null) {
            pump.stop();
            pumping = false;
        }
    }

    private void startPump() {
        if (!pumping) {
            pumping = true;
            pump.start();
        }
    }

    private void sendCursor(long now) {
        double[] p = pendingCursor;
        pendingCursor = null;
        lastCursorSent = now;
        Map<String, Object> args = new HashMap<>();
        args.put("x", p[0]);
        args.put("y", p[1]);
        if (pendingCursorPage != null) {
            args.put("page", pendingCursorPage);
        }
        lastCursor = args;
        if (linkUp()) {
            cursorCalls++;
            quiet(connection.call("set_cursor", args));
        }
    }

    private void sendView(long now) {
        Map<String, Object> args = pendingView;
        pendingView = null;
        lastViewSent = now;
        lastView = args;
        if (linkUp()) {
            quiet(connection.call("set_view", args));
        }
    }

    private static void quiet(java.util.concurrent.CompletableFuture<?> f) {
        f.exceptionally(e -> null);
    }

    @Override
    public void close() {
        closed = true;
        pump.stop();
        pumping = false;
    }
}
