package dev.easel.engine.schema;

/** A secondary index over one column; {@code unique} makes it a unique constraint as well. */
public record IndexDef(String name, int column, IndexKind kind, boolean unique) {
}
