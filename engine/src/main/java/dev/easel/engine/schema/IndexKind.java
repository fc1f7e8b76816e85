package dev.easel.engine.schema;

/** Hash indexes answer equality; ordered indexes also answer ranges in key order. */
public enum IndexKind {
    HASH,
    ORDERED
}
