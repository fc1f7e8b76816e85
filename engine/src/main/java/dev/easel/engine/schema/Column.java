package dev.easel.engine.schema;

/** One typed column of a table. {@code defaultValue} fills the column when an insert leaves it out. */
public record Column(String name, int position, ColumnType type, boolean nullable, Object defaultValue) {
}
