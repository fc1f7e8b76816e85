package dev.easel.host.session;

/** A reducer call or subscription the host refused, with its error code (see PROTOCOL.md) and message. */
public final class CallFailedException extends RuntimeException {
    private final String code;

    public CallFailedException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code + ": " + getMessage();
    }
}
