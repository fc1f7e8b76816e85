package dev.easel.host.session;

import dev.easel.host.protocol.Codec;
import dev.easel.host.protocol.ErrorCodes;
import dev.easel.host.protocol.Message;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection's outgoing messages (the host's to each client, and a joiner's to the host). One frame is in
 * flight at a time; everything queued meanwhile goes out together in the next frame, so a connection costs one
 * frame per round of the network, not one per message. When a slow
 * client lets the queue grow past its soft limit, runs of transactions collapse into one (see {@link TxMerger}):
 * the client catches up with the newest state in fewer bytes and never holds up the writer.
 */
public final class Outbox {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Outbox.class);
    /** Sends one encoded frame and reports back when the socket took it. */
    public interface Sender {
        void send(byte[] frame, boolean binary, Runnable done, java.util.function.Consumer<Throwable> failed);
    }

    private static final int MAX_MESSAGES_PER_FRAME = 1024;

    private final Sender sender;
    private final Codec codec;
    private final int softLimit;
    private final int[] primaryKeyByTable;
    private final ArrayDeque<Message> pending = new ArrayDeque<>();
    private final java.util.concurrent.Executor sendExecutor;
    private boolean inFlight;
    /** A flush is queued on the send executor; messages added meanwhile ride along in its frame. */
    private boolean flushQueued;
    private boolean closed;
    private Runnable whenDrained;
    private long framesSent;
    private long merges;

    /**
     * {@code sendExecutor} encodes and sends frames, so a writer that queues a message (the engine's thread,
     * under its lock) never pays for encoding or the socket, and whatever else is queued before the executor
     * gets to it travels in the same frame.
     */
    public Outbox(Sender sender, Codec codec, int softLimit, int[] primaryKeyByTable,
            java.util.concurrent.Executor sendExecutor) {
        this.sendExecutor = sendExecutor;
        this.sender = sender;
        this.codec = codec;
        this.softLimit = softLimit;
        this.primaryKeyByTable = primaryKeyByTable;
    }

    public void add(Message m) {
        synchronized (this) {
            if (closed) {
                return;
            }
            pending.addLast(m);
        }
        scheduleFlush();
    }

    private void scheduleFlush() {
        synchronized (this) {
            if (flushQueued || inFlight || closed) {
                return;
            }
            flushQueued = true;
        }
        sendExecutor.execute(() -> {
            synchronized (this) {
                flushQueued = false;
            }
            flush();
        });
    }

    /**
     * Queues one subscription's share of a transaction; shares of the same commit (several subscriptions)
     * join into one {@code tx} message.
     */
    public void addTx(Message.Tx tx) {
        synchronized (this) {
            if (closed) {
                return;
            }
            Message last = pending.peekLast();
            if (last instanceof Message.Tx prev && prev.offset() == tx.offset()) {
                List<Message.QueryUpdate> all = new ArrayList<>(prev.updates());
                all.addAll(tx.updates());
                pending.pollLast();
                pending.addLast(new Message.Tx(prev.offset(), prev.timestampMicros(), prev.caller(), prev.reducer(),
                        Math.max(prev.requestId(), tx.requestId()), all));
            } else {
                pending.addLast(tx);
            }
            if (pending.size() > softLimit) {
                List<Message> compacted = TxMerger.mergeRuns(new ArrayList<>(pending), primaryKeyByTable);
                merges++;
                pending.clear();
                pending.addAll(compacted);
            }
        }
        scheduleFlush();
    }

    private void flush() {
        byte[] frame;
        synchronized (this) {
            if (inFlight || closed || pending.isEmpty()) {
                return;
            }
            Message m;
            if (pending.size() == 1) {
                m = pending.pollFirst();
            } else {
                List<Message> batch = new ArrayList<>(Math.min(pending.size(), MAX_MESSAGES_PER_FRAME));
                while (!pending.isEmpty() && batch.size() < MAX_MESSAGES_PER_FRAME) {
                    batch.add(pending.pollFirst());
                }
                m = new Message.Batch(batch);
            }
            try {
                frame = codec.encode(m);
            } catch (RuntimeException e) {
                // Our own bug (a reducer returned something the wire cannot carry): tell the client, stay up.
                LOG.error("could not encode a message for a client", e);
                frame = codec.encode(new Message.Error(ErrorCodes.INTERNAL, "the host could not encode its answer", -1));
            }
            inFlight = true;
            framesSent++;
        }
        sender.send(frame, codec.binary(), this::sent, this::failed);
    }

    private void sent() {
        synchronized (this) {
            inFlight = false;
        }
        flush();
        runIfDrained();
    }

    /** Runs {@code then} once everything queued so far has gone out (at once if nothing is queued). */
    public void whenDrained(Runnable then) {
        synchronized (this) {
            whenDrained = then;
        }
        runIfDrained();
    }

    private void runIfDrained() {
        Runnable r;
        synchronized (this) {
            if (whenDrained == null || inFlight || !pending.isEmpty()) {
                return;
            }
            r = whenDrained;
            whenDrained = null;
        }
        r.run();
    }

    private void failed(Throwable t) {
        Runnable r;
        synchronized (this) {
            r = whenDrained;
            whenDrained = null;
        }
        close();
        if (r != null) {
            r.run();
        }
    }

    public synchronized int pendingCount() {
        return pending.size();
    }

    synchronized long framesSent() {
        return framesSent;
    }

    synchronized long merges() {
        return merges;
    }

    public void close() {
        synchronized (this) {
            closed = true;
            pending.clear();
        }
    }
}
