package dev.easel.host.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.subscription.TableDelta;
import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.TxInfo;
import dev.easel.host.protocol.CborCodec;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When an outbox paces its frames, with the pacer's ticks driven by hand: a stream stays paced while each tick
 * finds something to send, even a single commit, and a tick with nothing to send ends it.
 */
class OutboxPacingTest {
    private static final TableSchema ITEM = Schema.builder()
            .table("item", t -> t.column("id", ColumnType.STRING).primaryKey("id"))
            .build().table("item");

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong offset = new AtomicLong();
    /** Its own timer never fires during a test (a period of an hour); releases run on the caller. */
    private final FramePacer pacer = new FramePacer(timer, Runnable::run, 1, TimeUnit.HOURS.toNanos(1), offset::get);
    private final HeldSocket socket = new HeldSocket();
    private final Outbox outbox = new Outbox(socket, new CborCodec(), 16, Runnable::run, pacer, new SharedConversions());

    @AfterEach
    void stopTimer() {
        pacer.close();
        timer.shutdownNow();
    }

    private void commit() {
        long at = offset.incrementAndGet();
        outbox.park(1, new TxInfo(at, at, new Identity("writer"), "move", null), new TableDelta(ITEM), -1);
    }

    /** Ticks a whole period, so that the outbox's group (whichever it is) gets its tick once. */
    private void tickAPeriod() {
        for (int i = 0; i < FramePacer.PHASES; i++) {
            pacer.tick();
        }
    }

    /** Two commits meet in one frame: the client is in a stream and waits for its ticks. */
    private void startAStream() {
        commit();
        commit();
        commit();
        socket.finishAll();
        assertEquals(2, socket.frames.size(), "the first commit at once, the next two together");
        commit();
        socket.finishAll();
        assertEquals(2, socket.frames.size(), "in a stream, a commit waits for the tick");
    }

    @Test
    void aTickThatFindsOneCommitKeepsTheStreamPaced() {
        startAStream();
        tickAPeriod();
        socket.finishAll();
        assertEquals(3, socket.frames.size(), "the tick sends the one commit waiting");

        commit();
        socket.finishAll();
        assertEquals(3, socket.frames.size(), "still a stream: the next commit waits for the tick too");
        tickAPeriod();
        socket.finishAll();
        assertEquals(4, socket.frames.size());
    }

    /**
     * A commit reaching an outbox that has sent nothing lately is queued as an {@link Outbox.IdleFlush}, which
     * the thread that made the commit may run (see {@code SendThreads.help}).
     */
    @Test
    void aCommitToAQuietOutboxIsQueuedAsAnIdleFlush() {
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        Outbox quiet = new Outbox(socket, new CborCodec(), 16, queued::add, pacer, new SharedConversions());
        long at = offset.incrementAndGet();
        quiet.park(1, new TxInfo(at, at, new Identity("writer"), "move", null), new TableDelta(ITEM), -1);
        assertEquals(1, queued.size());
        org.junit.jupiter.api.Assertions.assertInstanceOf(Outbox.IdleFlush.class, queued.get(0));
        queued.remove(0).run();
        assertEquals(1, socket.frames.size(), "the idle flush sends the commit");
    }

    /**
     * A commit that follows the outbox's last frame closely is part of a burst: it is queued as a plain flush
     * and left to pile up with the next ones, which is what starts pacing a stream.
     */
    @Test
    void aCommitRightAfterAFrameIsLeftToPileUp() {
        for (int attempt = 0; ; attempt++) {
            java.util.List<Runnable> queued = new java.util.ArrayList<>();
            HeldSocket held = new HeldSocket();
            Outbox busy = new Outbox(held, new CborCodec(), 16, queued::add, pacer, new SharedConversions());
            long at = offset.incrementAndGet();
            busy.park(1, new TxInfo(at, at, new Identity("writer"), "move", null), new TableDelta(ITEM), -1);
            long before = System.nanoTime();
            queued.remove(0).run();
            held.finishAll();
            at = offset.incrementAndGet();
            busy.park(1, new TxInfo(at, at, new Identity("writer"), "move", null), new TableDelta(ITEM), -1);
            // The frame went out after 'before': only an attempt this quick says anything about the rule.
            if (System.nanoTime() - before < Outbox.QUIET_NANOS / 2) {
                assertEquals(1, queued.size());
                org.junit.jupiter.api.Assertions.assertFalse(queued.get(0) instanceof Outbox.IdleFlush);
                return;
            }
            org.junit.jupiter.api.Assertions.assertTrue(attempt < 10_000, "no attempt committed within 50 µs");
        }
    }

    @Test
    void aTickWithNothingToSendEndsTheStream() {
        startAStream();
        tickAPeriod();
        socket.finishAll();
        tickAPeriod(); // nothing waiting at this one
        socket.finishAll();
        assertEquals(3, socket.frames.size());

        commit();
        socket.finishAll();
        assertEquals(4, socket.frames.size(), "a lone commit after the stream ended goes at once");
        commit();
        socket.finishAll();
        assertEquals(5, socket.frames.size(), "and so does the next one, sent alone");
    }
}
