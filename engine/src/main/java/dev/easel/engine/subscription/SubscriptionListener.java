package dev.easel.engine.subscription;

import dev.easel.engine.table.Row;
import dev.easel.engine.tx.TxInfo;
import java.util.List;

/**
 * Receives one subscription's rows: a snapshot first, then one delta per transaction that touched them, in
 * offset order. Called on the engine's writer (or durability) thread: hand the work off, do not block.
 */
public interface SubscriptionListener {
    /** The matching rows as of {@code offset}, taken between two commits. */
    void onSnapshot(Subscription subscription, long offset, List<Row> rows);

    void onDelta(Subscription subscription, TxInfo tx, TableDelta delta);
}
