package dev.easel.host.server;

import dev.easel.host.protocol.Message;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The recent calls of one participant, by request id, across reconnects: a repeated id is answered with the
 * first call's result instead of running again, so a call resent after a dropped link is applied once.
 */
final class RequestLog {
    private static final int KEEP = 8192;

    private final LinkedHashMap<Long, CompletableFuture<Message.Result>> calls = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, CompletableFuture<Message.Result>> eldest) {
            return size() > KEEP;
        }
    };

    /** The earlier call with this id, or null after registering {@code fresh} as it. */
    synchronized CompletableFuture<Message.Result> claim(long requestId, CompletableFuture<Message.Result> fresh) {
        CompletableFuture<Message.Result> earlier = calls.get(requestId);
        if (earlier != null) {
            return earlier;
        }
        calls.put(requestId, fresh);
        return null;
    }
}
