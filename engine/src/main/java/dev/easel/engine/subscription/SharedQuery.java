package dev.easel.engine.subscription;

import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.tx.RowChange;

/**
 * What the subscriptions of one query have in common: whether a row change touches it, and the delta built for
 * the commit being evaluated. A hundred clients subscribed to {@code SELECT * FROM cursor} cost one delta per
 * commit, which all their listeners receive (deltas are not changed once delivered). Writer lock only.
 */
final class SharedQuery {
    final Object key;
    int subscribers;
    private RowChange lastChange;
    private boolean touched;
    private long round;
    private TableDelta delta;

    SharedQuery(Object key) {
        this.key = key;
    }

    /**
     * Folds {@code change} into this commit's delta the first time any of the query's subscriptions sees it, and
     * says whether it touches the query's rows.
     */
    boolean offer(Subscription s, TableSchema table, RowChange change, long evaluation) {
        if (change != lastChange) {
            lastChange = change;
            boolean was = change.before() != null && s.matches(change.before());
            boolean is = change.after() != null && s.matches(change.after());
            touched = was || is;
            if (touched) {
                if (round != evaluation) {
                    round = evaluation;
                    delta = new TableDelta(table);
                }
                SubscriptionManager.add(delta, change, was, is);
            }
        }
        return touched;
    }

    /** The delta of the evaluation in progress (valid once {@link #offer} returned true in it). */
    TableDelta delta() {
        return delta;
    }
}
