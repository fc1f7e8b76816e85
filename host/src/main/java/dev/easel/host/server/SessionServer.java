package dev.easel.host.server;

import dev.easel.engine.Engine;
import dev.easel.host.protocol.Codec;
import dev.easel.host.protocol.Codecs;
import dev.easel.host.session.FramePacer;
import dev.easel.host.session.Role;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The host's network side: one Jetty server (core WebSocket, no servlets) on one port, serving the sessions of
 * the documents this app hosts at {@code /session/ID}, and their images at {@code /session/ID/asset/HASH}.
 * A connection without a valid invite secret is refused at the upgrade, before any data is sent.
 */
public final class SessionServer implements AutoCloseable {
    public static final int DEFAULT_PORT = 7420;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where to listen and what address to put in invite links (null: this machine's LAN address). */
    public record Options(String bindHost, int port, String advertisedHost, SessionLimits limits) {
        public static Options loopback(int port) {
            return new Options("127.0.0.1", port, "127.0.0.1", SessionLimits.DEFAULT);
        }

        public static Options lan(int port) {
            return new Options("0.0.0.0", port, null, SessionLimits.DEFAULT);
        }

        public Options withLimits(SessionLimits l) {
            return new Options(bindHost, port, advertisedHost, l);
        }
    }

    private final Options options;
    private final Server jetty;
    private final ServerConnector connector;
    private final Map<String, HostedSession> sessions = new ConcurrentHashMap<>();
    /** Sessions ended whose clients are still being told so. */
    private final Set<CompletableFuture<Void>> telling = ConcurrentHashMap.newKeySet();
    private final String advertisedHost;
    /** How long closing waits for clients to be told the session ended. */
    private static final long CLOSE_FRAMES_MILLIS = 2_000;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SessionServer.class);
    /** Encodes and sends every client's frames, off the engine's writer thread. */
    private final SendThreads sendThreads = new SendThreads();

    /** Ticks the frame pacer (see {@link FramePacer}). */
    private final java.util.concurrent.ScheduledExecutorService paceTimer =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "easel-pace");
                t.setDaemon(true);
                return t;
            });

    private SessionServer(Options options) throws Exception {
        this.options = options;
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("easel-session");
        this.jetty = new Server(threads);
        this.connector = new ServerConnector(jetty);
        connector.setHost(options.bindHost());
        connector.setPort(options.port());
        jetty.addConnector(connector);
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(jetty, container -> {
            long max = Math.max(4L * options.limits().maxFrameBytes(), 4L << 20);
            // Frames over the session limit still arrive whole up to this size, so they can be answered with
            // a too_large error; beyond it Jetty closes the connection (1009).
            container.setMaxBinaryMessageSize(max);
            container.setMaxTextMessageSize(max);
            container.setIdleTimeout(Duration.ofMinutes(5));
            container.addMapping("/session/*", this::upgrade);
        });
        ws.setHandler(new AssetHandler(sessions));
        jetty.setHandler(ws);
        jetty.start();
        this.advertisedHost = options.advertisedHost() != null ? options.advertisedHost() : lanAddress();
    }

    /** Starts listening; port 0 picks a free port. Throws with a clear message if the port is taken. */
    public static SessionServer start(Options options) {
        try {
            return new SessionServer(options);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot listen on port " + options.port() + ": " + e.getMessage()
                    + " (is another session already hosted there?)", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the session server: " + e.getMessage(), e);
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Hosts a document: its engine becomes reachable through the session's invite links. */
    public HostedSession host(Engine engine, AssetSource assets) {
        byte[] id = new byte[9];
        RANDOM.nextBytes(id);
        String sessionId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        int tick = options.limits().frameTickMicros();
        FramePacer pacer = tick > 0 ? new FramePacer(paceTimer, sendThreads, SendThreads.COUNT, tick * 1_000L,
                engine::offset) : null;
        HostedSession s = new HostedSession(sessionId, engine, options.limits(), assets, sendThreads, pacer);
        s.bind(advertisedHost, port());
        sessions.put(sessionId, s);
        return s;
    }

    /** Ends a session: everyone in it is disconnected. The engine stays open; its owner closes it. */
    public void end(HostedSession s) {
        endAndTell(s);
    }

    /**
     * Ends a session; completes once every client was sent "session ended". Until then {@link #close} waits
     * for it too (the app ends its session, then closes the server at once).
     */
    private CompletableFuture<Void> endAndTell(HostedSession s) {
        sessions.remove(s.id());
        CompletableFuture<Void> told = s.closeAll();
        telling.add(told);
        told.whenComplete((done, failure) -> telling.remove(told));
        return told;
    }

    private Object upgrade(ServerUpgradeRequest request, ServerUpgradeResponse response,
            org.eclipse.jetty.util.Callback callback) {
        String path = Request.getPathInContext(request);
        String sessionId = path.substring("/session/".length());
        HostedSession s = sessions.get(sessionId);
        Fields query = Request.extractQueryParameters(request);
        Role role = s == null ? null : s.secrets().roleFor(query.getValue("k"));
        boolean returningOnly = false;
        if (role == null && s != null) {
            role = s.secrets().replacedRoleFor(query.getValue("k"));
            returningOnly = role != null;
        }
        if (role == null) {
            Response.writeError(request, response, callback, 403, "no such session, or the invite link is not valid");
            return null;
        }
        List<String> offered = request.getSubProtocols();
        String chosen = Codecs.choose(offered == null ? Collections.emptyList() : offered);
        if (chosen == null) {
            Response.writeError(request, response, callback, 400, "supported subprotocols: " + Codecs.SUPPORTED);
            return null;
        }
        if (offered != null && !offered.isEmpty()) {
            response.setAcceptedSubProtocol(chosen);
        }
        Codec decoder = Codecs.create(chosen);
        Codec encoder = Codecs.create(chosen);
        return new ClientHandler(s, role, returningOnly, decoder, encoder);
    }

    /** This machine's first site-local IPv4 address (what a collaborator on the LAN can reach), else localhost. */
    private static String lanAddress() {
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!ni.isUp() || ni.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof Inet4Address && a.isSiteLocalAddress()) {
                        return a.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            // Fall through to localhost.
        }
        return "127.0.0.1";
    }

    @Override
    public void close() {
        for (HostedSession s : sessions.values()) {
            endAndTell(s);
        }
        List<CompletableFuture<Void>> told = new ArrayList<>(telling);
        // Stopping Jetty at once would cut the sockets before the close frames ("session ended") go out, and
        // joiners would take it for a dropped network and retry for ever; a stuck client gets two seconds.
        try {
            CompletableFuture.allOf(told.toArray(CompletableFuture[]::new))
                    .get(CLOSE_FRAMES_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.debug("not every client was told the session ended: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sendThreads.shutdown();
        paceTimer.shutdown();
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the session server failed", e);
        }
    }
}
