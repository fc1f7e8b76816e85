package dev.easel.host.client;

/** Joining a session failed, with a message fit to show the person who pasted the link. */
public final class JoinException extends RuntimeException {
    public JoinException(String message) {
        super(message);
    }

    public JoinException(String message, Throwable cause) {
        super(message, cause);
    }
}
