package dev.easel.engine.replica;

import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Row;
import java.util.List;

/** One subscription's part of a transaction, as the replica receives it. */
public record QueryChange(long queryId, TableSchema table, List<Row> inserts, List<RowPatch> updates,
        List<Object> deletes) {
}
