package dev.easel.engine.subscription;

import dev.easel.engine.table.Row;

/**
 * An update as a subscriber sees it: the row before and after, and the positions of the columns that changed.
 * Only those columns (with the primary key) go on the wire.
 */
public record RowUpdate(Row before, Row after, int[] changedColumns) {
}
