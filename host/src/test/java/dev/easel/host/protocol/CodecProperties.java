package dev.easel.host.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Round trips through both codecs, and garbage that must only ever be refused with a ProtocolException. */
class CodecProperties {
    private static final Set<String> DECODE_CODES = Set.of(ErrorCodes.MALFORMED, ErrorCodes.UNKNOWN_TYPE,
            ErrorCodes.TOO_LARGE);

    @Provide
    Arbitrary<List<Message>> conversations() {
        return MessageArbitraries.message().list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<Message> messages() {
        return MessageArbitraries.message();
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.FIRST)
    void aConversationRoundTripsThroughOneCborCodecPair(@ForAll("conversations") List<Message> conversation) {
        CborCodec sender = new CborCodec();
        CborCodec receiver = new CborCodec();
        for (Message m : conversation) {
            byte[] frame = sender.encode(m);
            Message back = receiver.decode(frame);
            assertTrue(Messages.equal(m, back), () -> "sent " + Messages.toString(m) + "\nreceived "
                    + Messages.toString(back));
        }
    }

    @Provide
    Arbitrary<List<Message>> batchable() {
        return MessageArbitraries.single().list().ofMinSize(1).ofMaxSize(8);
    }

    /** What lets an outbox cut a batch at a byte budget without encoding a message twice (see Outbox). */
    @Property(tries = 400, edgeCases = EdgeCasesMode.FIRST)
    void aBatchJoinedFromSeparatelyEncodedMessagesIsTheBatchEncodedWhole(
            @ForAll("batchable") List<Message> messages) {
        for (java.util.function.Supplier<Codec> codec : List.<java.util.function.Supplier<Codec>>of(CborCodec::new,
                JsonCodec::new)) {
            byte[] whole;
            try {
                whole = codec.get().encode(new Message.Batch(messages));
            } catch (IllegalArgumentException unencodable) {
                continue; // the arbitraries include messages no codec can carry
            }
            Codec oneByOne = codec.get();
            List<byte[]> parts = new ArrayList<>();
            for (Message m : messages) {
                parts.add(oneByOne.encode(m));
            }
            assertArrayEquals(whole, oneByOne.joinBatch(parts), codec.get().subprotocol());
        }
    }

    /** A frame over budget is not sent, so the sender's codec must not remember names only it has seen. */
    @Property(tries = 300, edgeCases = EdgeCasesMode.FIRST)
    void aFrameRefusedForItsSizeLeavesTheCborCodecsInStep(@ForAll("conversations") List<Message> conversation) {
        CborCodec sender = new CborCodec();
        CborCodec receiver = new CborCodec();
        for (Message m : conversation) {
            try {
                assertNull(sender.encodeWithin(m, 1), "no frame fits in one byte");
            } catch (IllegalArgumentException unencodable) {
                continue;
            }
            Message back = receiver.decode(sender.encode(m));
            assertTrue(Messages.equal(m, back), () -> "sent " + Messages.toString(m) + "\nreceived "
                    + Messages.toString(back));
        }
    }

    @Property(tries = 600)
    void aMessageRoundTripsThroughJson(@ForAll("messages") Message m) {
        JsonCodec codec = new JsonCodec();
        byte[] frame = codec.encode(m);
        Message back = codec.decode(frame);
        assertTrue(Messages.equal(m, back), () -> "sent " + Messages.toString(m) + "\nas "
                + new String(frame, StandardCharsets.UTF_8) + "\nreceived " + Messages.toString(back));
    }

    @Property(tries = 400)
    void theSameMessageSurvivesBothEncodings(@ForAll("messages") Message m) {
        Message viaJson = new JsonCodec().decode(new JsonCodec().encode(m));
        Message viaCbor = new CborCodec().decode(new CborCodec().encode(viaJson));
        assertTrue(Messages.equal(m, viaCbor), () -> Messages.toString(m) + "\nvs " + Messages.toString(viaCbor));
    }

    @Property(tries = 2000)
    void randomBytesAreRefusedOnlyWithProtocolException(@ForAll @Size(max = 300) byte[] garbage) {
        decodeOrRefuse(new CborCodec(), garbage);
        decodeOrRefuse(new JsonCodec(), garbage);
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.FIRST)
    void damagedCborFramesAreRefusedOnlyWithProtocolException(@ForAll("conversations") List<Message> conversation,
            @ForAll("damage") List<int[]> damage) {
        CborCodec sender = new CborCodec();
        CborCodec receiver = new CborCodec();
        for (Message m : conversation) {
            decodeOrRefuse(receiver, damaged(sender.encode(m), damage));
        }
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.FIRST)
    void damagedJsonFramesAreRefusedOnlyWithProtocolException(@ForAll("messages") Message m,
            @ForAll("damage") List<int[]> damage) {
        decodeOrRefuse(new JsonCodec(), damaged(new JsonCodec().encode(m), damage));
    }

    @Property(tries = 1000)
    void jsonLookalikesAreRefusedOnlyWithProtocolException(@ForAll("jsonish") String text) {
        decodeOrRefuse(new JsonCodec(), text.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<List<int[]>> damage() {
        // each edit: {kind, position, byte}; kind 0 flips, 1 inserts, 2 deletes, 3 truncates
        return Arbitraries.integers().between(0, 3).flatMap(kind -> Arbitraries.integers().between(0, 10_000)
                .flatMap(pos -> Arbitraries.integers().between(0, 255).map(b -> new int[] {kind, pos, b})))
                .list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> token = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"type\"", "\"tx\"", "\"call\"",
                "\"args\"", "\"$b\"", "\"$d\"", "\"$m\"", "\"NaN\"", "1", "-1", "1.5", "1e999", "99999999999999999999",
                "null", "true", "\"offset\"", "\"updates\"", "\"requestId\"", "\"reducer\"", "\"x\"", "\"AAAA\"", " ");
        return token.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    private static byte[] damaged(byte[] frame, List<int[]> edits) {
        List<Byte> bytes = new ArrayList<>(frame.length + 4);
        for (byte b : frame) {
            bytes.add(b);
        }
        for (int[] e : edits) {
            int pos = bytes.isEmpty() ? 0 : e[1] % bytes.size();
            switch (e[0]) {
                case 0 -> {
                    if (!bytes.isEmpty()) {
                        bytes.set(pos, (byte) (bytes.get(pos) ^ (e[2] == 0 ? 1 : e[2])));
                    }
                }
                case 1 -> bytes.add(pos, (byte) e[2]);
                case 2 -> {
                    if (!bytes.isEmpty()) {
                        bytes.remove(pos);
                    }
                }
                default -> {
                    while (bytes.size() > pos) {
                        bytes.remove(bytes.size() - 1);
                    }
                }
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }

    private static void decodeOrRefuse(Codec codec, byte[] frame) {
        try {
            Message m = codec.decode(frame);
            assertTrue(m != null, "decode returned null");
        } catch (ProtocolException e) {
            assertTrue(DECODE_CODES.contains(e.code()), () -> "unexpected code " + e.code());
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "no message");
        } catch (Throwable t) {
            throw new AssertionError(codec.subprotocol() + " threw " + t + " for " + hex(frame), t);
        }
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }

    @Property(tries = 200)
    void encodingTwiceGivesTheSameJson(@ForAll("messages") Message m) {
        JsonCodec codec = new JsonCodec();
        assertEquals(new String(codec.encode(m), StandardCharsets.UTF_8),
                new String(codec.encode(codec.decode(codec.encode(m))), StandardCharsets.UTF_8));
    }
}
