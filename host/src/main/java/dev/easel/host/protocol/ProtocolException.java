package dev.easel.host.protocol;

/** A frame that cannot be decoded into a message, with the error code the host answers it with. */
public final class ProtocolException extends RuntimeException {
    private final String code;

    public ProtocolException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
