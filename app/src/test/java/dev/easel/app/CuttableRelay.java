package dev.easel.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on a loopback port in front of a session server, for tests of a failing network: {@link #cut()}
 * drops every connection through it and stops listening (new connections are refused, as by a host that is
 * unreachable) until {@link #restore()} listens on the same port again, so a joiner stays "reconnecting" for as
 * long as a test needs.
 */
final class CuttableRelay implements AutoCloseable {
    private final int port;
    private final int targetPort;
    private volatile ServerSocket listener;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    CuttableRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        listen(0);
        this.port = listener.getLocalPort();
    }

    int port() {
        return port;
    }

    /** Drops every connection and stops listening. */
    void cut() throws IOException {
        listener.close();
        for (Socket s : open) {
            quietClose(s);
        }
        open.clear();
    }

    /** Listens on the same port again. */
    void restore() throws IOException {
        listen(port);
    }

    private void listen(int onPort) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
        listener = s;
        Thread t = new Thread(() -> accept(s), "relay-accept");
        t.setDaemon(true);
        t.start();
    }

    private void accept(ServerSocket listening) {
        while (!closed) {
            Socket client;
            try {
                client = listening.accept();
            } catch (IOException e) {
                return;
            }
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                quietClose(client);
            }
        }
    }

    /** Copies one direction until either side closes, then closes both. */
    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // One side went away: close both below.
            } finally {
                quietClose(from);
                quietClose(to);
                open.remove(from);
                open.remove(to);
            }
        }, "relay-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void quietClose(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // Closing anyway.
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        cut();
        listener.close();
    }
}
