package dev.easel.engine.store;

/** A document file that cannot be opened or written, with a message a person can act on. */
public final class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
