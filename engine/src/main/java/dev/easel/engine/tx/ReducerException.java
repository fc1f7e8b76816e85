package dev.easel.engine.tx;

/**
 * A reducer refused its call. The code is stable and machine-readable ({@code bad_argument},
 * {@code not_found}, ...); the message is for people.
 */
public class ReducerException extends RuntimeException {
    public static final String UNKNOWN_REDUCER = "unknown_reducer";
    public static final String BAD_ARGUMENT = "bad_argument";
    public static final String NOT_FOUND = "not_found";
    public static final String CONSTRAINT = "constraint";
    public static final String FORBIDDEN = "forbidden";
    public static final String FAILED = "reducer_failed";
    public static final String CLOSED = "closed";

    private final String code;

    public ReducerException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ReducerException(String code, String message, Throwable cause) {
        super(message, cause, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ReducerException badArgument(String message) {
        return new ReducerException(BAD_ARGUMENT, message);
    }

    public static ReducerException notFound(String message) {
        return new ReducerException(NOT_FOUND, message);
    }
}
