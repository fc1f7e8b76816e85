package dev.easel.host.protocol;

/** The error codes a host sends; PROTOCOL.md lists what each means. */
public final class ErrorCodes {
    public static final String MALFORMED = "malformed";
    public static final String TOO_LARGE = "too_large";
    public static final String UNKNOWN_TYPE = "unknown_type";
    public static final String UNSUPPORTED_VERSION = "unsupported_version";
    public static final String NOT_AUTHENTICATED = "not_authenticated";
    public static final String BAD_SIGNATURE = "bad_signature";
    public static final String FORBIDDEN = "forbidden";
    public static final String BAD_QUERY = "bad_query";
    public static final String UNKNOWN_QUERY = "unknown_query";
    public static final String DUPLICATE_QUERY = "duplicate_query";
    public static final String RATE_LIMITED = "rate_limited";
    public static final String UNKNOWN_REDUCER = "unknown_reducer";
    public static final String BAD_ARGUMENT = "bad_argument";
    public static final String NOT_FOUND = "not_found";
    public static final String CONSTRAINT = "constraint";
    public static final String REDUCER_FAILED = "reducer_failed";
    public static final String CLOSED = "closed";
    public static final String REMOVED = "removed";
    public static final String INTERNAL = "internal";

    private ErrorCodes() {
    }
}
