package dev.easel.host.server;

import dev.easel.host.protocol.Message;
import java.util.concurrent.CompletableFuture;

/**
 * The recent calls of one participant, by request id, across reconnects and connections: a repeated id is
 * answered with the first call's result instead of running again, so a call resent after a dropped link is
 * applied once.
 *
 * <p>It lives as long as the session and sees every call (a hundred cursors make 6,000 a second), so it is
 * kept compact: a ring of the last {@value #KEEP} ids in parallel arrays, an open-addressing index from id to
 * ring slot, and, once a call is answered, no objects at all for the usual answer (success, no value: its
 * offset is enough to rebuild it). A map of futures and results here was the largest long-lived allocation of
 * a cursor storm and doubled the young-GC pauses. The ring starts small and doubles up to {@value #KEEP}.
 */
final class RequestLog {
    static final int KEEP = 8192;
    private static final int FIRST_CAPACITY = 64;
    /** The outcome of a call answered with success and no value; its offset is in {@link #offsets}. */
    private static final Object DONE_OK = new Object();

    // the ring, oldest at `next` once full
    private long[] ids = new long[FIRST_CAPACITY];
    /** A pending call's future, a settled call's result, or {@link #DONE_OK}. */
    private Object[] outcomes = new Object[FIRST_CAPACITY];
    private long[] offsets = new long[FIRST_CAPACITY];
    private int next;
    private int size;

    // the index: id -> ring slot + 1 (0 marks an empty cell); linear probing, twice the ring's capacity
    private long[] keys = new long[2 * FIRST_CAPACITY];
    private int[] slots = new int[2 * FIRST_CAPACITY];

    /** The earlier call with this id, or null after registering {@code fresh} as it. */
    synchronized CompletableFuture<Message.Result> claim(long requestId, CompletableFuture<Message.Result> fresh) {
        int slot = find(requestId);
        if (slot >= 0) {
            return outcome(requestId, slot);
        }
        add(requestId, fresh);
        fresh.thenAccept(result -> settle(requestId, fresh, result));
        return null;
    }

    /** How many calls it remembers. */
    synchronized int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    private CompletableFuture<Message.Result> outcome(long requestId, int slot) {
        Object o = outcomes[slot];
        if (o instanceof CompletableFuture<?> pending) {
            return (CompletableFuture<Message.Result>) pending;
        }
        Message.Result r = o == DONE_OK ? new Message.Result(requestId, true, null, null, null, offsets[slot])
                : (Message.Result) o;
        return CompletableFuture.completedFuture(r);
    }

    /** Drops the future of an answered call, keeping only what rebuilds its result. */
    private synchronized void settle(long requestId, CompletableFuture<Message.Result> call, Message.Result result) {
        int slot = find(requestId);
        if (slot < 0 || outcomes[slot] != call) {
            return; // forgotten meanwhile (more than KEEP calls came after it), perhaps its id claimed again
        }
        if (result.ok() && result.value() == null) {
            outcomes[slot] = DONE_OK;
            offsets[slot] = result.offset();
        } else {
            outcomes[slot] = result;
        }
    }

    private void add(long requestId, Object outcome) {
        if (size == ids.length) {
            if (ids.length < KEEP) {
                grow();
            } else {
                unindex(ids[next]);
                size--;
            }
        }
        ids[next] = requestId;
        outcomes[next] = outcome;
        index(requestId, next);
        next = (next + 1) % ids.length;
        size++;
    }

    /** Doubles the ring (oldest first from slot 0) and rebuilds the index. */
    private void grow() {
        int capacity = ids.length * 2;
        long[] oldIds = ids;
        Object[] oldOutcomes = outcomes;
        long[] oldOffsets = offsets;
        ids = new long[capacity];
        outcomes = new Object[capacity];
        offsets = new long[capacity];
        keys = new long[2 * capacity];
        slots = new int[2 * capacity];
        for (int i = 0; i < size; i++) {
            int from = (next + i) % oldIds.length;
            ids[i] = oldIds[from];
            outcomes[i] = oldOutcomes[from];
            offsets[i] = oldOffsets[from];
            index(ids[i], i);
        }
        next = size;
    }

    // ---- the index ---------------------------------------------------------------------------------------

    private int home(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & (keys.length - 1);
    }

    /** The ring slot of {@code id}, or -1. */
    private int find(long id) {
        int mask = keys.length - 1;
        for (int i = home(id); slots[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == id) {
                return slots[i] - 1;
            }
        }
        return -1;
    }

    private void index(long id, int slot) {
        int mask = keys.length - 1;
        int i = home(id);
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = id;
        slots[i] = slot + 1;
    }

    /** Removes {@code id}, shifting back the cells after it that probing would no longer reach. */
    private void unindex(long id) {
        int mask = keys.length - 1;
        int gap = home(id);
        while (slots[gap] != 0 && keys[gap] != id) {
            gap = (gap + 1) & mask;
        }
        if (slots[gap] == 0) {
            return;
        }
        slots[gap] = 0;
        for (int i = (gap + 1) & mask; slots[i] != 0; i = (i + 1) & mask) {
            int h = home(keys[i]);
            // The cell at i may fill the gap unless its home lies cyclically in (gap, i].
            boolean reachable = gap <= i ? (h > gap && h <= i) : (h > gap || h <= i);
            if (!reachable) {
                keys[gap] = keys[i];
                slots[gap] = slots[i];
                slots[i] = 0;
                gap = i;
            }
        }
    }
}
