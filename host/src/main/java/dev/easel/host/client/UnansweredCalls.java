package dev.easel.host.client;

import dev.easel.host.protocol.Message;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A joiner's calls the host has not answered yet, in the order they were made: sent again after each reconnect
 * (the host answers a repeated request id with its first result, never applying the call twice) until their
 * result arrives, or failed all at once when the session is over for this joiner.
 */
final class UnansweredCalls {
    /** A call made and not yet answered, with the future its caller holds. */
    record Call(long requestId, String reducer, Map<String, Object> args, CompletableFuture<Object> future) {
        Message.Call message() {
            return new Message.Call(requestId, reducer, args);
        }
    }

    /**
     * Request ids are the host's idempotency keys for this identity across all its connections (PROTOCOL.md
     * section 9), so each connection starts at a random point: one that counted from 1 would have its first
     * calls answered with the results of the same installation's previous visit, and never applied.
     */
    private long nextRequestId = firstRequestId();
    private final LinkedHashMap<Long, Call> calls = new LinkedHashMap<>();

    /** Random in [1, 2^51]: exact in JavaScript's numbers, with room to count up for ever after. */
    private static long firstRequestId() {
        return 1 + (new SecureRandom().nextLong() >>> 13);
    }

    /** Registers a new call under a fresh request id. */
    synchronized Call add(String reducer, Map<String, Object> args, CompletableFuture<Object> future) {
        Call c = new Call(nextRequestId++, reducer, args, future);
        calls.put(c.requestId(), c);
        return c;
    }

    /** The call this result answers, no longer unanswered; null if it is not one of ours (or already answered). */
    synchronized Call answered(long requestId) {
        return calls.remove(requestId);
    }

    /** Every unanswered call as a message, oldest first, to send again on a new connection. */
    synchronized List<Message.Call> toSendAgain() {
        List<Message.Call> again = new ArrayList<>(calls.size());
        for (Call c : calls.values()) {
            again.add(c.message());
        }
        return again;
    }

    /** Takes every unanswered call out, oldest first (to fail them: the session is over for this joiner). */
    synchronized List<Call> drain() {
        List<Call> all = new ArrayList<>(calls.values());
        calls.clear();
        return all;
    }

    synchronized int size() {
        return calls.size();
    }
}
