package dev.easel.engine.table;

/** A write that would break a table's rules: duplicate key, null in a non-null column, wrong type. */
public final class ConstraintViolation extends RuntimeException {
    public ConstraintViolation(String message) {
        super(message, null, false, false);
    }
}
