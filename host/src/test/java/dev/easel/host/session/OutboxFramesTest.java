package dev.easel.host.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.host.protocol.CborCodec;
import dev.easel.host.protocol.ErrorCodes;
import dev.easel.host.protocol.Limits;
import dev.easel.host.protocol.Message;
import dev.easel.host.protocol.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How an outbox cuts what it queued into frames: batches stay within a frame's budget, every message goes out
 * once and in order, and a message too large for any frame is refused (a joiner's) or sent alone (the host's).
 */
class OutboxFramesTest {
    private static final int BIG = 400_000;

    private final HeldSocket socket = new HeldSocket();
    private final Outbox outbox = new Outbox(socket, new CborCodec(), Integer.MAX_VALUE, Runnable::run);

    /** Queues {@code messages} behind a frame in flight, so that they meet in the next frame. */
    private void queueBehindAFrameInFlight(List<Message> messages) {
        outbox.add(new Message.Pong(0));
        messages.forEach(outbox::add);
        socket.finishAll();
    }

    /** Every message of every frame after the first (the pong), through one decoder, as a receiver reads them. */
    private List<Message> received() {
        CborCodec receiver = new CborCodec(Limits.MAX_HOST_FRAME_BYTES);
        List<Message> out = new ArrayList<>();
        for (byte[] frame : socket.frames.subList(1, socket.frames.size())) {
            Message m = receiver.decode(frame);
            out.addAll(m instanceof Message.Batch b ? b.messages() : List.of(m));
        }
        return out;
    }

    private static void assertSameMessages(List<Message> expected, List<Message> actual) {
        assertEquals(expected.size(), actual.size(), "messages received");
        for (int i = 0; i < expected.size(); i++) {
            Message e = expected.get(i);
            Message a = actual.get(i);
            assertTrue(Messages.equal(e, a), () -> "expected " + Messages.toString(e) + "\nbut got " + Messages.toString(a));
        }
    }

    private static Message.Tx tx(int i) {
        // Callers and reducers go by name once, then by number: cutting a batch must keep both ends in step.
        return new Message.Tx(1_000 + i, 1_780_000_000_000_000L + i, "caller-" + i % 3, "label", -1,
                List.of(new Message.QueryUpdate(1, 0, List.of(),
                        List.of(new Message.ColumnUpdate("n" + i, new int[] {2}, new Object[] {"x".repeat(BIG)})),
                        List.of())));
    }

    @Test
    void messagesTooLargeForOneFrameTogetherGoInSeveralInOrder() {
        List<Message> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sent.add(tx(i));
            sent.add(new Message.Result(i, true, (long) i, null, null, 1_000 + i));
        }
        queueBehindAFrameInFlight(sent);

        assertTrue(socket.frames.size() >= 4, "about 2.4 MB cannot go in fewer than three frames of 1 MiB");
        for (byte[] frame : socket.frames) {
            assertTrue(frame.length <= Limits.MAX_FRAME_BYTES, "a frame of " + frame.length + " bytes");
        }
        assertSameMessages(sent, received());
    }

    @Test
    void aJoinersMessageTooLargeForAnyFrameIsRefusedAndTheRestGoOut() {
        List<String> refused = new ArrayList<>();
        outbox.refuseUnsendable(Limits.MAX_FRAME_BYTES, (m, code, reason) -> refused.add(code + " " + ((Message.Call) m).requestId()));
        Message.Call small = new Message.Call(1, "label", Map.of("id", "n1", "label", "first"));
        // Each argument fits the protocol's limits; the call as a whole does not fit in a frame.
        Message.Call huge = new Message.Call(2, "label", Map.of("id", "n1", "label", "y".repeat(600_000),
                "note", "z".repeat(600_000)));
        Message.Call unencodable = new Message.Call(3, "label", Map.of("id", "n1", "label", "w".repeat(Limits.MAX_STRING + 1)));
        Message.Call after = new Message.Call(4, "label", Map.of("id", "n1", "label", "after"));
        queueBehindAFrameInFlight(List.of(small, huge, unencodable, after));

        assertEquals(List.of(ErrorCodes.TOO_LARGE + " 2", ErrorCodes.BAD_ARGUMENT + " 3"), refused);
        assertSameMessages(List.of(small, after), received());
    }

    @Test
    void theHostSendsAMessageLargerThanTheBudgetInAFrameOfItsOwn() {
        Message.Result large = new Message.Result(7, true, List.of("a".repeat(700_000), "b".repeat(700_000)), null, null, 9);
        Message.Result small = new Message.Result(8, true, "ok", null, null, 9);
        queueBehindAFrameInFlight(List.of(small, large, small));

        assertEquals(4, socket.frames.size(), "the pong, then the large result between the two small ones");
        assertTrue(socket.frames.get(2).length > Limits.MAX_FRAME_BYTES);
        assertSameMessages(List.of(small, large, small), received());
    }
}
