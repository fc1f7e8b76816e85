package dev.easel.host.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.host.protocol.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The compact request log remembers exactly what a map of the last 8,192 calls would, answers included. */
class RequestLogProperties {
    /** What the log must behave like: the last KEEP ids in arrival order, each with its eventual result. */
    private static final class Model {
        final LinkedHashMap<Long, CompletableFuture<Message.Result>> calls = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, CompletableFuture<Message.Result>> eldest) {
                return size() > RequestLog.KEEP;
            }
        };
    }

    @Property(tries = 25)
    void remembersTheLastCallsAndTheirAnswers(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RequestLog log = new RequestLog();
        Model model = new Model();
        List<CompletableFuture<Message.Result>> unanswered = new ArrayList<>();
        // Ids from a range a little wider than the log, so some repeat while remembered and some after.
        long base = random.nextLong(1L << 51);
        long range = RequestLog.KEEP + random.nextInt(4 * RequestLog.KEEP);
        int operations = 3 * RequestLog.KEEP;
        for (int op = 0; op < operations; op++) {
            if (!unanswered.isEmpty() && random.nextInt(3) == 0) {
                CompletableFuture<Message.Result> f = unanswered.remove(random.nextInt(unanswered.size()));
                f.complete(answer(random, f));
                continue;
            }
            long id = base + random.nextLong(range);
            CompletableFuture<Message.Result> fresh = new CompletableFuture<>();
            CompletableFuture<Message.Result> earlier = log.claim(id, fresh);
            CompletableFuture<Message.Result> expected = model.calls.get(id);
            if (expected == null) {
                assertNull(earlier, "id " + id + " was not among the last calls");
                model.calls.put(id, fresh);
                unanswered.add(fresh);
                requestIds.put(fresh, id);
            } else {
                assertNotNull(earlier, "id " + id + " is among the last calls");
                assertEquals(expected.isDone(), earlier.isDone());
                if (expected.isDone()) {
                    assertTrue(Messages.sameResult(expected.join(), earlier.join()),
                            expected.join() + " vs " + earlier.join());
                }
            }
            assertEquals(model.calls.size(), log.size());
        }
    }

    private final Map<CompletableFuture<Message.Result>, Long> requestIds = new java.util.IdentityHashMap<>();

    private Message.Result answer(SplittableRandom random, CompletableFuture<Message.Result> f) {
        long id = requestIds.get(f);
        long offset = random.nextLong(1_000_000);
        return switch (random.nextInt(3)) {
            case 0 -> new Message.Result(id, true, null, null, null, offset);
            case 1 -> new Message.Result(id, true, "value " + offset, null, null, offset);
            default -> new Message.Result(id, false, null, "bad_argument", "no such node", offset);
        };
    }

    @Test
    void aResentCallGetsTheFirstAnswerRebuiltFromItsOffset() {
        RequestLog log = new RequestLog();
        CompletableFuture<Message.Result> first = new CompletableFuture<>();
        assertNull(log.claim(42, first));
        first.complete(new Message.Result(42, true, null, null, null, 1234));
        Message.Result again = log.claim(42, new CompletableFuture<>()).join();
        assertTrue(Messages.sameResult(first.join(), again), again.toString());
    }

    /** Results compared field by field (a rebuilt result is a new object). */
    private static final class Messages {
        static boolean sameResult(Message.Result a, Message.Result b) {
            return a.requestId() == b.requestId() && a.ok() == b.ok() && java.util.Objects.equals(a.value(), b.value())
                    && java.util.Objects.equals(a.errorCode(), b.errorCode())
                    && java.util.Objects.equals(a.errorMessage(), b.errorMessage()) && a.offset() == b.offset();
        }
    }
}
