package dev.easel.host.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonCodecTest {
    private final JsonCodec codec = new JsonCodec();

    private String json(Message m) {
        return new String(codec.encode(m), StandardCharsets.UTF_8);
    }

    private Message read(String json) {
        return codec.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNodeMoveReadsAsDocumented() {
        Message.Tx tx = CborCodecTest.move(100_000, 1_764_003_600_016_667L, 120.5, 300.0);
        assertEquals("{\"type\":\"tx\",\"offset\":100000,\"timestampMicros\":1764003600016667,"
                + "\"caller\":\"" + CborCodecTest.CALLER + "\",\"reducer\":\"move_nodes\",\"requestId\":-1,"
                + "\"updates\":[{\"queryId\":1,\"tableId\":0,\"inserts\":[],\"updates\":[{\"primaryKey\":\"a1b2c3d4:17\","
                + "\"columns\":[5,6],\"values\":[120.5,300.0]}],\"deletes\":[]}]}", json(tx));
    }

    @Test
    void doublesKeepAFractionOrExponentAndIntegersDoNot() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {300.0, 300L, 1e20, -0.0, 1.0E-7, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Long.MAX_VALUE});
        Message.Snapshot s = new Message.Snapshot(1, 0, 1, rows);
        String text = json(s);
        assertTrue(text.contains("[[300.0,300,1.0E20,-0.0,1.0E-7,{\"$d\":\"NaN\"},{\"$d\":\"Infinity\"},"
                + "{\"$d\":\"-Infinity\"},9223372036854775807]]"), text);
        Message.Snapshot back = (Message.Snapshot) read(text);
        assertTrue(Messages.equal(s, back));
        assertInstanceOf(Double.class, back.rows().get(0)[0]);
        assertInstanceOf(Long.class, back.rows().get(0)[1]);
        // what a JavaScript client writes for 300.0 arrives as a long; the host coerces it by column type
        Message.Call call = (Message.Call) read("{\"type\":\"call\",\"requestId\":1,\"reducer\":\"r\","
                + "\"args\":{\"a\":300,\"b\":3e2,\"c\":300.5}}");
        assertEquals(300L, call.args().get("a"));
        assertEquals(300.0, call.args().get("b"));
        assertEquals(300.5, call.args().get("c"));
    }

    @Test
    void bytesAndDollarKeysAreTagged() {
        Map<String, Object> literal = new LinkedHashMap<>();
        literal.put("$b", "not bytes");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("blob", new byte[] {1, 2, 3});
        args.put("odd", literal);
        args.put("two", new LinkedHashMap<>(Map.of("$x", 1L, "$y", 2L)));
        Message.Call call = new Message.Call(5, "r", args);
        String text = json(call);
        assertTrue(text.contains("\"blob\":{\"$b\":\"AQID\"}"), text);
        assertTrue(text.contains("\"odd\":{\"$m\":{\"$b\":\"not bytes\"}}"), text);
        assertTrue(Messages.equal(call, read(text)));
        assertCode(ErrorCodes.MALFORMED, "{\"type\":\"call\",\"requestId\":1,\"reducer\":\"r\",\"args\":{\"a\":{\"$q\":1}}}",
                "$q");
        assertCode(ErrorCodes.MALFORMED, "{\"type\":\"call\",\"requestId\":1,\"reducer\":\"r\",\"args\":{\"a\":{\"$b\":\"!!\"}}}",
                "base64");
        assertCode(ErrorCodes.MALFORMED, "{\"type\":\"call\",\"requestId\":1,\"reducer\":\"r\",\"args\":{\"$b\":\"AQID\"}}",
                "call.args");
    }

    @Test
    void handshakeMessagesUsePlainBase64() {
        Message.Hello hello = new Message.Hello(1, new byte[] {48, 42, 48, 5}, new byte[] {-1, -2}, "Ann", -1,
                Map.of(7L, "SELECT * FROM node"));
        String text = json(hello);
        assertEquals("{\"type\":\"hello\",\"version\":1,\"publicKey\":\"MCowBQ==\",\"signature\":\"//4=\","
                + "\"displayName\":\"Ann\",\"resumeOffset\":-1,\"resumeQueries\":{\"7\":\"SELECT * FROM node\"}}", text);
        assertTrue(Messages.equal(hello, read(text)));
        Message.Hello minimal = (Message.Hello) read("{\"type\":\"hello\",\"version\":1,\"publicKey\":\"MCowBQ\","
                + "\"signature\":\"//4\"}");
        assertNull(minimal.displayName());
        assertEquals(-1, minimal.resumeOffset());
        assertTrue(minimal.resumeQueries().isEmpty());
        assertArrayEquals(new byte[] {48, 42, 48, 5}, minimal.publicKey());
    }

    @Test
    void optionalFieldsTakeTheirDefaultsAndUnknownFieldsAreIgnored() {
        Message.Tx tx = (Message.Tx) read("{\"future\":{\"x\":[1,2]},\"type\":\"tx\",\"offset\":3,\"timestampMicros\":4,"
                + "\"updates\":[{\"queryId\":1,\"tableId\":0,\"deletes\":[\"n1\"],\"also\":true}]}");
        assertEquals(-1, tx.requestId());
        assertNull(tx.caller());
        assertTrue(tx.updates().get(0).inserts().isEmpty());
        assertTrue(tx.updates().get(0).updates().isEmpty());
        assertEquals(List.of("n1"), tx.updates().get(0).deletes());
        Message.Error e = (Message.Error) read("{\"type\":\"error\",\"code\":\"malformed\",\"message\":\"x\"}");
        assertEquals(-1, e.requestId());
        Message.Call c = (Message.Call) read("{\"type\":\"call\",\"requestId\":2,\"reducer\":\"undo\"}");
        assertTrue(c.args().isEmpty());
    }

    @Test
    void everyMessageTypeRoundTrips() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"n1", 1L, 2.5, true, null, new byte[] {1, 2, 3}});
        List<Message> all = List.of(
                new Message.Challenge(new byte[32], "kQ3vX9aB2cD4"),
                CborCodecTest.welcome(10),
                new Message.Snapshot(1, 0, 10, rows),
                CborCodecTest.move(11, 5, 120.5, 300.0),
                new Message.Result(7, true, List.of(1L, "two", 3.5, Map.of("k", List.of())), null, null, 11),
                new Message.Result(8, false, null, ErrorCodes.CONSTRAINT, "duplicate id", 11),
                new Message.Error(ErrorCodes.BAD_QUERY, "no table nodes", 3),
                new Message.Pong(Long.MIN_VALUE),
                new Message.Batch(List.of(new Message.Pong(1), CborCodecTest.move(12, 6, 1.0, 2.0))),
                new Message.Hello(1, new byte[44], new byte[64], null, 10, Map.of(1L, "SELECT * FROM node")),
                new Message.Subscribe(2, "SELECT * FROM cursor WHERE identity <> :sender"),
                new Message.Unsubscribe(2),
                new Message.Call(9, "move_nodes", Map.of("ids", List.of("n1"), "dx", 3.25)),
                new Message.Ping(123456789));
        for (Message m : all) {
            Message back = read(json(m));
            assertTrue(Messages.equal(m, back), () -> json(m) + " vs " + Messages.toString(back));
        }
    }

    @Test
    void malformedFramesAreRefusedWithACode() {
        assertCode(ErrorCodes.MALFORMED, "", "empty");
        assertCode(ErrorCodes.MALFORMED, "{", "JSON");
        assertCode(ErrorCodes.MALFORMED, "[1,2]", "object");
        assertCode(ErrorCodes.MALFORMED, "{\"offset\":1}", "type");
        assertCode(ErrorCodes.MALFORMED, "{\"type\":7}", "type");
        assertCode(ErrorCodes.UNKNOWN_TYPE, "{\"type\":\"teleport\"}", "teleport");
        assertCode(ErrorCodes.MALFORMED, "{\"type\":\"ping\"}", "payload");
        assertCode(ErrorCodes.MALFORMED, "{\"type\":\"ping\",\"payload\":\"1\"}", "ping.payload");
        assertCode(ErrorCodes.MALFORMED, "{\"type\":\"ping\",\"payload\":1.5}", "integer");
        assertCode(ErrorCodes.MALFORMED, "{\"type\":\"ping\",\"payload\":18446744073709551616}", "64-bit");
        assertCode(ErrorCodes.MALFORMED, "{\"type\":\"ping\",\"payload\":1} {}", "JSON");
        assertCode(ErrorCodes.MALFORMED, "{\"type\":\"subscribe\",\"queryId\":1,\"sql\":null}", "sql");
        assertCode(ErrorCodes.MALFORMED, "{\"type\":\"snapshot\",\"queryId\":1,\"tableId\":-1,\"offset\":1,\"rows\":[]}",
                "tableId");
        assertCode(ErrorCodes.MALFORMED, "{\"type\":\"snapshot\",\"queryId\":1,\"tableId\":0,\"offset\":1,\"rows\":[[[1]]]}",
                "rows");
        assertCode(ErrorCodes.MALFORMED, "{\"type\":\"snapshot\",\"queryId\":1,\"tableId\":0,\"offset\":1,\"rows\":[[1e999]]}",
                "range");
        assertCode(ErrorCodes.MALFORMED, "{\"type\":\"batch\",\"messages\":[{\"type\":\"batch\",\"messages\":[]}]}",
                "batch");
        assertCode(ErrorCodes.MALFORMED, "{\"type\":\"tx\",\"offset\":1,\"timestampMicros\":1,\"updates\":[{\"queryId\":1,"
                + "\"tableId\":0,\"updates\":[{\"primaryKey\":\"k\",\"columns\":[1,2],\"values\":[1]}]}]}", "columns");
        assertCode(ErrorCodes.MALFORMED, "{\"type\":\"hello\",\"version\":1,\"publicKey\":\"MCow\",\"signature\":\"AA\","
                + "\"resumeQueries\":{\"one\":\"SELECT * FROM node\"}}", "resumeQueries");
        assertCode(ErrorCodes.MALFORMED, "{\"type\":\"ping\",\"payload\":NaN}");
        byte[] badUtf8 = {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xC3, '"', '}'};
        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decode(badUtf8));
        assertEquals(ErrorCodes.MALFORMED, e.code());
    }

    @Test
    void oversizedFramesStringsAndNestingAreTooLarge() {
        byte[] huge = new byte[Limits.MAX_FRAME_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decode(huge));
        assertEquals(ErrorCodes.TOO_LARGE, e.code());
        String deep = "[".repeat(32) + "1" + "]".repeat(32);
        assertCode(ErrorCodes.TOO_LARGE, "{\"type\":\"call\",\"requestId\":1,\"reducer\":\"r\",\"args\":{\"v\":" + deep + "}}",
                "32");
        String ok = "[".repeat(31) + "1" + "]".repeat(31);
        assertInstanceOf(Message.Call.class, read("{\"type\":\"call\",\"requestId\":1,\"reducer\":\"r\",\"args\":{\"v\":"
                + ok + "}}"));
        String veryDeep = "[".repeat(5000) + "]".repeat(5000);
        assertCode(ErrorCodes.TOO_LARGE, "{\"type\":\"call\",\"requestId\":1,\"reducer\":\"r\",\"args\":{\"v\":" + veryDeep
                + "}}");
        JsonCodec roomy = new JsonCodec(8 << 20);
        String longSql = "x".repeat(Limits.MAX_STRING + 1);
        ProtocolException big = assertThrows(ProtocolException.class, () -> roomy.decode(
                ("{\"type\":\"subscribe\",\"queryId\":1,\"sql\":\"" + longSql + "\"}").getBytes(StandardCharsets.UTF_8)));
        assertEquals(ErrorCodes.TOO_LARGE, big.code(), big.getMessage());
    }

    @Test
    void compressionIsLeftToTheWebSocketLayer() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(new Object[] {"node-" + i, (double) i});
        }
        String text = json(new Message.Snapshot(1, 0, 1, rows));
        assertTrue(text.startsWith("{\"type\":\"snapshot\""), text.substring(0, 40));
        assertFalse(text.contains("$z"));
    }

    private void assertCode(String code, String json, String... mentions) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> read(json));
        assertEquals(code, e.code(), e.getMessage());
        for (String m : mentions) {
            assertTrue(e.getMessage().contains(m), () -> "'" + e.getMessage() + "' does not mention " + m);
        }
    }
}
