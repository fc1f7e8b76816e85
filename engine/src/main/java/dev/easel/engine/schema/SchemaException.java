package dev.easel.engine.schema;

/** A schema declaration that cannot work: thrown at declaration time, never later. */
public final class SchemaException extends RuntimeException {
    public SchemaException(String message) {
        super(message);
    }
}
