package dev.easel.host.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class CborCodecTest {
    static final long EPOCH = 1_764_000_000_000_000L;
    static final String CALLER = "3f9a1c22e0b4d7a85b6c7d8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f9012345";

    static Message.Welcome welcome(long offset) {
        Message.SchemaInfo schema = new Message.SchemaInfo(1, List.of(new Message.TableInfo(0, "node", true, 0,
                List.of(new Message.ColumnInfo("id", "string", false), new Message.ColumnInfo("x", "f64", false),
                        new Message.ColumnInfo("y", "f64", false)))));
        return new Message.Welcome(CALLER, "editor", "kQ3vX9aB2cD4", schema, offset, EPOCH, false);
    }

    /** One node move as a joiner sees it: one update of x and y of one node. */
    static Message.Tx move(long offset, long timestamp, double x, double y) {
        return new Message.Tx(offset, timestamp, CALLER, "move_nodes", -1, List.of(new Message.QueryUpdate(1, 0,
                List.of(), List.of(new Message.ColumnUpdate("a1b2c3d4:17", new int[] {5, 6}, new Object[] {x, y})),
                List.of())));
    }

    static String hex(byte[] b) {
        return HexFormat.ofDelimiter(" ").formatHex(b);
    }

    @Test
    void aNodeMoveFitsIn48BytesOnceCallerAndReducerAreInterned() {
        CborCodec host = new CborCodec();
        CborCodec joiner = new CborCodec();
        joiner.decode(host.encode(welcome(99_990)));
        // earlier in the session: the first move by this caller sends its identity and reducer in full
        long oneHourIn = EPOCH + 3_600_000_000L;
        byte[] first = host.encode(move(99_999, oneHourIn, 118.0, 298.5));
        assertTrue(first.length > 100, "the first tx carries the caller in full");
        joiner.decode(first);

        Message.Tx tx = move(100_000, oneHourIn + 16_667, 120.5, 300.0);
        byte[] frame = host.encode(tx);
        byte[] json = new JsonCodec().encode(tx);
        System.out.println("node move, binary: " + frame.length + " bytes: " + hex(frame));
        System.out.println("node move, JSON: " + json.length + " bytes: " + new String(json, StandardCharsets.UTF_8));
        assertTrue(frame.length <= 48, "binary node move is " + frame.length + " bytes");
        assertTrue(Messages.equal(tx, joiner.decode(frame)));

        // the caller's own connection also gets its request id back
        Message.Tx own = new Message.Tx(100_001, oneHourIn + 33_334, CALLER, "move_nodes", 1234, tx.updates());
        byte[] ownFrame = host.encode(own);
        System.out.println("node move, binary, caller's own connection: " + ownFrame.length + " bytes");
        assertTrue(ownFrame.length <= 48);
        assertTrue(Messages.equal(own, joiner.decode(ownFrame)));

        // with ids as Easel makes them: a 32-hex-digit caller and an 18-character node id
        CborCodec host2 = new CborCodec();
        String caller = "3fa9c2d1e0b4d7a85b6c7d8e9f0a1b2c";
        host2.encode(welcome(99_990));
        host2.encode(new Message.Tx(99_999, oneHourIn, caller, "move_nodes", -1, List.of()));
        Message.Tx real = new Message.Tx(100_000, oneHourIn + 16_667, caller, "move_nodes", -1, List.of(
                new Message.QueryUpdate(1, 0, List.of(), List.of(new Message.ColumnUpdate("3fa9c2d1:lx2k9q:1f",
                        new int[] {5, 6}, new Object[] {120.5, 300.0})), List.of())));
        byte[] realFrame = host2.encode(real);
        System.out.println("node move with an Easel node id: " + realFrame.length + " bytes, JSON "
                + new JsonCodec().encode(real).length);
        assertTrue(realFrame.length <= 48);

        // after ten idle minutes the time delta grows by two bytes
        Message.Tx later = move(100_002, oneHourIn + 600_000_000L, 121.25, 301.0);
        byte[] laterFrame = host.encode(later);
        System.out.println("node move after 10 idle minutes: " + laterFrame.length + " bytes");
        assertTrue(laterFrame.length <= 48);
        assertTrue(Messages.equal(later, joiner.decode(laterFrame)));
    }

    /**
     * A joiner receiving the same keys frame after frame gets the same String (and the same column list) back,
     * from a frame in a direct buffer as from an array, and the buffer is left as it was.
     */
    @Test
    void shortTextsAndColumnListsMetLatelyAreReused() {
        CborCodec host = new CborCodec();
        CborCodec joiner = new CborCodec();
        joiner.decode(host.encode(welcome(10)));
        Message.ColumnUpdate first = onlyUpdate(joiner.decode(host.encode(move(11, EPOCH, 1.0, 2.0))));
        byte[] frame = host.encode(move(12, EPOCH, 3.0, 4.0));
        java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(frame.length + 8);
        direct.position(3);
        direct.put(frame);
        direct.position(3).limit(3 + frame.length);
        Message.ColumnUpdate second = onlyUpdate(joiner.decode(direct));
        assertEquals(3, direct.position());
        assertEquals(3 + frame.length, direct.limit());

        assertEquals("a1b2c3d4:17", second.primaryKey());
        org.junit.jupiter.api.Assertions.assertSame(first.primaryKey(), second.primaryKey());
        org.junit.jupiter.api.Assertions.assertSame(first.columns(), second.columns());
        assertArrayEquals(new Object[] {3.0, 4.0}, second.values());

        // A text that is not ASCII is decoded as usual, every time.
        Message.Tx accented = new Message.Tx(13, EPOCH, CALLER, "move_nodes", -1, List.of(new Message.QueryUpdate(1, 0,
                List.of(), List.of(new Message.ColumnUpdate("n\u00e9:1", new int[] {5}, new Object[] {1.0})), List.of())));
        Message.ColumnUpdate a1 = onlyUpdate(joiner.decode(host.encode(accented)));
        Message.ColumnUpdate a2 = onlyUpdate(joiner.decode(java.nio.ByteBuffer.wrap(host.encode(accented))));
        assertEquals("n\u00e9:1", a2.primaryKey());
        assertEquals(a1.primaryKey(), a2.primaryKey());
    }

    /** A frame of a hundred cursors, keyed by their owners' 64-character identities, decoded twice. */
    @Test
    void aHundredCursorOwnersAreAllReusedFromFrameToFrame() {
        java.util.Random random = new java.util.Random(7);
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            byte[] fingerprint = new byte[32];
            random.nextBytes(fingerprint);
            owners.add(HexFormat.of().formatHex(fingerprint));
        }
        CborCodec host = new CborCodec();
        CborCodec joiner = new CborCodec();
        List<Object> first = cursorKeys(joiner.decode(host.encode(cursorFrame(owners, 1))));
        List<Object> second = cursorKeys(joiner.decode(host.encode(cursorFrame(owners, 2))));
        assertEquals(owners, second);
        for (int i = 0; i < owners.size(); i++) {
            org.junit.jupiter.api.Assertions.assertSame(first.get(i), second.get(i), "owner " + i + " decoded again");
        }
    }

    /**
     * The connections a thread reads share its recent texts and its buffer for direct frames; another thread keeps
     * its own. What one frame decoded to is untouched by the next frame through the same buffer.
     */
    @Test
    void connectionsReadOnOneThreadShareItsScratchAndNothingDecodedPointsIntoIt() throws Exception {
        List<String> owners = List.of("1f".repeat(32), "2e".repeat(32), "3d".repeat(32));
        // Each from a host of its own, as a first frame (callers in full), so any new codec can decode it.
        byte[] firstFrame = new CborCodec().encode(cursorFrame(owners, 1));
        byte[] secondFrame = new CborCodec().encode(cursorFrame(List.of("4c".repeat(32)), 2));

        Message fromA = new CborCodec().decode(inDirectBuffer(firstFrame));
        Message fromB = new CborCodec().decode(inDirectBuffer(secondFrame));
        assertEquals(owners, cursorKeys(fromA), "the first frame's message outlives the buffer's next use");
        assertEquals(List.of("4c".repeat(32)), cursorKeys(fromB));
        List<Object> sameThread = cursorKeys(new CborCodec().decode(inDirectBuffer(firstFrame)));
        for (int i = 0; i < owners.size(); i++) {
            org.junit.jupiter.api.Assertions.assertSame(cursorKeys(fromA).get(i), sameThread.get(i));
        }

        java.util.concurrent.CompletableFuture<List<Object>> otherThread = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> otherThread.complete(cursorKeys(new CborCodec().decode(inDirectBuffer(firstFrame)))));
        t.start();
        List<Object> elsewhere = otherThread.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(owners, elsewhere);
        org.junit.jupiter.api.Assertions.assertNotSame(cursorKeys(fromA).get(0), elsewhere.get(0));
    }

    private static java.nio.ByteBuffer inDirectBuffer(byte[] frame) {
        java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(frame.length);
        direct.put(frame).flip();
        return direct;
    }

    private static Message.Tx cursorFrame(List<String> owners, long offset) {
        List<Message.ColumnUpdate> moves = new ArrayList<>();
        for (String owner : owners) {
            moves.add(new Message.ColumnUpdate(new String(owner), new int[] {1}, new Object[] {(double) offset}));
        }
        return new Message.Tx(offset, EPOCH, CALLER, "set_cursor", -1, List.of(new Message.QueryUpdate(1, 0, List.of(),
                moves, List.of())));
    }

    private static List<Object> cursorKeys(Message m) {
        List<Object> keys = new ArrayList<>();
        ((Message.Tx) m).updates().get(0).updates().forEach(u -> keys.add(u.primaryKey()));
        return keys;
    }

    private static Message.ColumnUpdate onlyUpdate(Message m) {
        return ((Message.Tx) m).updates().get(0).updates().get(0);
    }

    @Test
    void recentTextsFindOnlyTheSameBytes() {
        RecentTexts texts = new RecentTexts();
        byte[] frame = "..cursor-of-ann..cursor-of-bob".getBytes(StandardCharsets.US_ASCII);
        assertEquals(null, texts.find(frame, 2, 13));
        String ann = "cursor-of-ann";
        texts.remember(frame, 2, 13, ann);
        org.junit.jupiter.api.Assertions.assertSame(ann, texts.find(frame, 2, 13));
        assertEquals(null, texts.find(frame, 17, 13), "other bytes, even in the same slot, are not that text");
        assertEquals(null, texts.find(frame, 2, 12), "nor is a prefix of it");
    }

    @Test
    void theMoveTxHasTheDocumentedLayout() {
        CborCodec host = new CborCodec();
        host.encode(welcome(99_999));
        host.encode(move(99_999, EPOCH + 1, 0.0, 0.0)); // interns caller #0 and reducer #0
        byte[] frame = host.encode(move(100_000, EPOCH + 1 + 16_667, 120.5, 300.0));
        assertEquals("86 05 01 19 41 1b 00 00 81 83 01 00 81 85 6b 61 31 62 32 63 33 64 34 3a 31 37 05 f9 57 88 06 "
                + "f9 5c b0", hex(frame));
    }

    @Test
    void doublesTakeTheirShortestExactWidth() {
        assertEquals("f9 57 88", hex(scalarBytes(120.5)));
        assertEquals("f9 5c b0", hex(scalarBytes(300.0)));
        assertEquals("f9 80 00", hex(scalarBytes(-0.0)));
        assertEquals("f9 7e 00", hex(scalarBytes(Double.NaN)));
        assertEquals("f9 fc 00", hex(scalarBytes(Double.NEGATIVE_INFINITY)));
        assertEquals("f9 00 01", hex(scalarBytes(5.960464477539063E-8))); // smallest float16 subnormal
        assertEquals("f9 7b ff", hex(scalarBytes(65504.0))); // largest float16
        assertEquals("fa 47 80 00 00", hex(scalarBytes(65536.0)));
        assertEquals("fa 3f 8c cc cd", hex(scalarBytes((double) 1.1f)));
        assertEquals("fb 3f b9 99 99 99 99 99 9a", hex(scalarBytes(0.1)));
        assertEquals("17", hex(scalarBytes(23L)));
        assertEquals("18 18", hex(scalarBytes(24L)));
        assertEquals("20", hex(scalarBytes(-1L)));
        assertEquals("3b 7f ff ff ff ff ff ff ff", hex(scalarBytes(Long.MIN_VALUE)));
        for (double d : new double[] {120.5, 300.0, -0.0, 5.960464477539063E-8, 65504.0, 65536.0, 1.1f, 0.1,
                Double.MIN_VALUE, 6.1E-5, 1e300}) {
            Message.Snapshot s = snapshotOf(d);
            Message.Snapshot back = (Message.Snapshot) new CborCodec().decode(new CborCodec().encode(s));
            assertEquals(Double.valueOf(d), back.rows().get(0)[0]);
        }
    }

    @Test
    void halfBitsAreExactOrRefused() {
        assertEquals(0x3C00, CompactCborGenerator.halfBitsIfExact(1.0));
        assertEquals(0x0200, CompactCborGenerator.halfBitsIfExact(Math.scalb(1.0, -15)));
        assertEquals(0x0400, CompactCborGenerator.halfBitsIfExact(Math.scalb(1.0, -14)));
        assertEquals(-1, CompactCborGenerator.halfBitsIfExact(Math.scalb(1.0, -25)));
        assertEquals(-1, CompactCborGenerator.halfBitsIfExact(65520.0));
        assertEquals(-1, CompactCborGenerator.halfBitsIfExact(1.0 + Math.ulp(1.0)));
        assertEquals(-1, CompactCborGenerator.halfBitsIfExact(2049.0));
        assertEquals(0x6800, CompactCborGenerator.halfBitsIfExact(2048.0));
    }

    private static Message.Snapshot snapshotOf(Object value) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {value});
        return new Message.Snapshot(1, 0, 1, rows);
    }

    /** The encoding of one value, cut out of a one-value snapshot: [3, 1, 0, 1, [[v]]]. */
    private static byte[] scalarBytes(Object value) {
        byte[] frame = new CborCodec().encode(snapshotOf(value));
        byte[] prefix = {(byte) 0x85, 0x03, 0x01, 0x00, 0x01, (byte) 0x81, (byte) 0x81};
        for (int i = 0; i < prefix.length; i++) {
            assertEquals(prefix[i], frame[i]);
        }
        byte[] out = new byte[frame.length - prefix.length];
        System.arraycopy(frame, prefix.length, out, 0, out.length);
        return out;
    }

    @Test
    void callersAndReducersAreSentInFullOnceThenByNumber() {
        CborCodec host = new CborCodec();
        CborCodec joiner = new CborCodec();
        byte[] a = host.encode(move(1, EPOCH, 1.0, 2.0));
        byte[] b = host.encode(move(2, EPOCH, 1.0, 2.0));
        assertTrue(new String(a, StandardCharsets.ISO_8859_1).contains(CALLER));
        assertFalse(new String(b, StandardCharsets.ISO_8859_1).contains(CALLER));
        assertTrue(a.length - b.length >= CALLER.length() + "move_nodes".length());
        // the receiver must have seen the first frame to read the second
        ProtocolException e = assertThrows(ProtocolException.class, () -> new CborCodec().decode(b));
        assertEquals(ErrorCodes.MALFORMED, e.code());
        assertTrue(e.getMessage().contains("Tx.caller"), e.getMessage());
        assertTrue(Messages.equal(move(1, EPOCH, 1.0, 2.0), joiner.decode(a)));
        assertTrue(Messages.equal(move(2, EPOCH, 1.0, 2.0), joiner.decode(b)));

        // frames from clients carry no state: the host may drop one undecoded (rate limit) and read the next
        CborCodec client = new CborCodec();
        Map<String, Object> args = Map.of("x", 1.5);
        byte[] c1 = client.encode(new Message.Call(1, "set_cursor", args));
        byte[] c2 = client.encode(new Message.Call(2, "set_cursor", args));
        assertEquals(c1.length, c2.length);
        assertEquals("set_cursor", ((Message.Call) new CborCodec().decode(c2)).reducer());
    }

    @Test
    void longStringsAreNotInternedAndTablesStopGrowingWhenFull() {
        CborCodec host = new CborCodec();
        CborCodec joiner = new CborCodec();
        String longCaller = "c".repeat(Limits.MAX_INTERNED_UTF8 + 1);
        for (int i = 0; i < 2; i++) {
            Message.Tx tx = new Message.Tx(i, 0, longCaller, "r", -1, List.of());
            byte[] f = host.encode(tx);
            assertTrue(f.length > Limits.MAX_INTERNED_UTF8, "sent in full every time");
            assertTrue(Messages.equal(tx, joiner.decode(f)));
        }
        for (int i = 0; i < Limits.MAX_INTERNED + 10; i++) {
            Message.Tx tx = new Message.Tx(i, 0, "caller-" + i, "r", -1, List.of());
            assertTrue(Messages.equal(tx, joiner.decode(host.encode(tx))));
        }
        Message.Tx again = new Message.Tx(5, 0, "caller-" + (Limits.MAX_INTERNED + 5), "r", -1, List.of());
        byte[] f = host.encode(again);
        assertTrue(new String(f, StandardCharsets.ISO_8859_1).contains("caller-"), "table full: sent in full");
        assertTrue(Messages.equal(again, joiner.decode(f)));
        Message.Tx early = new Message.Tx(6, 0, "caller-3", "r", -1, List.of());
        byte[] g = host.encode(early);
        assertFalse(new String(g, StandardCharsets.ISO_8859_1).contains("caller-"), "still interned");
        assertTrue(Messages.equal(early, joiner.decode(g)));
    }

    @Test
    void aFailedEncodeLeavesTheStateAsItWas() {
        CborCodec host = new CborCodec();
        CborCodec joiner = new CborCodec();
        Message.Tx bad = new Message.Tx(7, EPOCH, "new-caller", "new-reducer", -1, List.of(new Message.QueryUpdate(1,
                0, List.of(), List.of(new Message.ColumnUpdate("k", new int[] {1}, new Object[] {new Object()})),
                List.of())));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> host.encode(bad));
        assertTrue(e.getMessage().contains("Object"), e.getMessage());
        Message.Tx good = new Message.Tx(7, EPOCH, "new-caller", "new-reducer", -1, List.of());
        assertTrue(Messages.equal(good, joiner.decode(host.encode(good))));
        Message.Tx next = new Message.Tx(8, EPOCH + 5, "new-caller", "new-reducer", 3, List.of());
        assertTrue(Messages.equal(next, joiner.decode(host.encode(next))));
    }

    @Test
    void encodeRefusesWhatTheProtocolCannotCarry() {
        CborCodec c = new CborCodec();
        assertThrows(IllegalArgumentException.class, () -> c.encode(null));
        assertThrows(IllegalArgumentException.class, () -> c.encode(new Message.Subscribe(1, null)));
        assertThrows(IllegalArgumentException.class, () -> c.encode(new Message.Batch(List.of(
                new Message.Batch(List.of())))));
        assertThrows(IllegalArgumentException.class, () -> c.encode(new Message.Call(1, "r", Map.of("k",
                List.of(new StringBuilder())))));
        assertThrows(IllegalArgumentException.class, () -> c.encode(new Message.Call(1, "r", deep(32))));
        assertTrue(Messages.equal(new Message.Call(1, "r", deep(31)),
                new CborCodec().decode(new CborCodec().encode(new Message.Call(1, "r", deep(31))))));
        assertThrows(IllegalArgumentException.class, () -> c.encode(new Message.Tx(1, 1, null, null, -1, List.of(
                new Message.QueryUpdate(1, 0, List.of(), List.of(new Message.ColumnUpdate("k", new int[] {1, 2},
                        new Object[] {1L})), List.of())))));
        assertThrows(IllegalArgumentException.class, () -> c.encode(new Message.Snapshot(1, -1, 0, List.of())));
    }

    /** Call args nested {@code levels} deep below the args map (which is level 1). */
    static Map<String, Object> deep(int levels) {
        Object v = 1L;
        for (int i = 0; i < levels; i++) {
            v = List.of(v);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v", v);
        return m;
    }

    @Test
    void bigSnapshotsAreCompressedAndSmallOnesAreNot() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            rows.add(new Object[] {"node-" + i, "rect", (double) i, i * 0.5, 100.0, 50.0, "#ff8800", true, null});
        }
        Message.Snapshot big = new Message.Snapshot(3, 0, 42, rows);
        byte[] frame = new CborCodec().encode(big);
        assertEquals(0x04, frame[1], "type 4: deflated snapshot");
        Message back = new CborCodec().decode(frame);
        assertTrue(Messages.equal(big, back));
        byte[] json = new JsonCodec().encode(big);
        System.out.println("2000-row snapshot: binary deflated " + frame.length + " bytes, JSON " + json.length);
        assertTrue(frame.length * 4 < json.length);

        Message.Snapshot small = new Message.Snapshot(3, 0, 42, rows.subList(0, 10));
        byte[] smallFrame = new CborCodec().encode(small);
        assertEquals(0x03, smallFrame[1], "type 3: plain snapshot");
        assertTrue(Messages.equal(small, new CborCodec().decode(smallFrame)));

        // incompressible rows stay plain even when big
        List<Object[]> noise = new ArrayList<>();
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 40; i++) {
            byte[] b = new byte[1000];
            random.nextBytes(b);
            noise.add(new Object[] {b});
        }
        byte[] noiseFrame = new CborCodec().encode(new Message.Snapshot(1, 0, 1, noise));
        assertEquals(0x03, noiseFrame[1]);
    }

    @Test
    void compressedSnapshotsAreCheckedLikeAnyOtherInput() {
        // a decompression bomb: 32 MiB of zeros in a small frame
        byte[] zeros = new byte[Limits.MAX_INFLATED_BYTES + 1];
        byte[] bomb = cborSnapshotDeflated(deflate(zeros));
        assertTrue(bomb.length < Limits.MAX_FRAME_BYTES);
        assertCode(ErrorCodes.TOO_LARGE, bomb);
        // corrupt, truncated, trailing, and not rows
        byte[] good = deflate(new byte[] {(byte) 0x81, (byte) 0x81, 0x01});
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 3);
        assertCode(ErrorCodes.MALFORMED, cborSnapshotDeflated(new byte[] {1, 2, 3, 4}));
        assertCode(ErrorCodes.MALFORMED, cborSnapshotDeflated(truncated));
        assertCode(ErrorCodes.MALFORMED, cborSnapshotDeflated(deflate(new byte[] {(byte) 0x81, (byte) 0x81, 0x01, 0x01})));
        assertCode(ErrorCodes.MALFORMED, cborSnapshotDeflated(deflate(new byte[] {0x01})));
        Message.Snapshot s = (Message.Snapshot) new CborCodec().decode(cborSnapshotDeflated(good));
        assertEquals(1L, s.rows().get(0)[0]);
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    /** [4, 1, 0, 7, bytes] */
    private static byte[] cborSnapshotDeflated(byte[] z) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x85, 0x04, 0x01, 0x00, 0x07, 0x5a});
        out.writeBytes(new byte[] {(byte) (z.length >>> 24), (byte) (z.length >>> 16), (byte) (z.length >>> 8),
                (byte) z.length});
        out.writeBytes(z);
        return out.toByteArray();
    }

    @Test
    void everyMessageTypeRoundTrips() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"n1", 1L, 2.5, true, null, new byte[] {1, 2, 3}});
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("ids", List.of("n1", "n2"));
        args.put("dx", 3.25);
        args.put("opts", Map.of("snap", true));
        args.put("blob", new byte[] {9});
        List<Message> all = List.of(
                new Message.Challenge(new byte[32], "kQ3vX9aB2cD4"),
                welcome(10),
                new Message.Snapshot(1, 0, 10, rows),
                move(11, EPOCH + 5, 120.5, 300.0),
                new Message.Result(7, true, List.of(1L, "two", 3.5), null, null, 11),
                new Message.Result(8, false, null, ErrorCodes.CONSTRAINT, "duplicate id", 11),
                new Message.Error(ErrorCodes.BAD_QUERY, "no table nodes", 3),
                new Message.Pong(Long.MIN_VALUE),
                new Message.Batch(List.of(move(12, EPOCH + 6, 1.0, 2.0), move(13, EPOCH + 7, 1.0, 2.0))),
                new Message.Hello(1, new byte[44], new byte[64], "Ann", 10, Map.of(1L, "SELECT * FROM node")),
                new Message.Subscribe(2, "SELECT * FROM cursor"),
                new Message.Unsubscribe(2),
                new Message.Call(9, "move_nodes", args),
                new Message.Ping(123456789));
        CborCodec out = new CborCodec();
        CborCodec in = new CborCodec();
        for (Message m : all) {
            Message back = in.decode(out.encode(m));
            assertTrue(Messages.equal(m, back), () -> Messages.toString(m) + " vs " + Messages.toString(back));
        }
    }

    @Test
    void unknownTrailingElementsAreIgnored() {
        // [17, 5, "SELECT * FROM node", {"future": [1, 2]}, 99]
        byte[] frame = bytes("85 11 05 72 53 45 4c 45 43 54 20 2a 20 46 52 4f 4d 20 6e 6f 64 65 a1 66 66 75 74 75 72 65 "
                + "82 01 02 18 63");
        Message m = new CborCodec().decode(frame);
        assertTrue(Messages.equal(new Message.Subscribe(5, "SELECT * FROM node"), m));
    }

    @Test
    void malformedFramesAreRefusedWithACode() {
        assertCode(ErrorCodes.MALFORMED, new byte[0]);
        assertCode(ErrorCodes.MALFORMED, bytes("ff"));
        assertCode(ErrorCodes.MALFORMED, bytes("11"), "array");
        assertCode(ErrorCodes.MALFORMED, bytes("82 61 61 01"), "integer type");
        assertCode(ErrorCodes.UNKNOWN_TYPE, bytes("81 18 63"), "99");
        assertCode(ErrorCodes.UNKNOWN_TYPE, bytes("81 3b 7f ff ff ff ff ff ff ff"));
        assertCode(ErrorCodes.MALFORMED, bytes("81 14"), "Ping.payload"); // ping without payload
        assertCode(ErrorCodes.MALFORMED, bytes("82 14 61 61"), "Ping.payload"); // payload not an integer
        assertCode(ErrorCodes.MALFORMED, bytes("82 14 1b ff ff ff ff ff ff ff ff"), "64-bit"); // too big for a long
        assertCode(ErrorCodes.MALFORMED, bytes("82 14 01 02"), "after"); // trailing item
        assertCode(ErrorCodes.MALFORMED, bytes("83 11 01"), "end-of-input"); // truncated
        assertCode(ErrorCodes.MALFORMED, bytes("83 11 01 f6"), "Subscribe.sql"); // null sql
        assertCode(ErrorCodes.MALFORMED, bytes("83 11 01 5b ff ff ff ff ff ff ff ff")); // absurd length
        assertCode(ErrorCodes.MALFORMED, bytes("83 11 01 7a 7f ff ff ff 41")); // length past the frame
        assertCode(ErrorCodes.MALFORMED, bytes("82 09 81 82 09 80"), "batch"); // batch in a batch
        assertCode(ErrorCodes.MALFORMED, bytes("86 05 00 00 05 f6 80"), "Tx.caller"); // unknown interned id
        assertCode(ErrorCodes.MALFORMED, bytes("86 05 00 00 f6 f6 81 83 01 00 81 82 61 6b 05"), "without a value");
        assertCode(ErrorCodes.MALFORMED, bytes("85 03 01 20 01 80"), "Snapshot.tableId"); // negative table id
        assertCode(ErrorCodes.MALFORMED, bytes("85 03 01 00 01 81 81 81 01"), "Snapshot.rows value"); // list in a row
        assertCode(ErrorCodes.MALFORMED, bytes("84 13 01 61 72 80"), "Call.args"); // args not a map
        assertCode(ErrorCodes.MALFORMED, bytes("85 03 01 00 01 81 81 c4 82 01 02"), "decimal"); // decimal fraction
    }

    @Test
    void oversizedFramesStringsAndNestingAreTooLarge() {
        assertCode(ErrorCodes.TOO_LARGE, new byte[Limits.MAX_FRAME_BYTES + 1]);
        // nesting deeper than 32 levels inside call arguments
        CborCodec roomy = new CborCodec(8 << 20);
        StringBuilder deep = new StringBuilder("84 13 01 61 72 a1 61 76");
        for (int i = 0; i < 40; i++) {
            deep.append(" 81");
        }
        deep.append(" 01");
        assertCode(ErrorCodes.TOO_LARGE, bytes(deep.toString()));
        // a string over 1 MiB, in a frame a client allowed to be larger: [17, 1, "xxx..."]
        int length = Limits.MAX_STRING + 16;
        byte[] header = bytes("83 11 01 7a");
        byte[] frame = new byte[header.length + 4 + length];
        System.arraycopy(header, 0, frame, 0, header.length);
        frame[4] = (byte) (length >>> 24);
        frame[5] = (byte) (length >>> 16);
        frame[6] = (byte) (length >>> 8);
        frame[7] = (byte) length;
        java.util.Arrays.fill(frame, 8, frame.length, (byte) 'x');
        ProtocolException e = assertThrows(ProtocolException.class, () -> roomy.decode(frame));
        assertEquals(ErrorCodes.TOO_LARGE, e.code(), e.getMessage());
        // the same string at the limit is fine
        String atLimit = "x".repeat(Limits.MAX_STRING);
        assertEquals(atLimit, ((Message.Subscribe) roomy.decode(new CborCodec().encode(new Message.Subscribe(1,
                atLimit)))).sql());
    }

    @Test
    void theSameFrameMeansTheSameMessageToAnyReceiverInTheSameState() {
        Message.Welcome w = welcome(5);
        byte[] wf = new CborCodec().encode(w);
        Message back = new CborCodec().decode(wf);
        assertInstanceOf(Message.Welcome.class, back);
        assertArrayEquals(wf, new CborCodec().encode(back));
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static void assertCode(String code, byte[] frame, String... mentions) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> new CborCodec().decode(frame));
        assertEquals(code, e.code(), e.getMessage());
        for (String m : mentions) {
            assertTrue(e.getMessage().contains(m), () -> "'" + e.getMessage() + "' does not mention " + m);
        }
    }
}
