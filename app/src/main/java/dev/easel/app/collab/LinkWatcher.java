package dev.easel.app.collab;

import dev.easel.app.collab.LinkStatus.Phase;
import dev.easel.host.client.RemoteConnection;
import dev.easel.host.protocol.ErrorCodes;
import dev.easel.host.session.CallFailedException;
import dev.easel.host.session.Connection;
import java.util.Set;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * Turns a connection's states (and, for a joiner, the host's last word before it closed) into
 * {@link LinkStatus}es for the window, on the JavaFX thread: once per change, and once a second while connected
 * (the latency) or reconnecting (how long ago the link was lost). {@link #close()} it before closing the
 * connection on purpose, so that only closes the window did not ask for are reported as the end.
 */
public final class LinkWatcher implements AutoCloseable {
    /** Host errors that explain why a link was closed for good. */
    private static final Set<String> FINAL_CODES = Set.of(ErrorCodes.REMOVED, ErrorCodes.CLOSED, ErrorCodes.FORBIDDEN,
            ErrorCodes.BAD_SIGNATURE, ErrorCodes.UNSUPPORTED_VERSION);
    /** How long a close without a reason waits for the host's reason, which may be reported a moment later. */
    private static final Duration REASON_GRACE = Duration.millis(250);

    private final Connection connection;
    private final RemoteConnection remote;
    private final Consumer<LinkStatus> listener;
    private final Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> publish()));
    /** The host's last error that could explain a close (written on the network thread). */
    private volatile CallFailedException reason;
    // JavaFX thread only.
    private Connection.State shown;
    private long lostAtNanos;
    private boolean ended;
    private boolean graceStarted;
    private boolean graceOver;
    private boolean closed;
    private LinkStatus current;

    /** Starts watching at once; {@code listener} runs on the JavaFX thread (so call this there). */
    public LinkWatcher(Connection connection, Consumer<LinkStatus> listener) {
        this.connection = connection;
        this.remote = connection instanceof RemoteConnection r ? r : null;
        this.listener = listener;
        connection.addStateListener(s -> Platform.runLater(this::publish));
        if (remote != null) {
            remote.addErrorListener(e -> {
                if (FINAL_CODES.contains(e.code())) {
                    reason = e;
                    Platform.runLater(this::publish);
                }
            });
        }
        tick.setCycleCount(Animation.INDEFINITE);
        if (remote != null) {
            tick.play();
        }
        publish();
    }

    /** What was last reported. */
    public LinkStatus current() {
        return current;
    }

    private void publish() {
        if (closed || ended) {
            return;
        }
        Connection.State s = connection.state();
        Connection.State before = shown;
        shown = s;
        LinkStatus next = switch (s) {
            case CONNECTING -> new LinkStatus(Phase.CONNECTING, "Connecting\u2026", null, null);
            case CONNECTED -> connected(before);
            case RECONNECTING -> reconnecting(before);
            // A document hosted in process is only ever closed by this window.
            case CLOSED -> remote == null ? null : closedStatus();
        };
        if (next == null) {
            return;
        }
        if (next.phase() == Phase.ENDED) {
            ended = true;
            tick.stop();
        }
        current = next;
        listener.accept(next);
    }

    private LinkStatus connected(Connection.State before) {
        if (remote == null) {
            return new LinkStatus(Phase.LOCAL, "Local document", null, null);
        }
        if (before != Connection.State.CONNECTED) {
            // Welcomed (again): an error from an earlier link explains nothing any more. While connected it is
            // kept, since the host may send its reason just before it closes the link.
            reason = null;
        }
        long micros = connection.latencyMicros();
        String text = micros > 0 ? "Connected \u00b7 " + latency(micros) : "Connected";
        if (before == Connection.State.RECONNECTING) {
            long secs = Math.round((System.nanoTime() - lostAtNanos) / 1e9);
            return new LinkStatus(Phase.RESUMED, text, "Reconnected" + (secs >= 2 ? " after " + secs + " s" : "")
                    + " \u2014 changes made meanwhile were sent", null);
        }
        return new LinkStatus(Phase.CONNECTED, text, null, null);
    }

    private LinkStatus reconnecting(Connection.State before) {
        if (before != Connection.State.RECONNECTING) {
            lostAtNanos = System.nanoTime();
        }
        long secs = Math.round((System.nanoTime() - lostAtNanos) / 1e9);
        String where = remote.invite().host() + ":" + remote.invite().port();
        String waiting = remote.unansweredCalls() > 0 ? " Changes made now are kept and sent when the link is back."
                : " You can keep working: changes are sent when the link is back.";
        return new LinkStatus(Phase.RECONNECTING, "Reconnecting\u2026",
                "Connection to the host lost \u2014 reconnecting\u2026" + (secs >= 2 ? " (" + secs + " s)" : ""),
                "Trying " + where + " again by itself. Your view stays as it is." + waiting);
    }

    /**
     * The end of the link, explained by the host's last error. A joiner's close may be reported just before
     * the error that explains it, so without one this waits {@link #REASON_GRACE} (null meanwhile).
     */
    private LinkStatus closedStatus() {
        CallFailedException why = reason;
        if (why == null && remote != null && !graceOver) {
            if (!graceStarted) {
                graceStarted = true;
                PauseTransition wait = new PauseTransition(REASON_GRACE);
                wait.setOnFinished(e -> {
                    graceOver = true;
                    publish();
                });
                wait.play();
            }
            return null;
        }
        return ended(why);
    }

    private LinkStatus ended(CallFailedException why) {
        String code = why == null ? "" : why.code();
        String message = why == null ? "" : String.valueOf(why.getMessage());
        String keep = " What you see stays on screen, but it no longer updates and cannot be changed.";
        if (code.equals(ErrorCodes.REMOVED)) {
            return new LinkStatus(Phase.ENDED, "Removed from the session", "The host removed you from this session",
                    keep.strip() + " Ask the host to invite you again if this was a mistake.");
        }
        if (code.equals(ErrorCodes.FORBIDDEN)) {
            return new LinkStatus(Phase.ENDED, "Invite link replaced", "The host replaced the invite link",
                    "Ask the host for the new link, then use File > Join Session\u2026 to come back." + keep);
        }
        if (code.equals(ErrorCodes.CLOSED) && message.contains("ended")) {
            return new LinkStatus(Phase.ENDED, "Session ended", "The session has ended",
                    "The host ended the session or replaced its invite link." + keep
                            + " To go on, ask the host for a new link and use File > Join Session\u2026");
        }
        if (why != null) {
            return new LinkStatus(Phase.ENDED, "Disconnected", "The host closed the connection",
                    "The host said: " + message + "." + keep);
        }
        return new LinkStatus(Phase.ENDED, "Disconnected", "The connection to the host was closed", keep.strip());
    }

    private static String latency(long micros) {
        return micros < 1000 ? "< 1 ms" : Math.round(micros / 1000.0) + " ms";
    }

    /** Stops reporting (the window is about to close the connection itself, or show another document). */
    @Override
    public void close() {
        closed = true;
        tick.stop();
    }
}
