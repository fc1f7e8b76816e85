package dev.easel.engine.tx;

/**
 * A named transactional function. Whatever it throws rolls back everything it did; what it returns reaches
 * the caller (strings, numbers, booleans, lists and maps of them, or null).
 */
@FunctionalInterface
public interface Reducer {
    Object run(ReducerContext ctx, Args args);
}
