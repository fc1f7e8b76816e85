package dev.easel.host.client;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * One WebSocket client and one timer thread shared by every connection of this process: a joiner app has one
 * connection, but tests and benchmarks open a hundred, and each must not bring its own thread pool.
 */
final class ClientRuntime {
    private static WebSocketClient client;
    private static ScheduledExecutorService timer;
    private static ExecutorService sender;

    private ClientRuntime() {
    }

    static synchronized WebSocketClient client() {
        if (client == null) {
            QueuedThreadPool threads = new QueuedThreadPool(64, 2);
            threads.setName("easel-client");
            threads.setDaemon(true);
            ReadsOnSelector connector = new ReadsOnSelector();
            // One selector applied 100 joiners' frames on one core: cursor p99 85 ms, against 31 ms with two.
            connector.setSelectors(2);
            org.eclipse.jetty.client.HttpClient http = new org.eclipse.jetty.client.HttpClient(
                    new org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP(connector));
            http.setExecutor(threads);
            WebSocketClient c = new WebSocketClient(http);
            c.setMaxBinaryMessageSize(512L << 20);
            c.setMaxTextMessageSize(512L << 20);
            c.setIdleTimeout(Duration.ofMinutes(5));
            try {
                c.start();
            } catch (Exception e) {
                throw new JoinException("could not start the network client: " + e.getMessage(), e);
            }
            client = c;
        }
        return client;
    }

    /** Encodes and sends every connection's frames, so calls made meanwhile share a frame. */
    static synchronized Executor sender() {
        if (sender == null) {
            sender = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "easel-client-send");
                t.setDaemon(true);
                return t;
            });
        }
        return sender;
    }

    static synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "easel-client-timer");
                t.setDaemon(true);
                return t;
            });
        }
        return timer;
    }
}
