package dev.easel.host.client;

import dev.easel.engine.replica.QueryChange;
import dev.easel.engine.replica.Replica;
import dev.easel.engine.replica.RowPatch;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.TxInfo;
import dev.easel.host.identity.KeyIdentity;
import dev.easel.host.protocol.Codec;
import dev.easel.host.protocol.Codecs;
import dev.easel.host.protocol.ErrorCodes;
import dev.easel.host.protocol.Limits;
import dev.easel.host.protocol.Message;
import dev.easel.host.protocol.ProtocolException;
import dev.easel.host.session.CallFailedException;
import dev.easel.host.session.Connection;
import dev.easel.host.session.Handshake;
import dev.easel.host.session.Invite;
import dev.easel.host.session.Outbox;
import dev.easel.host.session.SchemaInfos;
import dev.easel.host.transport.WebSocketFrames;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A joiner's connection: a WebSocket to the host, a replica fed by snapshots and transactions, reducer calls
 * answered by the host. When the link drops it reconnects by itself with backoff, resumes from the last offset
 * it applied, and resends the calls still unanswered (request ids make them idempotent at the host).
 */
public final class RemoteConnection implements Connection {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteConnection.class);

    /** Encoding, timeouts and backoff; {@link #DEFAULT} uses the binary encoding. */
    public record Options(String subprotocol, Duration joinTimeout, Duration minBackoff, Duration maxBackoff,
            Duration pingInterval) {
        public static final Options DEFAULT = new Options(Codecs.CBOR, Duration.ofSeconds(10),
                Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ofSeconds(2));

        public Options withSubprotocol(String p) {
            return new Options(p, joinTimeout, minBackoff, maxBackoff, pingInterval);
        }
    }

    private final Invite invite;
    private final KeyIdentity keys;
    private final String displayName;
    private final Options options;
    private final WebSocketClient client = ClientRuntime.client();
    private final ScheduledExecutorService timer = ClientRuntime.timer();
    private java.util.concurrent.ScheduledFuture<?> pinger;
    private final AtomicLong nextQueryId = new AtomicLong(1);
    private final Map<Long, String> queries = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Long>> pendingSubscriptions = new ConcurrentHashMap<>();
    private final UnansweredCalls unanswered = new UnansweredCalls();
    private final List<Consumer<State>> stateListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<CallFailedException>> errorListeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> firstWelcome = new CompletableFuture<>();

    private volatile State state = State.CONNECTING;
    private volatile Session socket;
    private volatile Outbox outbox;
    private volatile Codec decoder;
    private volatile Schema schema;
    private volatile Replica replica;
    private volatile Identity identity;
    private volatile String role;
    /** Whether the last welcome resumed the subscriptions from the commits missed (else they reloaded). */
    private volatile boolean caughtUpByResuming;
    private volatile long latencyMicros;
    private volatile boolean userClosed;
    private long generation;
    private final ResumePoint resumePoint = new ResumePoint();
    private long backoffMillis;
    private long framesReceived;

    private RemoteConnection(Invite invite, KeyIdentity keys, String displayName, Options options) {
        this.invite = invite;
        this.keys = keys;
        this.displayName = displayName;
        this.options = options;
        this.backoffMillis = options.minBackoff().toMillis();
    }

    /**
     * Joins the session an invite link names, returning once the host has welcomed us. Throws
     * {@link JoinException} with a message for the user if the link is refused or the host cannot be reached.
     */
    public static RemoteConnection join(Invite invite, KeyIdentity keys, String displayName, Options options) {
        RemoteConnection c = new RemoteConnection(invite, keys, displayName, options);
        c.connect();
        try {
            c.firstWelcome.get(options.joinTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            c.close();
            throw new JoinException("the host at " + invite.host() + ":" + invite.port() + " did not answer in time");
        } catch (ExecutionException e) {
            c.close();
            Throwable cause = e.getCause();
            throw cause instanceof JoinException je ? je : new JoinException(String.valueOf(cause.getMessage()), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            c.close();
            throw new JoinException("interrupted while joining");
        }
        c.pinger = c.timer.scheduleAtFixedRate(c::ping, options.pingInterval().toMillis(), options.pingInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        return c;
    }

    // ---- Connection --------------------------------------------------------------------------------------

    @Override
    public Schema schema() {
        return schema;
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
        return role;
    }

    /**
     * After a reconnect: true if the host sent the transactions missed while away, false if it no longer held
     * them all and every subscription reloaded from a snapshot (the replica reports the net change either way).
     */
    public boolean caughtUpByResuming() {
        return caughtUpByResuming;
    }

    public Invite invite() {
        return invite;
    }

    @Override
    public CompletableFuture<Long> subscribe(String sql) {
        long queryId = nextQueryId.getAndIncrement();
        CompletableFuture<Long> f = new CompletableFuture<>();
        pendingSubscriptions.put(queryId, f);
        queries.put(queryId, sql);
        if (state == State.CONNECTED) {
            send(new Message.Subscribe(queryId, sql));
        }
        return f;
    }

    @Override
    public void unsubscribe(long queryId) {
        if (queries.remove(queryId) != null) {
            if (state == State.CONNECTED) {
                send(new Message.Unsubscribe(queryId));
            }
            replica.dropQuery(queryId);
        }
    }

    @Override
    public CompletableFuture<Object> call(String reducer, Map<String, Object> args, List<Replica.Prediction> predicted) {
        CompletableFuture<Object> f = new CompletableFuture<>();
        if (userClosed) {
            f.completeExceptionally(new CallFailedException(ErrorCodes.CLOSED, "the connection is closed"));
            return f;
        }
        UnansweredCalls.Call call = unanswered.add(reducer, args, f);
        if (!predicted.isEmpty()) {
            replica.predict(call.requestId(), predicted);
        }
        if (state == State.CONNECTED) {
            send(call.message());
        }
        return f;
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public long maxCallBytes() {
        return Limits.MAX_FRAME_BYTES;
    }

    @Override
    public void addStateListener(Consumer<State> listener) {
        stateListeners.add(listener);
    }

    /** Told of errors the host sent that belong to no call (rate limits, refused messages). */
    public void addErrorListener(Consumer<CallFailedException> listener) {
        errorListeners.add(listener);
    }

    @Override
    public long latencyMicros() {
        return latencyMicros;
    }

    /** Calls sent or queued that the host has not answered yet. */
    public int unansweredCalls() {
        return unanswered.size();
    }

    // ---- connecting --------------------------------------------------------------------------------------

    private synchronized void connect() {
        if (userClosed) {
            return;
        }
        long gen = ++generation;
        ClientUpgradeRequest request = new ClientUpgradeRequest();
        request.setSubProtocols(options.subprotocol());
        try {
            client.connect(new Endpoint(gen), invite.webSocketUri(), request).whenComplete((s, error) -> {
                if (error != null) {
                    connectFailed(gen, error);
                }
            });
        } catch (java.io.IOException e) {
            connectFailed(gen, e);
        }
    }

    private void connectFailed(long gen, Throwable error) {
        String message = describe(error);
        if (isRefusal(error)) {
            if (!firstWelcome.isDone()) {
                firstWelcome.completeExceptionally(new JoinException(message));
                return;
            }
            // Refused on reconnecting: the host ended the session or replaced the link. Stop, and say so.
            userClosed = true;
            CallFailedException ended = new CallFailedException(ErrorCodes.CLOSED, message);
            failAll(ended);
            setState(State.CLOSED);
            for (Consumer<CallFailedException> l : errorListeners) {
                l.accept(ended);
            }
            return;
        }
        LOG.debug("connecting to {} failed: {}", invite.host(), message);
        if (!firstWelcome.isDone() && backoffMillis >= options.maxBackoff().toMillis()) {
            firstWelcome.completeExceptionally(new JoinException(message, error));
            return;
        }
        scheduleReconnect(gen);
    }

    /** True if the host answered the upgrade with a refusal (400, 403, 404): retrying will not help. */
    private static boolean isRefusal(Throwable error) {
        int status = upgradeStatus(error);
        return status == 400 || status == 403 || status == 404;
    }

    /** The HTTP status of a refused WebSocket upgrade anywhere in the cause chain, or -1 for any other failure. */
    private static int upgradeStatus(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.websocket.api.exceptions.UpgradeException u) {
                return u.getResponseStatusCode();
            }
        }
        return -1;
    }

    private String describe(Throwable error) {
        int status = upgradeStatus(error);
        if (status == 403 || status == 404) {
            return "the invite link is not valid: the session has ended or the link was replaced";
        }
        if (status > 0) {
            return "the host at " + invite.host() + ":" + invite.port() + " refused to connect (HTTP " + status + ")";
        }
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof java.net.ConnectException) {
            return "nobody is hosting at " + invite.host() + ":" + invite.port();
        }
        if (root instanceof java.net.UnknownHostException) {
            return "cannot find the host " + invite.host() + " (check the link and your network)";
        }
        return "could not reach " + invite.host() + ":" + invite.port() + " ("
                + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage()) + ")";
    }

    private synchronized void scheduleReconnect(long gen) {
        if (userClosed || gen != generation) {
            return;
        }
        setState(State.RECONNECTING);
        long delay = backoffMillis;
        backoffMillis = Math.min(options.maxBackoff().toMillis(), backoffMillis * 2);
        timer.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void setState(State s) {
        if (state != s) {
            state = s;
            for (Consumer<State> l : stateListeners) {
                l.accept(s);
            }
        }
    }

    // ---- incoming ----------------------------------------------------------------------------------------

    private void onOpen(long gen, Session session, String subprotocol) {
        synchronized (this) {
            if (gen != generation || userClosed) {
                session.close();
                return;
            }
            socket = session;
            String chosen = subprotocol == null || subprotocol.isEmpty() ? Codecs.JSON : subprotocol;
            decoder = Codecs.forHostFrames(chosen);
            Outbox previous = outbox;
            if (previous != null) {
                previous.close();
            }
            // Calls are never merged: the soft limit only concerns transactions, which a client does not send.
            Outbox.Sender toSocket = (frame, binary, done, failed) ->
                    WebSocketFrames.send(session, frame, binary, done, failed);
            outbox = new Outbox(toSocket, Codecs.create(chosen), Integer.MAX_VALUE,
                    new InlineWhenQuiet(ClientRuntime.sender()));
            outbox.refuseUnsendable(Limits.MAX_FRAME_BYTES, this::unsendable);
        }
    }

    /**
     * A call (or subscription) the host could not accept, too large or not encodable, fails here at once: sent,
     * the whole frame would be refused and the call never answered.
     */
    private void unsendable(Message m, String code, String reason) {
        if (m instanceof Message.Call c) {
            answer(new Message.Result(c.requestId(), false, null, code, reason, resumePoint.lastTxOffset()));
        } else if (m instanceof Message.Subscribe sub) {
            error(new Message.Error(code, reason, sub.queryId()));
        } else {
            LOG.error("a {} could not be sent: {}", m.getClass().getSimpleName(), reason);
        }
    }

    /** A frame of the current socket's decoded; null for a stale socket's or an undecodable one. */
    private Message decode(long gen, ByteBuffer frame) {
        if (gen != generation) {
            return null;
        }
        framesReceived++;
        try {
            return decoder.decode(frame);
        } catch (ProtocolException e) {
            LOG.warn("undecodable message from the host: {}", e.getMessage());
            return null;
        }
    }

    private void onMessage(Message m) {
        if (m != null) {
            handle(m);
        }
    }

    private void handle(Message m) {
        if (m instanceof Message.Batch b) {
            // Consecutive transactions of one frame apply as one step; anything else keeps its place.
            List<Replica.Transaction> run = new ArrayList<>();
            for (Message inner : b.messages()) {
                if (inner instanceof Message.Tx tx) {
                    run.add(toTransaction(tx));
                } else {
                    applyRun(run);
                    handle(inner);
                }
            }
            applyRun(run);
        } else if (m instanceof Message.Tx tx) {
            replica.applyTransactions(List.of(toTransaction(tx)));
        } else if (m instanceof Message.Result r) {
            answer(r);
        } else if (m instanceof Message.Snapshot s) {
            TableSchema t = schema.table(s.tableId());
            List<Row> rows = new ArrayList<>(s.rows().size());
            for (Object[] values : s.rows()) {
                rows.add(Row.wrap(SchemaInfos.coerceRow(t, values)));
            }
            replica.applySnapshot(s.queryId(), t, rows, s.offset());
            resumePoint.snapshot(s.queryId(), s.offset());
            CompletableFuture<Long> f = pendingSubscriptions.remove(s.queryId());
            if (f != null) {
                f.complete(s.queryId());
            }
        } else if (m instanceof Message.Challenge c) {
            byte[] signed = Handshake.signedBytes(c.sessionId(), c.nonce());
            Map<Long, String> resume = resumePoint.resumable(queries);
            send(new Message.Hello(Message.VERSION, keys.publicKey(), keys.sign(signed), displayName,
                    resumePoint.offsetFor(resume.keySet()), resume));
        } else if (m instanceof Message.Welcome w) {
            welcomed(w);
        } else if (m instanceof Message.Pong p) {
            latencyMicros = (System.nanoTime() - p.payload()) / 1000;
        } else if (m instanceof Message.Error e) {
            error(e);
        }
    }

    private void welcomed(Message.Welcome w) {
        if (schema == null) {
            schema = SchemaInfos.rebuild(w.schema());
            replica = new Replica(schema);
            identity = new Identity(w.identity());
        }
        role = w.role();
        if (firstWelcome.isDone()) {
            LOG.info(w.resumed() ? "rejoined {}: catching up with the transactions missed"
                    : "rejoined {}: the host no longer holds all that was missed, so every subscription reloads",
                    invite.sessionId());
        }
        caughtUpByResuming = w.resumed();
        synchronized (this) {
            backoffMillis = options.minBackoff().toMillis();
        }
        setState(State.CONNECTED);
        // Subscriptions asked for while away, then every unanswered call, in the order they were made, queued
        // together so they share a frame.
        List<Message> again = new ArrayList<>();
        for (Map.Entry<Long, CompletableFuture<Long>> e : pendingSubscriptions.entrySet()) {
            String sql = queries.get(e.getKey());
            if (sql != null) {
                again.add(new Message.Subscribe(e.getKey(), sql));
            }
        }
        again.addAll(unanswered.toSendAgain());
        send(again);
        firstWelcome.complete(null);
    }

    private void applyRun(List<Replica.Transaction> run) {
        if (!run.isEmpty()) {
            replica.applyTransactions(new ArrayList<>(run));
            run.clear();
        }
    }

    private Replica.Transaction toTransaction(Message.Tx tx) {
        resumePoint.transaction(tx.offset());
        List<QueryChange> parts = new ArrayList<>(tx.updates().size());
        for (Message.QueryUpdate q : tx.updates()) {
            TableSchema t = schema.table(q.tableId());
            List<Row> inserts = new ArrayList<>(q.inserts().size());
            for (Object[] values : q.inserts()) {
                inserts.add(Row.wrap(SchemaInfos.coerceRow(t, values)));
            }
            List<RowPatch> patches = new ArrayList<>(q.updates().size());
            for (Message.ColumnUpdate u : q.updates()) {
                // The decoded message is ours alone and dropped after this: its values are coerced in place.
                Object[] values = u.values();
                for (int i = 0; i < values.length; i++) {
                    values[i] = SchemaInfos.coerce(t, u.columns()[i], values[i]);
                }
                patches.add(new RowPatch(SchemaInfos.coerceKey(t, u.primaryKey()), u.columns(), values));
            }
            List<Object> deletes = new ArrayList<>(q.deletes().size());
            for (Object pk : q.deletes()) {
                deletes.add(SchemaInfos.coerceKey(t, pk));
            }
            parts.add(new QueryChange(q.queryId(), t, inserts, patches, deletes));
        }
        TxInfo info = new TxInfo(tx.offset(), tx.timestampMicros(), new Identity(tx.caller()), tx.reducer(),
                tx.requestId() >= 0 ? tx.requestId() : null);
        return new Replica.Transaction(info, parts, tx.requestId() >= 0 ? tx.requestId() : null);
    }

    private void answer(Message.Result r) {
        UnansweredCalls.Call call = unanswered.answered(r.requestId());
        replica.resolve(r.requestId());
        if (call == null) {
            return;
        }
        if (r.ok()) {
            call.future().complete(r.value());
        } else {
            call.future().completeExceptionally(new CallFailedException(r.errorCode(), r.errorMessage()));
        }
    }

    private void error(Message.Error e) {
        CallFailedException failure = new CallFailedException(e.code(), e.message());
        if (e.requestId() >= 0) {
            CompletableFuture<Long> sub = pendingSubscriptions.remove(e.requestId());
            if (sub != null) {
                queries.remove(e.requestId());
                sub.completeExceptionally(failure);
                return;
            }
        }
        if (!firstWelcome.isDone()) {
            firstWelcome.completeExceptionally(new JoinException(e.message()));
        }
        if (ErrorCodes.REMOVED.equals(e.code()) || ErrorCodes.BAD_SIGNATURE.equals(e.code())
                || ErrorCodes.UNSUPPORTED_VERSION.equals(e.code())) {
            userClosed = true;
            failAll(failure);
            setState(State.CLOSED);
        }
        for (Consumer<CallFailedException> l : errorListeners) {
            l.accept(failure);
        }
    }

    private void onClose(long gen, int statusCode, String reason) {
        synchronized (this) {
            if (gen != generation) {
                return;
            }
            socket = null;
            if (outbox != null) {
                outbox.close();
                outbox = null;
            }
        }
        if (statusCode == Handshake.CLOSE_REMOVED) {
            userClosed = true;
            failAll(new CallFailedException(ErrorCodes.REMOVED, "the host removed you from this session"));
        } else if (statusCode == Handshake.CLOSE_LINK_REPLACED) {
            userClosed = true;
            failAll(new CallFailedException(ErrorCodes.FORBIDDEN, "the invite link was replaced; ask the host for the new one"));
        } else if (statusCode == Handshake.CLOSE_SESSION_ENDED) {
            userClosed = true;
            CallFailedException ended = new CallFailedException(ErrorCodes.CLOSED, "the host ended the session");
            failAll(ended);
            for (Consumer<CallFailedException> l : errorListeners) {
                l.accept(ended);
            }
        }
        if (userClosed) {
            setState(State.CLOSED);
            return;
        }
        scheduleReconnect(gen);
    }

    private void failAll(CallFailedException failure) {
        for (UnansweredCalls.Call c : unanswered.drain()) {
            if (replica != null) {
                replica.resolve(c.requestId());
            }
            c.future().completeExceptionally(failure);
        }
    }

    // ---- outgoing ----------------------------------------------------------------------------------------

    private void send(Message m) {
        send(List.of(m));
    }

    private void send(List<? extends Message> messages) {
        Outbox o = outbox;
        if (o != null) {
            o.addAll(messages); // Queued calls and subscriptions are sent again after reconnecting.
        }
    }

    private void ping() {
        if (state == State.CONNECTED) {
            send(new Message.Ping(System.nanoTime()));
        }
    }

    /** Leaves the session: the host removes our presence; unanswered calls fail. */
    @Override
    public void close() {
        userClosed = true;
        Session s = socket;
        if (s != null && s.isOpen()) {
            s.close(1000, "left", Callback.NOOP);
        }
        failAll(new CallFailedException(ErrorCodes.CLOSED, "the connection is closed"));
        setState(State.CLOSED);
        if (pinger != null) {
            pinger.cancel(false);
        }
    }

    /** (Public because Jetty invokes listeners through method handles.) The Jetty listener of one socket; a reconnect gets a new one, and stale sockets are ignored by generation. */
    public final class Endpoint implements Session.Listener.AutoDemanding {
        private final long gen;

        Endpoint(long gen) {
            this.gen = gen;
        }

        @Override
        public void onWebSocketOpen(Session session) {
            onOpen(gen, session, session.getUpgradeResponse().getAcceptedSubProtocol());
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            // Decoded before the buffer goes back to Jetty: read in place, or from a copy the decoder reuses.
            Message m = decode(gen, payload);
            callback.succeed();
            onMessage(m);
        }

        @Override
        public void onWebSocketText(String text) {
            onMessage(decode(gen, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))));
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            onClose(gen, statusCode, reason);
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            LOG.debug("socket error: {}", cause.toString());
        }
    }
}
