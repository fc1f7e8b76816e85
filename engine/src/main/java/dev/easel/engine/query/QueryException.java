package dev.easel.engine.query;

/** A subscription query the engine refuses, with the 1-based character position of the problem. */
public final class QueryException extends RuntimeException {
    private final int position;

    public QueryException(String problem, int position) {
        super(problem + " at position " + position, null, false, false);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
