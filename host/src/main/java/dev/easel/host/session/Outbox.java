package dev.easel.host.session;

import dev.easel.engine.subscription.TableDelta;
import dev.easel.engine.tx.TxInfo;
import dev.easel.host.protocol.Codec;
import dev.easel.host.protocol.ErrorCodes;
import dev.easel.host.protocol.Message;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection's outgoing messages (the host's to each client, and a joiner's to the host). One frame is in
 * flight at a time; everything queued meanwhile goes out together in the next frame, so a connection costs one
 * frame per round of the network, not one per message. When a client falls behind by more than the soft limit,
 * the transactions of a frame collapse into one (see {@link DeltaMerger}): it catches up with the newest state in
 * fewer bytes. Writers only queue; converting, merging and encoding happen on the send executor.
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
    /** Messages, and transactions parked as the engine delivered them (turned into messages when sent). */
    private final ArrayDeque<Object> pending = new ArrayDeque<>();
    /** Past this many queued items a stalled client's backlog is merged on the spot, so it cannot grow. */
    private static final int HARD_LIMIT = 8192;
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
    public Outbox(Sender sender, Codec codec, int softLimit, java.util.concurrent.Executor sendExecutor) {
        this.sendExecutor = sendExecutor;
        this.sender = sender;
        this.codec = codec;
        this.softLimit = softLimit;
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

    /** One subscription's share of a committed transaction, not yet turned into a message. */
    private record Part(long queryId, TableDelta delta) {
    }

    /** A commit's shares for this client, parked by the engine's writer at the cost of an allocation. */
    private static final class Parked {
        final TxInfo info;
        final long requestId;
        final List<Part> parts = new ArrayList<>(2);

        Parked(TxInfo info, long requestId) {
            this.info = info;
            this.requestId = requestId;
        }

        Message.Tx toMessage() {
            List<Message.QueryUpdate> updates = new ArrayList<>(parts.size());
            for (Part p : parts) {
                updates.add(Deltas.toQueryUpdate(p.queryId(), p.delta()));
            }
            return new Message.Tx(info.offset(), info.timestampMicros(), info.caller().id(), info.reducer(),
                    requestId, updates);
        }
    }

    /**
     * Queues one subscription's share of a transaction, as the engine delivered it: the writer pays for a
     * small allocation only, and shares of the same commit (several subscriptions) travel as one {@code tx}.
     * Turning it into a message, merging a backlog and encoding happen when the frame is sent.
     */
    public void park(long queryId, TxInfo info, TableDelta delta, long requestId) {
        synchronized (this) {
            if (closed) {
                return;
            }
            Object last = pending.peekLast();
            Parked parked;
            if (last instanceof Parked p && p.info.offset() == info.offset()) {
                parked = p;
            } else {
                parked = new Parked(info, requestId);
                pending.addLast(parked);
            }
            parked.parts.add(new Part(queryId, delta));
            if (pending.size() > HARD_LIMIT) {
                List<Message> compacted = materialize(new ArrayList<>(pending));
                pending.clear();
                pending.addAll(compacted);
            }
        }
        scheduleFlush();
    }

    /**
     * Turns parked transactions into messages. A client more than the soft limit behind gets each run of them
     * merged into one transaction (see {@link DeltaMerger}).
     */
    private List<Message> materialize(List<Object> items) {
        int parked = 0;
        for (Object o : items) {
            parked += o instanceof Parked ? 1 : 0;
        }
        boolean merge = parked > softLimit;
        if (merge) {
            merges++;
        }
        List<Message> out = new ArrayList<>(items.size());
        DeltaMerger run = null;
        for (Object o : items) {
            if (o instanceof Parked p) {
                if (!merge) {
                    out.add(p.toMessage());
                    continue;
                }
                if (run == null) {
                    run = new DeltaMerger();
                }
                for (Part part : p.parts) {
                    run.add(part.queryId(), p.info, part.delta());
                }
            } else {
                if (run != null) {
                    out.add(run.toMessage());
                    run = null;
                }
                out.add((Message) o);
            }
        }
        if (run != null) {
            out.add(run.toMessage());
        }
        return out;
    }

    private void flush() {
        List<Object> taken;
        synchronized (this) {
            if (inFlight || closed || pending.isEmpty()) {
                return;
            }
            taken = new ArrayList<>(Math.min(pending.size(), MAX_MESSAGES_PER_FRAME));
            while (!pending.isEmpty() && taken.size() < MAX_MESSAGES_PER_FRAME) {
                taken.add(pending.pollFirst());
            }
            // From here until sent() only this thread touches the codec; writers keep queueing meanwhile.
            inFlight = true;
            framesSent++;
        }
        List<Message> messages = materialize(taken);
        Message m = messages.size() == 1 ? messages.get(0) : new Message.Batch(messages);
        byte[] frame;
        try {
            frame = codec.encode(m);
        } catch (RuntimeException e) {
            // Our own bug (a reducer returned something the wire cannot carry): tell the client, stay up.
            LOG.error("could not encode a message for a client", e);
            frame = codec.encode(new Message.Error(ErrorCodes.INTERNAL, "the host could not encode its answer", -1));
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
