package dev.easel.host.transport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Writes an outbox's frames to a Jetty WebSocket session, for the host's connections and the joiner's alike:
 * binary frames as they are, text frames as UTF-8. A closed (or not yet open) socket fails the frame at once,
 * so the outbox stops rather than waiting for a callback that would never come.
 */
public final class WebSocketFrames {
    private WebSocketFrames() {
    }

    public static void send(Session s, byte[] frame, boolean binary, Runnable done, Consumer<Throwable> failed) {
        if (s == null || !s.isOpen()) {
            failed.accept(new IllegalStateException("closed"));
            return;
        }
        Callback cb = Callback.from(done, failed);
        if (binary) {
            s.sendBinary(ByteBuffer.wrap(frame), cb);
        } else {
            s.sendText(new String(frame, StandardCharsets.UTF_8), cb);
        }
    }
}
