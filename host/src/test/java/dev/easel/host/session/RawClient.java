package dev.easel.host.session;

import dev.easel.host.identity.KeyIdentity;
import dev.easel.host.protocol.Codec;
import dev.easel.host.protocol.Codecs;
import dev.easel.host.protocol.Message;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * A hand-driven protocol client for tests: sends exactly the frames a test gives it (well-formed or not) and
 * collects every message the host sends back.
 */
final class RawClient implements AutoCloseable {
    private final WebSocketClient client = new WebSocketClient();
    private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger frames = new java.util.concurrent.atomic.AtomicInteger();
    private final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
    private volatile String closeReason;
    private volatile Codec decoder;
    private volatile Codec encoder;
    private final String[] offered;
    private Session session;
    Message.Challenge challenge;

    /** Offers these subprotocols, best first (none: the host picks JSON); speaks the one the host chooses. */
    RawClient(String... offered) {
        this.offered = offered;
    }

    /** Opens the socket; fails (with the HTTP status in the message) if the host refuses the upgrade. */
    RawClient open(URI uri) throws Exception {
        client.start();
        ClientUpgradeRequest req = new ClientUpgradeRequest();
        req.setSubProtocols(offered);
        session = client.connect(new Listener(), uri, req).get(10, TimeUnit.SECONDS);
        challenge = (Message.Challenge) next(m -> m instanceof Message.Challenge);
        return this;
    }

    /** The HTTP status with which the host refuses to open {@code uri}; fails if it opens. */
    int refusal(URI uri) throws Exception {
        try {
            open(uri);
        } catch (java.util.concurrent.ExecutionException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof org.eclipse.jetty.websocket.api.exceptions.UpgradeException u) {
                    return u.getResponseStatusCode();
                }
            }
            throw e;
        }
        throw new AssertionError("the host opened " + uri);
    }

    /** The subprotocol the host chose (null if it named none). */
    String subprotocol() {
        return session.getUpgradeResponse().getAcceptedSubProtocol();
    }

    /** Public because Jetty invokes listeners through method handles. */
    public final class Listener implements Session.Listener.AutoDemanding {
        @Override
        public void onWebSocketOpen(Session opened) {
            String chosen = opened.getUpgradeResponse().getAcceptedSubProtocol();
            chosen = chosen == null ? Codecs.JSON : chosen;
            decoder = Codecs.forHostFrames(chosen);
            encoder = Codecs.create(chosen);
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            byte[] b = new byte[payload.remaining()];
            payload.get(b);
            callback.succeed();
            frames.incrementAndGet();
            add(decoder.decode(b));
        }

        @Override
        public void onWebSocketText(String text) {
            frames.incrementAndGet();
            add(decoder.decode(text.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            closeReason = reason;
            closedWith.complete(statusCode);
        }
    }

    private void add(Message m) {
        if (m instanceof Message.Batch b) {
            b.messages().forEach(this::add);
        } else {
            received.add(m);
        }
    }

    /** Signs the challenge with {@code keys} and waits for the welcome. */
    Message.Welcome hello(KeyIdentity keys, String name) throws InterruptedException {
        send(helloFor(keys, name));
        return (Message.Welcome) next(m -> m instanceof Message.Welcome);
    }

    Message.Hello helloFor(KeyIdentity keys, String name) {
        byte[] signed = Handshake.signedBytes(challenge.sessionId(), challenge.nonce());
        return new Message.Hello(Message.VERSION, keys.publicKey(), keys.sign(signed), name, -1, Map.of());
    }

    void send(Message m) {
        sendFrame(encoder.encode(m));
    }

    void sendFrame(byte[] frame) {
        if (encoder.binary()) {
            session.sendBinary(ByteBuffer.wrap(frame), Callback.NOOP);
        } else {
            session.sendText(new String(frame, StandardCharsets.UTF_8), Callback.NOOP);
        }
    }

    void sendText(String text) {
        session.sendText(text, Callback.NOOP);
    }

    /** The next message the host sent that matches, waiting up to 10 s; earlier non-matching ones are dropped. */
    Message next(Predicate<Message> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            long left = deadline - System.nanoTime();
            Message m = received.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new AssertionError("no matching message from the host within 10 s");
            }
            if (wanted.test(m)) {
                return m;
            }
        }
    }

    Message.Error nextError() throws InterruptedException {
        return (Message.Error) next(m -> m instanceof Message.Error);
    }

    Message.Result nextResult(long requestId) throws InterruptedException {
        return (Message.Result) next(m -> m instanceof Message.Result r && r.requestId() == requestId);
    }

    /** How many frames the host has sent so far. */
    int frames() {
        return frames.get();
    }

    /** The close code, once the host closed the connection. */
    int awaitClose() throws Exception {
        return closedWith.get(10, TimeUnit.SECONDS);
    }

    /** The reason the host gave for closing, once it closed. */
    String closeReason() throws Exception {
        awaitClose();
        return closeReason;
    }

    @Override
    public void close() throws Exception {
        if (session != null && session.isOpen()) {
            session.close();
        }
        client.stop();
    }
}
