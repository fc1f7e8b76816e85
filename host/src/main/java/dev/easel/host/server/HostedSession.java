package dev.easel.host.server;

import dev.easel.engine.Engine;
import dev.easel.engine.tx.Identity;
import dev.easel.host.session.FramePacer;
import dev.easel.host.session.Invite;
import dev.easel.host.session.Role;
import dev.easel.host.session.SharedConversions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One hosted document: its engine, the secrets of its links, the people connected and those removed.
 */
public final class HostedSession {
    private final String id;
    private final Engine engine;
    private final SessionSecrets secrets = new SessionSecrets();
    private final SessionLimits limits;
    private final AssetSource assets;
    private final long epochMicros;
    private final CopyOnWriteArrayList<ClientHandler> clients = new CopyOnWriteArrayList<>();
    private final Map<Identity, RequestLog> requestLogs = new ConcurrentHashMap<>();
    private final Map<Identity, Integer> connectionCounts = new ConcurrentHashMap<>();
    private final Set<Identity> removed = ConcurrentHashMap.newKeySet();
    /** Everyone admitted so far and the role they came in with. */
    private final Map<Identity, Role> admitted = new ConcurrentHashMap<>();
    private final SendThreads sendThreads;
    private final FramePacer pacer;
    private final SharedConversions conversions = new SharedConversions();
    private volatile String advertisedHost;
    private volatile int port;

    HostedSession(String id, Engine engine, SessionLimits limits, AssetSource assets,
            SendThreads sendThreads, FramePacer pacer) {
        this.id = id;
        this.sendThreads = sendThreads;
        this.pacer = pacer;
        this.engine = engine;
        this.limits = limits;
        this.assets = assets;
        this.epochMicros = engine.clock().nowMicros();
    }

    public String id() {
        return id;
    }

    public Engine engine() {
        return engine;
    }

    SessionLimits limits() {
        return limits;
    }

    SendThreads sendThreads() {
        return sendThreads;
    }

    /** Paces the frames of clients receiving a stream of transactions; null when pacing is off. */
    FramePacer pacer() {
        return pacer;
    }

    /** Deltas in wire form, converted once for all the session's clients. */
    SharedConversions conversions() {
        return conversions;
    }

    AssetSource assets() {
        return assets;
    }

    long epochMicros() {
        return epochMicros;
    }

    SessionSecrets secrets() {
        return secrets;
    }

    void bind(String host, int boundPort) {
        this.advertisedHost = host;
        this.port = boundPort;
    }

    /** The invite link for a role. */
    public Invite invite(Role role) {
        return new Invite(advertisedHost, port, id, secrets.secret(role));
    }

    /** Replaces a role's link; the old one stops working for new joins. */
    public Invite revoke(Role role) {
        secrets.revoke(role);
        return invite(role);
    }

    /** Disconnects a participant and refuses them for the rest of the session. */
    public void remove(Identity who) {
        removed.add(who);
        for (ClientHandler c : clients) {
            if (who.equals(c.identity())) {
                c.closeRemoved();
            }
        }
    }

    void admit(Identity who, Role role) {
        admitted.putIfAbsent(who, role);
    }

    /** True if this person was admitted before with this role (a returning participant). */
    boolean wasAdmitted(Identity who, Role role) {
        return admitted.get(who) == role;
    }

    boolean isRemoved(Identity who) {
        return removed.contains(who);
    }

    RequestLog requestLog(Identity who) {
        return requestLogs.computeIfAbsent(who, k -> new RequestLog());
    }

    void attach(ClientHandler c) {
        clients.add(c);
    }

    /** Counts a participant in; true if this is their first live connection (presence begins). */
    boolean arrived(Identity who) {
        return connectionCounts.merge(who, 1, Integer::sum) == 1;
    }

    /** Counts a connection out; true if it was the participant's last (presence ends). */
    boolean left(Identity who) {
        Integer n = connectionCounts.computeIfPresent(who, (k, v) -> v == 1 ? null : v - 1);
        return n == null;
    }

    void detach(ClientHandler c) {
        clients.remove(c);
    }

    /** Live, authenticated connections. */
    public int participantCount() {
        return (int) clients.stream().filter(c -> c.identity() != null).count();
    }

    /** Cuts every client's TCP connection without a goodbye: for tests of resuming. */
    public void dropAllConnections() {
        for (ClientHandler c : clients) {
            c.dropConnection();
        }
    }

    /** Tells every client the session ended; completes once each close frame went out (or could not). */
    CompletableFuture<Void> closeAll() {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (ClientHandler c : clients) {
            closing.add(c.closeEnding());
        }
        if (pacer != null) {
            pacer.close();
        }
        return CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new));
    }
}
