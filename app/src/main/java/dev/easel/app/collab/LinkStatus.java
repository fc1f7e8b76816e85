package dev.easel.app.collab;

/**
 * What the window tells its user about the link to the document: a short line for the status bar and, when
 * there is more to say (reconnecting, or the session is over for good), a headline and a sentence or two for
 * the banner or the dialog.
 */
public record LinkStatus(Phase phase, String text, String headline, String detail) {
    public enum Phase {
        /** A document this app hosts in process: there is no network link to lose. */
        LOCAL,
        CONNECTING,
        CONNECTED,
        /** The link dropped; the connection is trying again by itself, with backoff. */
        RECONNECTING,
        /** The link came back after {@link #RECONNECTING}: what was queued has been resent. */
        RESUMED,
        /** Over for good, not by this window's choice: removed, the session ended, the link replaced. */
        ENDED,
        /** Closed by this window (left the session, opened another document). */
        CLOSED
    }

    /** Whether the link is up (calls go straight to the host). */
    public boolean up() {
        return phase == Phase.LOCAL || phase == Phase.CONNECTED || phase == Phase.RESUMED;
    }
}
