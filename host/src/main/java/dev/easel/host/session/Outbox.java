package dev.easel.host.session;

import dev.easel.engine.subscription.TableDelta;
import dev.easel.engine.tx.TxInfo;
import dev.easel.host.protocol.Codec;
import dev.easel.host.protocol.ErrorCodes;
import dev.easel.host.protocol.Limits;
import dev.easel.host.protocol.Message;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection's outgoing messages (the host's to each client, and a joiner's to the host). One frame is in
 * flight at a time; everything queued meanwhile goes out together in the next frame, so a connection costs one
 * frame per round of the network, not one per message. When a frame holds more than the soft limit of
 * transactions (the client fell behind, or watches a stream), they collapse into one (see {@link DeltaMerger}): it
 * catches up with the newest state in fewer bytes. Writers only queue; converting, merging and encoding happen on
 * the send executor, through the session's {@link SharedConversions}. With a {@link FramePacer}, a connection
 * receiving a stream of transactions gets one frame per tick.
 */
public final class Outbox {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Outbox.class);
    /** Sends one encoded frame and reports back when the socket took it. */
    public interface Sender {
        void send(byte[] frame, boolean binary, Runnable done, java.util.function.Consumer<Throwable> failed);
    }

    private static final int MAX_MESSAGES_PER_FRAME = 1024;
    /**
     * {@code maxFrameBytes}: the largest frame this outbox sends, what a host accepts from a client (a joiner's
     * outbox) and the bound the host keeps its own batches within (a single message may exceed it there: a
     * snapshot, a large result). {@code refusal}: told of a message that cannot go out (see
     * {@link #refuseUnsendable}); null sends what it can.
     */
    private record Sending(int maxFrameBytes, Refusal refusal) {
    }

    private volatile Sending sending = new Sending(Limits.MAX_FRAME_BYTES, null);

    /** Told of a message this outbox will not send, with an error code and a reason for its sender. */
    public interface Refusal {
        void refused(Message m, String code, String reason);
    }

    private final Sender sender;
    private final Codec codec;
    private final int softLimit;
    /** Messages, and transactions parked as the engine delivered them (turned into messages when sent). */
    private ArrayDeque<Object> pending = new ArrayDeque<>();
    /** Past this many queued items a stalled client's backlog is merged on the spot, so it cannot grow. */
    private static final int HARD_LIMIT = 8192;
    private final java.util.concurrent.Executor sendExecutor;
    private boolean inFlight;
    /** A flush is queued on the send executor; messages added meanwhile ride along in its frame. */
    private boolean flushQueued;
    private boolean closed;
    /** Waiting for the pacer's next tick; writers only queue meanwhile. */
    private boolean pacedWait;
    /** Set when a tick released this outbox: its next frame stops at the wave's cut. */
    private long releaseCut = NO_CUT;
    private static final long NO_CUT = Long.MAX_VALUE;
    private final FramePacer pacer;
    /** This connection's group of the pacer's staggered ticks. */
    private final int paceGroup;
    private final SharedConversions conversions;
    /**
     * The connection receives a stream and gets a frame per tick: its previous frame carried more than one
     * transaction, or was released by a tick with any. Without the second case, a tick that happened to find a
     * single commit (the writer stalled a moment) would drop a steady stream out of pacing, and each following
     * commit would go in a frame of its own for as long as the link kept up.
     */
    private boolean streaming;
    private Runnable whenDrained;
    /** When the last frame went to the sender ({@link System#nanoTime}). */
    private long lastFrameNanos = System.nanoTime() - QUIET_NANOS - 1;
    /**
     * A commit reaching an outbox that sent nothing for this long is a lone edit, not part of a burst: its flush
     * is an {@link IdleFlush}, which the committing thread may run itself. Commits closer together than this
     * (a burst of calls, read and committed back to back) are left for the send threads, and pile up while they
     * wake, which is what starts pacing a stream. About what waking a send thread takes on a 2-core VM.
     */
    static final long QUIET_NANOS = 100_000;

    /**
     * The flush of an outbox that had been quiet (see {@link #QUIET_NANOS}): a send executor may let the thread
     * that made the commit run it, rather than wait 50-100 µs for a send thread to wake up.
     */
    public static final class IdleFlush implements Runnable {
        private final Outbox outbox;

        IdleFlush(Outbox outbox) {
            this.outbox = outbox;
        }

        @Override
        public void run() {
            outbox.queuedFlush();
        }
    }

    /**
     * {@code sendExecutor} encodes and sends frames, so a writer that queues a message (the engine's thread,
     * under its lock) never pays for encoding or the socket, and whatever else is queued before the executor
     * gets to it travels in the same frame. (A joiner's executor may run a flush on the caller's thread.)
     */
    public Outbox(Sender sender, Codec codec, int softLimit, java.util.concurrent.Executor sendExecutor) {
        this(sender, codec, softLimit, sendExecutor, null, new SharedConversions());
    }

    /**
     * As above, with frames paced by {@code pacer} while the connection receives a stream (null: never), and
     * deltas converted through {@code conversions}, shared by the session's clients.
     */
    public Outbox(Sender sender, Codec codec, int softLimit, java.util.concurrent.Executor sendExecutor,
            FramePacer pacer, SharedConversions conversions) {
        this.pacer = pacer;
        this.paceGroup = pacer == null ? 0 : pacer.assignGroup();
        this.conversions = conversions;
        this.sendExecutor = sendExecutor;
        this.sender = sender;
        this.codec = codec;
        this.softLimit = softLimit;
    }

    /**
     * Refuses, instead of sending, a message too large for a frame of {@code maxFrameBytes} or one the codec
     * cannot carry: {@code refusal} hears of it (a joiner fails the call at once, where the host would refuse
     * the whole frame and the call would never be answered).
     */
    public void refuseUnsendable(int maxFrameBytes, Refusal refusal) {
        sending = new Sending(maxFrameBytes, refusal);
    }

    public void add(Message m) {
        addAll(List.of(m));
    }

    /** Queues {@code messages} together, so they share a frame even when this outbox sends on the caller's thread. */
    public void addAll(List<? extends Message> messages) {
        synchronized (this) {
            if (closed) {
                return;
            }
            pending.addAll(messages);
        }
        scheduleFlush();
    }

    private void scheduleFlush() {
        synchronized (this) {
            if (flushQueued || inFlight || closed || pacedWait) {
                return;
            }
            flushQueued = true;
        }
        sendExecutor.execute(this::queuedFlush);
    }

    private void queuedFlush() {
        synchronized (this) {
            flushQueued = false;
        }
        flush();
    }

    /** One subscription's share of a committed transaction, not yet turned into a message. */
    private record Part(long queryId, TableDelta delta) {
    }

    /**
     * A commit's shares for this client, parked by the engine's writer at the cost of one allocation: nearly
     * every commit touches one of a client's subscriptions, so the first share is kept inline.
     */
    private static final class Parked {
        final TxInfo info;
        final long requestId;
        final long firstQueryId;
        final TableDelta firstDelta;
        /** Shares for further subscriptions, if any. */
        List<Part> more;

        Parked(TxInfo info, long requestId, long queryId, TableDelta delta) {
            this.info = info;
            this.requestId = requestId;
            this.firstQueryId = queryId;
            this.firstDelta = delta;
        }

        int parts() {
            return more == null ? 1 : 1 + more.size();
        }

        long queryId(int part) {
            return part == 0 ? firstQueryId : more.get(part - 1).queryId();
        }

        TableDelta delta(int part) {
            return part == 0 ? firstDelta : more.get(part - 1).delta();
        }
    }

    /**
     * Queues one subscription's share of a transaction, as the engine delivered it: the writer pays for a
     * small allocation only, and shares of the same commit (several subscriptions) travel as one {@code tx}.
     * Turning it into a message, merging a backlog and encoding happen when the frame is sent.
     */
    public void park(long queryId, TxInfo info, TableDelta delta, long requestId) {
        boolean startFlush;
        boolean quiet;
        synchronized (this) {
            if (closed) {
                return;
            }
            Object last = pending.peekLast();
            if (last instanceof Parked p && p.info.offset() == info.offset()) {
                if (p.more == null) {
                    p.more = new ArrayList<>(2);
                }
                p.more.add(new Part(queryId, delta));
            } else {
                pending.addLast(new Parked(info, requestId, queryId, delta));
            }
            if (pending.size() > HARD_LIMIT) {
                List<Object> compacted = materialize(new ArrayList<>(pending));
                pending.clear();
                pending.addAll(compacted);
            }
            // Decided under the same lock: the engine's writer takes this monitor once per delivery.
            startFlush = !(flushQueued || inFlight || pacedWait);
            flushQueued |= startFlush;
            quiet = startFlush && System.nanoTime() - lastFrameNanos > QUIET_NANOS;
        }
        if (quiet) {
            sendExecutor.execute(new IdleFlush(this));
        } else if (startFlush) {
            sendExecutor.execute(this::queuedFlush);
        }
    }

    private static int parkedCount(List<Object> items) {
        int parked = 0;
        for (Object o : items) {
            parked += o instanceof Parked ? 1 : 0;
        }
        return parked;
    }

    /**
     * Turns parked transactions into messages, one {@code tx} per commit. A client more than the soft limit
     * behind gets each run of them merged into one transaction (see {@link DeltaMerger}).
     */
    private List<Object> materialize(List<Object> items) {
        boolean merge = parkedCount(items) > softLimit;
        List<Object> out = new ArrayList<>(items.size());
        List<Parked> run = new ArrayList<>(merge ? items.size() : 1);
        // While merging, results wait for the end of the run: each still follows the transaction it answers, and
        // runs stay whole, so clients flushing at the same tick merge the same run (see SharedConversions).
        List<Message> results = new ArrayList<>();
        for (Object o : items) {
            if (o instanceof Parked p) {
                run.add(p);
                if (!merge) {
                    out.add(toTx(run, p.requestId));
                    run.clear();
                }
            } else if (merge && o instanceof Message.Result r) {
                results.add(r);
            } else {
                endRun(run, results, out);
                out.add(o);
            }
        }
        endRun(run, results, out);
        return out;
    }

    private void endRun(List<Parked> run, List<Message> results, List<Object> out) {
        if (!run.isEmpty()) {
            out.add(toTx(run, -1));
            run.clear();
        }
        out.addAll(results);
        results.clear();
    }

    /**
     * One {@code tx} for a run of commits: each subscription's deltas in the run, converted (merged if several)
     * through the session's shared conversions, stamped with the newest commit's offset and time.
     */
    private Message.Tx toTx(List<Parked> run, long requestId) {
        long[] queryIds = new long[2];
        List<List<TableDelta>> deltas = new ArrayList<>(2);
        for (Parked p : run) {
            for (int part = 0; part < p.parts(); part++) {
                long queryId = p.queryId(part);
                int q = 0;
                while (q < deltas.size() && queryIds[q] != queryId) {
                    q++;
                }
                if (q == deltas.size()) {
                    if (q == queryIds.length) {
                        queryIds = java.util.Arrays.copyOf(queryIds, q * 2);
                    }
                    queryIds[q] = queryId;
                    deltas.add(new ArrayList<>(run.size()));
                }
                deltas.get(q).add(p.delta(part));
            }
        }
        List<Message.QueryUpdate> updates = new ArrayList<>(deltas.size());
        for (int i = 0; i < deltas.size(); i++) {
            updates.add(conversions.convert(queryIds[i], deltas.get(i)));
        }
        TxInfo last = run.get(run.size() - 1).info;
        return new Message.Tx(last.offset(), last.timestampMicros(), last.caller().id(), last.reducer(), requestId,
                updates);
    }

    private void flush() {
        List<Object> taken;
        synchronized (this) {
            if (inFlight || closed || pacedWait) {
                return;
            }
            // A client in a stream waits for the tick even with nothing queued yet, so the engine's writer,
            // parking the next deltas, finds it waiting and need not wake a send thread for it. A closing
            // connection (someone waits for it to drain) sends what is queued at once.
            boolean draining = whenDrained != null;
            if (pacer != null && !draining && streaming) {
                waitForTick();
                return;
            }
            if (pending.isEmpty()) {
                releaseCut = NO_CUT; // a tick with nothing to send ends the stream: the next commit goes at once
                return;
            }
            // Released by a tick: send up to the wave's cut, so every client in step sends the same run.
            long cut = draining ? NO_CUT : releaseCut;
            boolean releasedByTick = cut != NO_CUT;
            releaseCut = NO_CUT;
            taken = new ArrayList<>(Math.min(pending.size(), MAX_MESSAGES_PER_FRAME));
            int transactions = 0;
            while (!pending.isEmpty() && taken.size() < MAX_MESSAGES_PER_FRAME) {
                Object o = pending.peekFirst();
                if (o instanceof Parked p) {
                    if (p.info.offset() > cut) {
                        break;
                    }
                    transactions++;
                }
                taken.add(pending.pollFirst());
            }
            if (taken.isEmpty()) {
                waitForTick();
                return;
            }
            streaming = transactions > 1 || (releasedByTick && transactions > 0);
            // From here until sent() only this thread touches the codec; writers keep queueing meanwhile.
            inFlight = true;
            lastFrameNanos = System.nanoTime();
        }
        byte[] frame = encodeFitting(materialize(taken));
        if (frame == null) {
            sent(); // everything taken was refused (see refuseUnsendable): go on with the rest
            return;
        }
        sender.send(frame, codec.binary(), this::sent, this::failed);
    }

    /** A message encoded for a frame it did not fit in: it leads the next frame, as encoded. */
    private record Encoded(byte[] bytes) {
    }

    /**
     * One frame for {@code items} (messages, or one {@link Encoded} first), encoding each message once: a batch
     * stops before the message that would take it past the frame limit, and that message and the rest go
     * back to the head of the queue for the next frame. A message too large for any frame goes alone (or is
     * refused, see {@link #refuseUnsendable}). Returns null if nothing is left to send.
     */
    private byte[] encodeFitting(List<Object> items) {
        if (items.size() == 1 && items.get(0) instanceof Message m) {
            return encodeAlone(m);
        }
        byte[] whole = encodeWholeIfItFits(items);
        if (whole != null) {
            return whole;
        }
        int maxFrameBytes = sending.maxFrameBytes();
        List<byte[]> parts = new ArrayList<>(items.size());
        long bytes = BATCH_HEADER_BYTES;
        for (int i = 0; i < items.size(); i++) {
            byte[] encoded = items.get(i) instanceof Encoded e ? e.bytes() : encodeAlone((Message) items.get(i));
            if (encoded == null) {
                continue;
            }
            if (!parts.isEmpty() && bytes + encoded.length > maxFrameBytes) {
                List<Object> rest = new ArrayList<>(items.size() - i);
                rest.add(new Encoded(encoded));
                rest.addAll(items.subList(i + 1, items.size()));
                requeue(rest);
                break;
            }
            parts.add(encoded);
            bytes += encoded.length;
        }
        if (parts.isEmpty()) {
            return null;
        }
        return parts.size() == 1 ? parts.get(0) : codec.joinBatch(parts);
    }

    /**
     * The usual case in one pass: the batch encoded whole, if it fits a frame and every message can be encoded
     * (else null, the codec's state unchanged). Not tried with a snapshot aboard, the one message likely to be
     * too large, which would then be encoded twice.
     */
    private byte[] encodeWholeIfItFits(List<Object> items) {
        List<Message> messages = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!(item instanceof Message m) || m instanceof Message.Snapshot) {
                return null;
            }
            messages.add(m);
        }
        try {
            return codec.encodeWithin(new Message.Batch(messages), sending.maxFrameBytes());
        } catch (IllegalArgumentException e) {
            return null; // one of them cannot be encoded: found and dealt with one by one
        }
    }

    /** Room a batch's own header takes around its messages. */
    private static final int BATCH_HEADER_BYTES = 32;

    /** One message's encoding, or null if it was refused. A codec that fails leaves its state as it was. */
    private byte[] encodeAlone(Message m) {
        Sending now = sending;
        Refusal refusal = now.refusal();
        int limit = now.maxFrameBytes();
        try {
            if (refusal == null) {
                return codec.encode(m);
            }
            byte[] encoded = codec.encodeWithin(m, limit);
            if (encoded == null) {
                refusal.refused(m, ErrorCodes.TOO_LARGE,
                        "too large to send: one message may be at most " + limit + " bytes");
            }
            return encoded;
        } catch (IllegalArgumentException e) {
            if (refusal != null) {
                refusal.refused(m, ErrorCodes.BAD_ARGUMENT, "cannot send this: " + e.getMessage());
                return null;
            }
            // Our own bug (a reducer returned something the wire cannot carry): answer with an error, stay up.
            LOG.error("could not encode a {} for a client", m.getClass().getSimpleName(), e);
            return codec.encode(m instanceof Message.Result r
                    ? new Message.Result(r.requestId(), false, null, ErrorCodes.INTERNAL,
                            "the host could not encode its answer", r.offset())
                    : new Message.Error(ErrorCodes.INTERNAL, "the host could not encode its answer", -1));
        }
    }

    /** Puts items back at the head of the queue, in their order, to go out in the next frame. */
    private void requeue(List<Object> items) {
        synchronized (this) {
            if (closed) {
                return;
            }
            for (int i = items.size() - 1; i >= 0; i--) {
                pending.addFirst(items.get(i));
            }
        }
    }

    /** Holds the next frame until the pacer's next tick (caller holds the lock). */
    private void waitForTick() {
        streaming = false;
        pacedWait = true;
        pacer.awaitTick(paceGroup, this::pacedWaitOver);
    }

    /** Runs on a send thread at the tick (see {@link FramePacer}). */
    private void pacedWaitOver(long cut) {
        synchronized (this) {
            pacedWait = false;
            releaseCut = cut;
        }
        flush();
    }

    private void sent() {
        synchronized (this) {
            inFlight = false;
        }
        flush();
        runIfDrained();
    }

    /**
     * Runs {@code then} once everything queued so far has gone out (at once if nothing is queued). A connection
     * waiting for the pacer's tick sends at once instead: the tick may never come (the session is ending).
     */
    public void whenDrained(Runnable then) {
        boolean sendNow;
        synchronized (this) {
            whenDrained = then;
            sendNow = pacedWait;
            pacedWait = false;
        }
        if (sendNow) {
            flush();
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

    public void close() {
        synchronized (this) {
            closed = true;
            pending.clear();
        }
    }
}
