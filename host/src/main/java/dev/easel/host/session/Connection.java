package dev.easel.host.session;

import dev.easel.engine.replica.Replica;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.tx.Identity;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the app holds, hosting or joining alike: a replica of what it subscribed to, reducer calls that
 * complete with the host's answer, and the state of the link. App code never asks which kind it has.
 */
public interface Connection extends AutoCloseable {
    /** The link's state as the status bar shows it. */
    enum State { CONNECTING, CONNECTED, RECONNECTING, CLOSED }

    Schema schema();

    /**
     * What this connection sees. Its listeners run on the thread that applied the change (for a joiner, the
     * network thread that read it), so they must return quickly: hand slow work to another thread.
     */
    Replica replica();

    /** Who this connection acts as (the key fingerprint of this installation). */
    Identity identity();

    /** editor or viewer (the host is an editor). */
    String role();

    /**
     * Subscribes to a query; its rows flow into the replica. Returns the query id, for unsubscribing.
     * A bad query fails the future with a {@link CallFailedException} (code {@code bad_query}).
     */
    CompletableFuture<Long> subscribe(String sql);

    void unsubscribe(long queryId);

    /**
     * Calls a reducer. The future completes with the reducer's return value once the host has committed
     * (durably, where it changed durable tables), or fails with a {@link CallFailedException}.
     */
    default CompletableFuture<Object> call(String reducer, Map<String, Object> args) {
        return call(reducer, args, List.of());
    }

    /**
     * Calls a reducer and shows {@code predicted} in the replica at once; the prediction is dropped when the
     * host's transaction for this call (or its error) arrives.
     */
    CompletableFuture<Object> call(String reducer, Map<String, Object> args, List<Replica.Prediction> predicted);

    /**
     * The largest call this connection carries in one message, arguments and envelope included: a joiner's
     * messages are limited to 1 MiB; the hosting app's calls are not messages at all. Larger data goes in
     * several calls (see {@code ImageUpload}).
     */
    long maxCallBytes();

    State state();

    void addStateListener(Consumer<State> listener);

    /** Round-trip time of the last ping, in microseconds (0 in process). */
    long latencyMicros();

    @Override
    void close();
}
