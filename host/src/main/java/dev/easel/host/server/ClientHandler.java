package dev.easel.host.server;

import dev.easel.engine.Engine;
import dev.easel.engine.query.QueryException;
import dev.easel.engine.subscription.Subscription;
import dev.easel.engine.subscription.SubscriptionListener;
import dev.easel.engine.subscription.TableDelta;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.CallResult;
import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.ReducerException;
import dev.easel.engine.tx.TxInfo;
import dev.easel.host.identity.DisplayNames;
import dev.easel.host.identity.KeyIdentity;
import dev.easel.host.protocol.Codec;
import dev.easel.host.protocol.ErrorCodes;
import dev.easel.host.protocol.Message;
import dev.easel.host.protocol.ProtocolException;
import dev.easel.host.session.CallTag;
import dev.easel.host.session.Handshake;
import dev.easel.host.session.Outbox;
import dev.easel.host.session.OwnCalls;
import dev.easel.host.session.Role;
import dev.easel.host.session.SchemaInfos;
import dev.easel.host.transport.WebSocketFrames;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's connection to a hosted session: the handshake, then its subscriptions and calls. Everything it
 * sends is checked; a bad message gets an error and changes nothing, and a client that keeps misbehaving is
 * disconnected. Nothing here can stall the engine: outgoing messages wait in the client's own {@link Outbox}.
 */
public final class ClientHandler implements Session.Listener.AutoDemanding {
    private static final Logger LOG = LoggerFactory.getLogger(ClientHandler.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HostedSession hosted;
    private final Engine engine;
    private final Role role;
    private final boolean returningOnly;
    private final Codec decoder;
    private final Codec encoder;
    private final SessionLimits limits;
    private final RateLimiter rate;
    private final Map<Long, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final byte[] nonce = new byte[32];
    private volatile Session socket;
    private volatile Outbox outbox;
    private volatile Identity identity;
    private volatile boolean closed;
    private boolean cleanedUp;
    /** Completes when the socket has closed, whoever began it. */
    private final CompletableFuture<Void> socketClosed = new CompletableFuture<>();
    private int strikes;

    /**
     * {@code returningOnly}: the connection presented a replaced link, which admits only someone who was
     * admitted with it before (their network dropped and they are resuming).
     */
    ClientHandler(HostedSession hosted, Role role, boolean returningOnly, Codec decoder, Codec encoder) {
        this.returningOnly = returningOnly;
        this.hosted = hosted;
        this.engine = hosted.engine();
        this.role = role;
        this.decoder = decoder;
        this.encoder = encoder;
        this.limits = hosted.limits();
        this.rate = new RateLimiter(limits.messagesPerSecond(), limits.burst());
        RANDOM.nextBytes(nonce);
    }

    Identity identity() {
        return identity;
    }

    // ---- socket events -----------------------------------------------------------------------------------

    @Override
    public void onWebSocketOpen(Session session) {
        this.socket = session;
        encoder.shareEncodings(hosted.conversions().encodings());
        this.outbox = new Outbox(this::send, encoder, limits.outboxSoftLimit(), hosted.sendThreads(),
                hosted.pacer(), hosted.conversions());
        hosted.attach(this);
        outbox.add(new Message.Challenge(nonce.clone(), hosted.id()));
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        byte[] frame = new byte[payload.remaining()];
        payload.get(frame);
        callback.succeed();
        receive(frame);
    }

    @Override
    public void onWebSocketText(String text) {
        receive(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        socketClosed.complete(null);
        cleanUp();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("connection error from {}: {}", identity, cause.toString());
        socketClosed.complete(null);
        cleanUp();
    }

    private void send(byte[] frame, boolean binary, Runnable done, java.util.function.Consumer<Throwable> failed) {
        WebSocketFrames.send(socket, frame, binary, done, failed);
    }

    // ---- incoming messages -------------------------------------------------------------------------------

    private void receive(byte[] frame) {
        if (closed) {
            return;
        }
        if (frame.length > limits.maxFrameBytes()) {
            rate.tryAcquire(); // a bad frame costs budget too
            refuse(ErrorCodes.TOO_LARGE, "frame of " + frame.length + " bytes is over the limit of "
                    + limits.maxFrameBytes(), -1);
            return;
        }
        Message m;
        try {
            m = decoder.decode(frame);
        } catch (ProtocolException e) {
            rate.tryAcquire(); // a bad frame costs budget too
            refuse(e.code(), e.getMessage(), -1);
            return;
        }
        // A client batches like the host does; each message in a batch counts against its budget.
        List<Message> messages = m instanceof Message.Batch batch ? batch.messages() : List.of(m);
        for (Message each : messages) {
            if (closed) {
                return;
            }
            if (budgeted(each)) {
                handle(each);
            }
        }
    }

    /**
     * Takes one message from the client's rate budget; a message over budget is answered with
     * {@code rate_limited} (as the result of a call, so the caller's future ends) and not handled.
     */
    private boolean budgeted(Message m) {
        if (rate.tryAcquire()) {
            return true;
        }
        String why = "more than " + limits.messagesPerSecond() + " messages a second; slow down";
        if (m instanceof Message.Call call) {
            outbox.add(new Message.Result(call.requestId(), false, null, ErrorCodes.RATE_LIMITED, why, engine.offset()));
            strike();
        } else {
            refuse(ErrorCodes.RATE_LIMITED, why, -1);
        }
        return false;
    }

    private void handle(Message m) {
        try {
            if (identity == null) {
                handshake(m);
            } else {
                dispatch(m);
            }
        } catch (RuntimeException e) {
            LOG.warn("unexpected failure handling a {} from {}", m.getClass().getSimpleName(), identity, e);
            outbox.add(new Message.Error(ErrorCodes.INTERNAL, "the host could not handle that message", -1));
        }
    }

    private void handshake(Message m) {
        if (!(m instanceof Message.Hello hello)) {
            refuse(ErrorCodes.NOT_AUTHENTICATED, "send hello before anything else", -1);
            return;
        }
        if (hello.version() != Message.VERSION) {
            outbox.add(new Message.Error(ErrorCodes.UNSUPPORTED_VERSION, "this host speaks protocol version "
                    + Message.VERSION + ", not " + hello.version(), -1));
            close(StatusCode.POLICY_VIOLATION, "unsupported version");
            return;
        }
        byte[] publicKey = hello.publicKey();
        if (publicKey == null || hello.signature() == null
                || !KeyIdentity.verify(publicKey, Handshake.signedBytes(hosted.id(), nonce), hello.signature())) {
            outbox.add(new Message.Error(ErrorCodes.BAD_SIGNATURE,
                    "the hello was not signed by the key it presents for this challenge", -1));
            close(StatusCode.POLICY_VIOLATION, "bad signature");
            return;
        }
        Identity who = new Identity(KeyIdentity.fingerprint(publicKey));
        if (hosted.isRemoved(who)) {
            outbox.add(new Message.Error(ErrorCodes.REMOVED, "the host removed you from this session", -1));
            close(Handshake.CLOSE_REMOVED, "removed");
            return;
        }
        if (returningOnly && !hosted.wasAdmitted(who, role)) {
            outbox.add(new Message.Error(ErrorCodes.FORBIDDEN, "this invite link was replaced; ask the host for the new one", -1));
            close(Handshake.CLOSE_LINK_REPLACED, "link replaced");
            return;
        }
        identity = who;
        hosted.admit(who, role);
        if (hosted.arrived(who)) {
            engine.connect(who, Args.of("name", cleanName(hello.displayName()), "role", role.label()));
        }
        Map<Long, String> resume = hello.resumeQueries() == null ? Map.of() : hello.resumeQueries();
        boolean resumed = hello.resumeOffset() >= 0 && !resume.isEmpty() && engine.commitsAfter(hello.resumeOffset()) != null;
        outbox.add(new Message.Welcome(who.id(), role.label(), hosted.id(), SchemaInfos.describe(engine.schema()),
                engine.offset(), hosted.epochMicros(), resumed));
        if (!resume.isEmpty()) {
            resume(resume, hello.resumeOffset());
        }
    }

    /** Brings back a reconnecting client's subscriptions: missed commits if the engine holds them, else snapshots. */
    private void resume(Map<Long, String> queries, long after) {
        if (queries.size() > limits.maxSubscriptions()) {
            refuse(ErrorCodes.FORBIDDEN, "at most " + limits.maxSubscriptions() + " subscriptions per client", -1);
            return;
        }
        List<Long> ids = new ArrayList<>(queries.keySet());
        List<Engine.ResumedQuery> resumed = new ArrayList<>();
        for (Long id : ids) {
            resumed.add(new Engine.ResumedQuery(queries.get(id), new Feed(id)));
        }
        List<Subscription> subs = null;
        if (after >= 0) {
            try {
                subs = engine.resume(identity, resumed, after);
            } catch (QueryException e) {
                subs = null;
            }
        }
        if (subs == null) {
            for (Long id : ids) {
                subscribe(id, queries.get(id));
            }
            return;
        }
        for (int i = 0; i < ids.size(); i++) {
            subscriptions.put(ids.get(i), subs.get(i));
        }
    }

    private static String cleanName(String name) {
        String n = DisplayNames.tidy(name);
        return n.isEmpty() ? "Guest" : n;
    }

    private void dispatch(Message m) {
        if (m instanceof Message.Call call) {
            call(call);
        } else if (m instanceof Message.Subscribe s) {
            subscribe(s.queryId(), s.sql());
        } else if (m instanceof Message.Unsubscribe u) {
            Subscription s = subscriptions.remove(u.queryId());
            if (s == null) {
                refuse(ErrorCodes.UNKNOWN_QUERY, "no subscription with id " + u.queryId(), u.queryId());
            } else {
                engine.unsubscribe(s);
            }
        } else if (m instanceof Message.Ping p) {
            outbox.add(new Message.Pong(p.payload()));
        } else if (m instanceof Message.Hello) {
            refuse(ErrorCodes.MALFORMED, "hello was already accepted on this connection", -1);
        } else {
            refuse(ErrorCodes.UNKNOWN_TYPE, "clients do not send " + m.getClass().getSimpleName().toLowerCase(), -1);
        }
    }

    private void subscribe(long queryId, String sql) {
        if (subscriptions.containsKey(queryId)) {
            refuse(ErrorCodes.DUPLICATE_QUERY, "subscription id " + queryId + " is already in use", queryId);
            return;
        }
        if (subscriptions.size() >= limits.maxSubscriptions()) {
            refuse(ErrorCodes.FORBIDDEN, "at most " + limits.maxSubscriptions() + " subscriptions per client", queryId);
            return;
        }
        try {
            Subscription s = engine.subscribe(identity, sql, Map.of(), new Feed(queryId), Engine.SubscribeOptions.DEFAULT);
            subscriptions.put(queryId, s);
        } catch (QueryException e) {
            refuse(ErrorCodes.BAD_QUERY, e.getMessage(), queryId);
        } catch (IllegalStateException e) {
            outbox.add(new Message.Error(ErrorCodes.CLOSED, "the session is ending", queryId));
        }
    }

    private void call(Message.Call call) {
        long requestId = call.requestId();
        if (!role.mayCall(call.reducer())) {
            outbox.add(new Message.Result(requestId, false, null, ErrorCodes.FORBIDDEN,
                    "a " + role.label() + " may not call " + call.reducer(), engine.offset()));
            return;
        }
        CompletableFuture<Message.Result> fresh = new CompletableFuture<>();
        CompletableFuture<Message.Result> earlier = hosted.requestLog(identity).claim(requestId, fresh);
        Outbox out = outbox;
        if (earlier != null) {
            earlier.thenAccept(out::add);
            return;
        }
        fresh.thenAccept(out::add);
        Args args = call.args() == null ? Args.EMPTY : new Args(call.args());
        CompletableFuture<CallResult> done = engine.call(identity, call.reducer(), args, new CallTag(identity, requestId));
        done.whenComplete((r, error) -> {
            if (error == null) {
                fresh.complete(new Message.Result(requestId, true, r.value(), null, null, r.offset()));
            } else {
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                String code = cause instanceof ReducerException re ? re.code() : ErrorCodes.INTERNAL;
                fresh.complete(new Message.Result(requestId, false, null, code, cause.getMessage(), engine.offset()));
            }
        });
        if (done.isDone()) {
            // The call ran on this thread (or was run meanwhile): it sends the first frames while the send threads
            // wake up. Not when the call is still waiting for the disk: then the thread that completes it is the
            // one writing the document, and sending there cut durable transfers from 110k to 36k a second.
            hosted.sendThreads().help();
        }
    }

    /** Answers a bad message with an error, and disconnects a client that keeps sending them. */
    private void refuse(String code, String message, long requestId) {
        outbox.add(new Message.Error(code, message, requestId));
        strike();
    }

    private void strike() {
        if (++strikes == limits.strikesBeforeDisconnect()) {
            LOG.info("disconnecting {}: {} refused messages", identity, strikes);
            close(StatusCode.POLICY_VIOLATION, "too many bad messages");
        }
    }

    // ---- outgoing data -----------------------------------------------------------------------------------

    /** Turns one subscription's rows and deltas into messages for this client. */
    private final class Feed implements SubscriptionListener {
        private final long queryId;
        private final OwnCalls ownCalls = new OwnCalls(identity);

        Feed(long queryId) {
            this.queryId = queryId;
        }

        @Override
        public void onSnapshot(Subscription s, long offset, List<Row> rows) {
            List<Object[]> values = new ArrayList<>(rows.size());
            for (Row r : rows) {
                values.add(r.toArray());
            }
            outbox.add(new Message.Snapshot(queryId, s.table().id(), offset, values));
        }

        @Override
        public void onDelta(Subscription s, TxInfo tx, TableDelta delta) {
            outbox.park(queryId, tx, delta, ownCalls.requestId(tx));
        }
    }

    // ---- ending ------------------------------------------------------------------------------------------

    void closeRemoved() {
        outbox.add(new Message.Error(ErrorCodes.REMOVED, "the host removed you from this session", -1));
        close(Handshake.CLOSE_REMOVED, "removed");
    }

    /** Closes with "session ended"; completes once the close frame went out (or could not). */
    CompletableFuture<Void> closeEnding() {
        return close(Handshake.CLOSE_SESSION_ENDED, "the host ended the session");
    }

    /** Drops the TCP connection without a close handshake, as a failing network would. */
    void dropConnection() {
        Session s = socket;
        if (s != null) {
            s.disconnect();
        }
    }

    /**
     * Closes once the messages already queued (such as the reason for closing) have gone out; the future
     * completes when the close frame has been sent or failed to be, or the socket closed anyway (the client
     * was closing it already).
     */
    private CompletableFuture<Void> close(int code, String reason) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        Outbox o = outbox;
        Runnable closeSocket = () -> {
            Session s = socket;
            if (s != null && s.isOpen()) {
                s.close(code, reason, Callback.from(() -> sent.complete(null), failure -> sent.complete(null)));
            } else {
                sent.complete(null);
            }
            cleanUp();
        };
        if (o == null) {
            closeSocket.run();
        } else {
            closed = true;
            o.whenDrained(closeSocket);
        }
        return CompletableFuture.anyOf(sent, socketClosed).thenApply(done -> null);
    }

    private void cleanUp() {
        synchronized (this) {
            if (cleanedUp) {
                return;
            }
            cleanedUp = true;
            closed = true;
        }
        for (Subscription s : subscriptions.values()) {
            engine.unsubscribe(s);
        }
        subscriptions.clear();
        hosted.detach(this);
        Identity who = identity;
        if (who != null && hosted.left(who)) {
            engine.disconnect(who);
        }
        Outbox o = outbox;
        if (o != null) {
            // Let what is queued (such as the reason for a refusal) go out before the socket closes.
            o.close();
        }
    }
}
