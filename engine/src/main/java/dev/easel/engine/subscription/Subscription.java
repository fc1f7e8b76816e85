package dev.easel.engine.subscription;

import dev.easel.engine.query.EqualityKey;
import dev.easel.engine.query.Query;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Identity;

/** One live query of one subscriber. Cancel it with {@link dev.easel.engine.Engine#unsubscribe}. */
public final class Subscription {
    private final long id;
    private final Identity subscriber;
    private final Query.Bound query;
    private final SubscriptionListener listener;
    private final boolean durableOnly;
    private volatile boolean active = true;
    /** The evaluation this subscription was last handed a delta in (writer lock only). */
    long scratchRound;
    /** What it shares with every subscription matching the same rows (set when filed). */
    SharedQuery shared;

    Subscription(long id, Identity subscriber, Query.Bound query, SubscriptionListener listener, boolean durableOnly) {
        this.id = id;
        this.subscriber = subscriber;
        this.query = query;
        this.listener = listener;
        this.durableOnly = durableOnly;
    }

    public long id() {
        return id;
    }

    public Identity subscriber() {
        return subscriber;
    }

    public TableSchema table() {
        return query.table();
    }

    public String sql() {
        return query.query().sql();
    }

    public boolean matches(Row row) {
        return query.matches(row);
    }

    Object sameRowsKey() {
        return query.sameRowsKey();
    }

    EqualityKey equalityKey() {
        return query.equalityKey();
    }

    public SubscriptionListener listener() {
        return listener;
    }

    /** True if this subscriber sees a commit only once it is on disk. */
    public boolean durableOnly() {
        return durableOnly;
    }

    public boolean active() {
        return active;
    }

    void cancel() {
        active = false;
    }

    @Override
    public String toString() {
        return "subscription " + id + " (" + sql() + ")";
    }
}
