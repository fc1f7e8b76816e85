package dev.easel.engine.tx;

/**
 * A reducer's successful outcome: the offset its commit got (or the last offset, if it changed nothing) and
 * the value it returned.
 */
public record CallResult(long offset, Object value, boolean changed) {
}
