package dev.easel.engine.replica;

/** An update as it travels: the primary key, and new values for the listed column positions only. */
public record RowPatch(Object primaryKey, int[] columns, Object[] values) {
}
