package dev.easel.host.session;

import dev.easel.engine.Engine;
import dev.easel.engine.query.QueryException;
import dev.easel.engine.replica.Replica;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.subscription.Subscription;
import dev.easel.engine.subscription.SubscriptionListener;
import dev.easel.engine.subscription.TableDelta;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.ReducerException;
import dev.easel.engine.tx.TxInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The hosting app's connection: the engine in process, no sockets, no encoding. Its edits take the same path
 * as a joiner's: a reducer call, then the subscription's delta into the same kind of replica.
 */
public final class LocalConnection implements Connection {
    private final Engine engine;
    private final Identity identity;
    private final OwnCalls ownCalls;
    private final Replica replica;
    private final AtomicLong nextQueryId = new AtomicLong(1);
    private final AtomicLong nextRequestId = new AtomicLong(1);
    private final Map<Long, Subscription> subscriptions = new ConcurrentHashMap<>();
    private volatile State state = State.CONNECTED;

    public LocalConnection(Engine engine, Identity identity, String displayName) {
        this.engine = engine;
        this.identity = identity;
        this.ownCalls = new OwnCalls(identity);
        this.replica = new Replica(engine.schema());
        engine.connect(identity, Args.of("name", displayName, "role", Role.EDITOR.label())).join();
    }

    public Engine engine() {
        return engine;
    }

    @Override
    public Schema schema() {
        return engine.schema();
    }

    @Override
    public Replica replica() {
        return replica;
    }

    @Override
    public Identity identity() {
        return identity;
    }

    @Override
    public String role() {
        return Role.EDITOR.label();
    }

    @Override
    public CompletableFuture<Long> subscribe(String sql) {
        long queryId = nextQueryId.getAndIncrement();
        try {
            Subscription s = engine.subscribe(identity, sql, Map.of(), new ReplicaFeed(queryId),
                    Engine.SubscribeOptions.DEFAULT);
            subscriptions.put(queryId, s);
            return CompletableFuture.completedFuture(queryId);
        } catch (QueryException e) {
            return CompletableFuture.failedFuture(new CallFailedException("bad_query", e.getMessage()));
        }
    }

    @Override
    public void unsubscribe(long queryId) {
        Subscription s = subscriptions.remove(queryId);
        if (s != null) {
            engine.unsubscribe(s);
            replica.dropQuery(queryId);
        }
    }

    @Override
    public CompletableFuture<Object> call(String reducer, Map<String, Object> args, List<Replica.Prediction> predicted) {
        long requestId = nextRequestId.getAndIncrement();
        if (!predicted.isEmpty()) {
            replica.predict(requestId, predicted);
        }
        return engine.call(identity, reducer, new Args(args), new CallTag(identity, requestId))
                .handle((result, error) -> {
                    replica.resolve(requestId);
                    if (error != null) {
                        Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
                        if (cause instanceof ReducerException re) {
                            throw new CallFailedException(re.code(), re.getMessage());
                        }
                        throw new CallFailedException("internal", String.valueOf(cause));
                    }
                    return result.value();
                });
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public long maxCallBytes() {
        return Long.MAX_VALUE; // in process: nothing is framed
    }

    @Override
    public void addStateListener(Consumer<State> listener) {
        // The in-process link is always up until closed.
    }

    @Override
    public long latencyMicros() {
        return 0;
    }

    @Override
    public void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        for (Subscription s : subscriptions.values()) {
            engine.unsubscribe(s);
        }
        subscriptions.clear();
        engine.disconnect(identity);
    }

    /** Feeds one subscription's snapshot and deltas into the replica, resolving our own predictions. */
    private final class ReplicaFeed implements SubscriptionListener {
        private final long queryId;

        ReplicaFeed(long queryId) {
            this.queryId = queryId;
        }

        @Override
        public void onSnapshot(Subscription s, long offset, List<Row> rows) {
            replica.applySnapshot(queryId, s.table(), rows, offset);
        }

        @Override
        public void onDelta(Subscription s, TxInfo tx, TableDelta delta) {
            long requestId = ownCalls.requestId(tx);
            replica.applyTransaction(tx, List.of(Deltas.toQueryChange(queryId, delta)), requestId < 0 ? null : requestId);
        }
    }
}
