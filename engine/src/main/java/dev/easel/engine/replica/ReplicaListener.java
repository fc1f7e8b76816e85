package dev.easel.engine.replica;

import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Row;

/**
 * Told what changed in the replica's visible rows, after each whole transaction (or snapshot, or prediction)
 * has been applied: never in the middle of one.
 */
public interface ReplicaListener {
    default void onInsert(TableSchema table, Row row) {
    }

    default void onUpdate(TableSchema table, Row before, Row after) {
    }

    default void onDelete(TableSchema table, Row row) {
    }

    /** After the callbacks of one batch of changes; {@code offset} is the last transaction applied. */
    default void onApplied(long offset) {
    }
}
