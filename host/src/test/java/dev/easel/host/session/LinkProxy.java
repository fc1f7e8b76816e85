package dev.easel.host.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A TCP proxy on loopback standing in for a bad network between a joiner and the host: it can delay every chunk
 * by a fixed time in both directions, stop reading what the host sends (so the host sees a client that stopped
 * reading) until resumed, or drop every connection and refuse new ones (a host that became unreachable) until
 * restored. The app's tests use it too (the host's test jar).
 */
public final class LinkProxy implements AutoCloseable {
    private volatile ServerSocket listener;
    private final int port;
    private final int upstreamPort;
    private final long delayNanos;
    private final ReentrantLock pauseLock = new ReentrantLock();
    private final Condition resumed = pauseLock.newCondition();
    private final CopyOnWriteArrayList<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean paused;
    private volatile boolean closed;

    public LinkProxy(int upstreamPort, long delayMillis) throws IOException {
        this.upstreamPort = upstreamPort;
        this.delayNanos = delayMillis * 1_000_000L;
        listen(0);
        this.port = listener.getLocalPort();
    }

    /** A proxy that passes everything at once. */
    public LinkProxy(int upstreamPort) throws IOException {
        this(upstreamPort, 0);
    }

    public int port() {
        return port;
    }

    /** Drops every connection and stops listening: joiners find the host unreachable until {@link #restore}. */
    public void cut() throws IOException {
        listener.close();
        dropConnections();
    }

    /** Drops every connection, as a blip of the network would; new connections get through at once. */
    public void dropConnections() {
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        sockets.clear();
    }

    /** Listens on the same port again. */
    public void restore() throws IOException {
        listen(port);
    }

    private void listen(int onPort) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
        listener = s;
        Thread accept = new Thread(() -> acceptLoop(s), "proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** An invite that goes through this proxy. */
    public Invite route(Invite invite) {
        return new Invite("127.0.0.1", port(), invite.sessionId(), invite.secret());
    }

    /** Stops reading from the host: its writes back up in the kernel and then in the host's queue. */
    void pauseDownstream() {
        paused = true;
    }

    void resumeDownstream() {
        pauseLock.lock();
        try {
            paused = false;
            resumed.signalAll();
        } finally {
            pauseLock.unlock();
        }
    }

    private void acceptLoop(ServerSocket listening) {
        while (!closed) {
            Socket client;
            try {
                client = listening.accept();
            } catch (IOException e) {
                return; // closed or cut
            }
            try {
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                // Small buffers so a paused reader backs the host up quickly.
                client.setReceiveBufferSize(16 * 1024);
                upstream.setReceiveBufferSize(16 * 1024);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream, false);
                pump(upstream, client, true);
            } catch (IOException e) {
                closeQuietly(client); // the host is not there: this joiner's connection fails, later ones may not
            }
        }
    }

    private record Chunk(long dueNanos, byte[] data) {
    }

    private void pump(Socket from, Socket to, boolean downstream) {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (InputStream in = from.getInputStream()) {
                while (true) {
                    if (downstream) {
                        awaitResume();
                    }
                    int n = in.read(buf);
                    if (n < 0) {
                        break;
                    }
                    byte[] copy = java.util.Arrays.copyOf(buf, n);
                    queue.put(new Chunk(System.nanoTime() + delayNanos, copy));
                }
            } catch (IOException | InterruptedException e) {
                // The link is gone.
            }
            queue.add(new Chunk(0, null));
        }, "proxy-read");
        Thread writer = new Thread(() -> {
            try (OutputStream out = to.getOutputStream()) {
                while (true) {
                    Chunk c = queue.take();
                    if (c.data == null) {
                        break;
                    }
                    long wait = c.dueNanos - System.nanoTime();
                    if (wait > 0) {
                        // Simulated latency of the link, not test synchronisation.
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    out.write(c.data);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // The link is gone.
            }
            closeQuietly(from);
            closeQuietly(to);
        }, "proxy-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private void awaitResume() throws InterruptedException {
        pauseLock.lock();
        try {
            while (paused && !closed) {
                resumed.await();
            }
        } finally {
            pauseLock.unlock();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        resumeDownstream();
        listener.close();
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }
}
