package dev.easel.host.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The readable encoding, subprotocol {@value #SUBPROTOCOL}, in UTF-8 text frames: for clients in other
 * languages and for reading a conversation. Every message is one JSON object with a {@code "type"} and named
 * fields (PROTOCOL.md lists them).
 *
 * <p>Values of unknown type (row values, primary keys, call arguments and results):
 * <ul>
 *   <li>a JSON number with a fraction or an exponent is a double, any other number a long; the encoder writes
 *   every double with a fraction or exponent ({@code 300.0}), so types survive a round trip;</li>
 *   <li>{@code {"$b": "base64"}} is a byte string, {@code {"$d": "NaN" | "Infinity" | "-Infinity"}} a
 *   non-finite double, and {@code {"$m": {...}}} a map taken literally (the encoder wraps a one-entry map
 *   whose key starts with {@code $} this way); any other one-entry object whose key starts with {@code $} is
 *   refused.</li>
 * </ul>
 * Byte fields of known type ({@code nonce}, {@code publicKey}, {@code signature}) are plain base64 strings.
 * Nothing is compressed inside the frame; use the WebSocket permessage-deflate extension instead.
 *
 * <p>Stateless: one instance may serve any number of frames, in any order, but is not meant to be shared
 * between threads.
 */
public final class JsonCodec implements Codec {
    public static final String SUBPROTOCOL = "easel.json.v1";

    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final Base64.Decoder UNBASE64 = Base64.getDecoder();

    /**
     * Values in JSON. Numbers that JSON cannot spell ({@code {"$d": "NaN"}}) and byte strings
     * ({@code {"$b": BASE64}}) are tagged objects, so a map whose only key starts with {@code $} is wrapped
     * ({@code {"$m": MAP}}) to keep it apart from a tag.
     */
    private static final ValueWriter<JsonGenerator> VALUES = new ValueWriter<>() {
        @Override
        void writeDouble(JsonGenerator g, double d) throws IOException {
            if (Double.isFinite(d)) {
                // Double.toString form: always a fraction or an exponent, so it reads back as a double
                g.writeNumber(d);
            } else {
                g.writeStartObject();
                g.writeStringField("$d", Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                g.writeEndObject();
            }
        }

        @Override
        void writeBytes(JsonGenerator g, byte[] b) throws IOException {
            g.writeStartObject();
            g.writeStringField("$b", BASE64.encodeToString(b));
            g.writeEndObject();
        }

        @Override
        void startList(JsonGenerator g, int size) throws IOException {
            g.writeStartArray();
        }

        @Override
        void startMap(JsonGenerator g, Map<?, ?> map) throws IOException {
            if (wrapped(map)) {
                g.writeStartObject();
                g.writeFieldName("$m");
            }
            g.writeStartObject();
        }

        @Override
        void endMap(JsonGenerator g, Map<?, ?> map) throws IOException {
            g.writeEndObject();
            if (wrapped(map)) {
                g.writeEndObject();
            }
        }

        private boolean wrapped(Map<?, ?> map) {
            return map.size() == 1 && map.keySet().iterator().next() instanceof String k && k.startsWith("$");
        }
    };

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
            .streamReadConstraints(StreamReadConstraints.builder()
                    // tag objects ($m, $b, $d) may double the nesting of a value; the 32-level rule is ours
                    .maxNestingDepth(2 * Limits.MAX_VALUE_DEPTH + 8)
                    // room for base64 of a 1 MiB byte string; decoded strings are checked against 1 MiB
                    .maxStringLength(2 * Limits.MAX_STRING)
                    .build())
            .build();

    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final int maxFrameBytes;

    /** A codec that decodes frames of up to 1 MiB. */
    public JsonCodec() {
        this(Limits.MAX_FRAME_BYTES);
    }

    /** A codec that decodes frames up to {@code maxFrameBytes} (a client may accept more from its host). */
    public JsonCodec(int maxFrameBytes) {
        if (maxFrameBytes <= 0) {
            throw new IllegalArgumentException("maxFrameBytes must be positive");
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public String subprotocol() {
        return SUBPROTOCOL;
    }

    @Override
    public boolean binary() {
        return false;
    }

    // =====================================================================================================
    // encoding
    // =====================================================================================================

    /**
     * Encodes one message as UTF-8 JSON.
     *
     * @throws IllegalArgumentException when the message holds something the protocol cannot carry (a null
     *     where a value is needed, a value of another type, a string over 1 MiB, nesting deeper than 32 levels,
     *     a batch in a batch)
     */
    @Override
    public byte[] encode(Message message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try {
            JsonGenerator g = FACTORY.createGenerator(out);
            writeMessage(g, message, true);
            g.close();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode " + Messages.typeName(message) + ": " + e.getMessage(),
                    e);
        }
        return out.toByteArray();
    }

    private static final byte[] BATCH_START = "{\"type\":\"batch\",\"messages\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BATCH_END = "]}".getBytes(StandardCharsets.UTF_8);

    @Override
    public byte[] joinBatch(List<byte[]> encodedMessages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.writeBytes(BATCH_START);
        for (int i = 0; i < encodedMessages.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(encodedMessages.get(i));
        }
        out.writeBytes(BATCH_END);
        return out.toByteArray();
    }

    private static void writeMessage(JsonGenerator g, Message m, boolean top) throws IOException {
        g.writeStartObject();
        if (m instanceof Message.Challenge c) {
            g.writeStringField("type", "challenge");
            g.writeStringField("nonce", base64(Messages.require(c.nonce(), "Challenge.nonce")));
            text(g, "sessionId", c.sessionId(), "Challenge.sessionId");
        } else if (m instanceof Message.Welcome w) {
            g.writeStringField("type", "welcome");
            text(g, "identity", w.identity(), "Welcome.identity");
            text(g, "role", w.role(), "Welcome.role");
            text(g, "sessionId", w.sessionId(), "Welcome.sessionId");
            g.writeFieldName("schema");
            writeSchema(g, Messages.require(w.schema(), "Welcome.schema"));
            g.writeNumberField("offset", w.offset());
            g.writeNumberField("epochMicros", w.epochMicros());
            g.writeBooleanField("resumed", w.resumed());
        } else if (m instanceof Message.Snapshot s) {
            g.writeStringField("type", "snapshot");
            g.writeNumberField("queryId", s.queryId());
            g.writeNumberField("tableId", id(s.tableId(), "Snapshot.tableId"));
            g.writeNumberField("offset", s.offset());
            g.writeFieldName("rows");
            writeRows(g, Messages.require(s.rows(), "Snapshot.rows"), "Snapshot.rows");
        } else if (m instanceof Message.Tx tx) {
            g.writeStringField("type", "tx");
            g.writeNumberField("offset", tx.offset());
            g.writeNumberField("timestampMicros", tx.timestampMicros());
            nullableText(g, "caller", tx.caller());
            nullableText(g, "reducer", tx.reducer());
            g.writeNumberField("requestId", tx.requestId());
            g.writeArrayFieldStart("updates");
            for (Message.QueryUpdate u : Messages.require(tx.updates(), "Tx.updates")) {
                writeQueryUpdate(g, Messages.require(u, "Tx.updates element"));
            }
            g.writeEndArray();
        } else if (m instanceof Message.Result r) {
            g.writeStringField("type", "result");
            g.writeNumberField("requestId", r.requestId());
            g.writeBooleanField("ok", r.ok());
            g.writeFieldName("value");
            VALUES.value(g, r.value(), 1);
            nullableText(g, "errorCode", r.errorCode());
            nullableText(g, "errorMessage", r.errorMessage());
            g.writeNumberField("offset", r.offset());
        } else if (m instanceof Message.Error e) {
            g.writeStringField("type", "error");
            text(g, "code", e.code(), "Error.code");
            text(g, "message", e.message(), "Error.message");
            g.writeNumberField("requestId", e.requestId());
        } else if (m instanceof Message.Pong p) {
            g.writeStringField("type", "pong");
            g.writeNumberField("payload", p.payload());
        } else if (m instanceof Message.Batch b) {
            if (!top) {
                throw new IllegalArgumentException("a batch cannot hold a batch");
            }
            g.writeStringField("type", "batch");
            g.writeArrayFieldStart("messages");
            for (Message inner : Messages.require(b.messages(), "Batch.messages")) {
                writeMessage(g, Messages.require(inner, "Batch.messages element"), false);
            }
            g.writeEndArray();
        } else if (m instanceof Message.Hello h) {
            g.writeStringField("type", "hello");
            g.writeNumberField("version", h.version());
            g.writeStringField("publicKey", base64(Messages.require(h.publicKey(), "Hello.publicKey")));
            g.writeStringField("signature", base64(Messages.require(h.signature(), "Hello.signature")));
            nullableText(g, "displayName", h.displayName());
            g.writeNumberField("resumeOffset", h.resumeOffset());
            g.writeObjectFieldStart("resumeQueries");
            if (h.resumeQueries() != null) {
                for (Map.Entry<Long, String> e : h.resumeQueries().entrySet()) {
                    text(g, Long.toString(Messages.require(e.getKey(), "Hello.resumeQueries key")), e.getValue(),
                            "Hello.resumeQueries value");
                }
            }
            g.writeEndObject();
        } else if (m instanceof Message.Subscribe s) {
            g.writeStringField("type", "subscribe");
            g.writeNumberField("queryId", s.queryId());
            text(g, "sql", s.sql(), "Subscribe.sql");
        } else if (m instanceof Message.Unsubscribe u) {
            g.writeStringField("type", "unsubscribe");
            g.writeNumberField("queryId", u.queryId());
        } else if (m instanceof Message.Call c) {
            g.writeStringField("type", "call");
            g.writeNumberField("requestId", c.requestId());
            text(g, "reducer", c.reducer(), "Call.reducer");
            g.writeFieldName("args");
            VALUES.map(g, Messages.require(c.args(), "Call.args"), 1);
        } else if (m instanceof Message.Ping p) {
            g.writeStringField("type", "ping");
            g.writeNumberField("payload", p.payload());
        } else {
            throw new IllegalArgumentException("not a message: " + Messages.typeName(m));
        }
        g.writeEndObject();
    }

    private static void writeSchema(JsonGenerator g, Message.SchemaInfo schema) throws IOException {
        g.writeStartObject();
        g.writeNumberField("version", schema.version());
        g.writeArrayFieldStart("tables");
        for (Message.TableInfo t : Messages.require(schema.tables(), "SchemaInfo.tables")) {
            Messages.require(t, "SchemaInfo.tables element");
            g.writeStartObject();
            g.writeNumberField("id", id(t.id(), "TableInfo.id"));
            text(g, "name", t.name(), "TableInfo.name");
            g.writeBooleanField("durable", t.durable());
            g.writeNumberField("primaryKey", t.primaryKey());
            g.writeArrayFieldStart("columns");
            for (Message.ColumnInfo c : Messages.require(t.columns(), "TableInfo.columns")) {
                Messages.require(c, "TableInfo.columns element");
                g.writeStartObject();
                text(g, "name", c.name(), "ColumnInfo.name");
                text(g, "type", c.type(), "ColumnInfo.type");
                g.writeBooleanField("nullable", c.nullable());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeQueryUpdate(JsonGenerator g, Message.QueryUpdate u) throws IOException {
        g.writeStartObject();
        g.writeNumberField("queryId", u.queryId());
        g.writeNumberField("tableId", id(u.tableId(), "QueryUpdate.tableId"));
        g.writeFieldName("inserts");
        writeRows(g, Messages.require(u.inserts(), "QueryUpdate.inserts"), "QueryUpdate.inserts");
        g.writeArrayFieldStart("updates");
        for (Message.ColumnUpdate c : Messages.require(u.updates(), "QueryUpdate.updates")) {
            Messages.require(c, "QueryUpdate.updates element");
            int[] columns = Messages.require(c.columns(), "ColumnUpdate.columns");
            Object[] values = Messages.require(c.values(), "ColumnUpdate.values");
            if (columns.length != values.length) {
                throw new IllegalArgumentException("ColumnUpdate has " + columns.length + " columns but "
                        + values.length + " values");
            }
            g.writeStartObject();
            g.writeFieldName("primaryKey");
            VALUES.scalar(g, c.primaryKey());
            g.writeArrayFieldStart("columns");
            for (int column : columns) {
                g.writeNumber(id(column, "ColumnUpdate.columns element"));
            }
            g.writeEndArray();
            g.writeArrayFieldStart("values");
            for (Object v : values) {
                VALUES.scalar(g, v);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("deletes");
        for (Object key : Messages.require(u.deletes(), "QueryUpdate.deletes")) {
            VALUES.scalar(g, key);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeRows(JsonGenerator g, List<Object[]> rows, String what) throws IOException {
        g.writeStartArray();
        for (Object[] row : rows) {
            Messages.require(row, what + " element");
            g.writeStartArray();
            for (Object v : row) {
                VALUES.scalar(g, v);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static int id(int id, String what) {
        if (id < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + id);
        }
        return id;
    }

    private static void text(JsonGenerator g, String field, String s, String what) throws IOException {
        nullableText(g, field, Messages.require(s, what));
    }

    private static void nullableText(JsonGenerator g, String field, String s) throws IOException {
        g.writeFieldName(field);
        VALUES.nullableText(g, s);
    }

    private static String base64(byte[] b) {
        ValueWriter.checkLength(b.length, "byte string");
        return BASE64.encodeToString(b);
    }

    // =====================================================================================================
    // decoding
    // =====================================================================================================

    /**
     * Decodes one UTF-8 JSON frame. Fields this version does not know are ignored.
     *
     * @throws ProtocolException {@code too_large} for a frame, string or nesting over the limits,
     *     {@code unknown_type} for a {@code type} this version does not know, {@code malformed} for anything
     *     else that is not a well-formed message
     */
    @Override
    public Message decode(byte[] frame) {
        if (frame == null || frame.length == 0) {
            throw malformed("empty frame");
        }
        if (frame.length > maxFrameBytes) {
            throw new ProtocolException(ErrorCodes.TOO_LARGE, "frame of " + frame.length
                    + " bytes is over the limit of " + maxFrameBytes);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(frame);
        } catch (StreamConstraintsException e) {
            throw new ProtocolException(ErrorCodes.TOO_LARGE, "frame over the limits: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw malformed("not valid JSON: " + e.getOriginalMessage());
        } catch (IOException | RuntimeException e) {
            throw malformed("cannot read frame: " + e);
        }
        try {
            return message(root, true);
        } catch (ProtocolException e) {
            throw e;
        } catch (RuntimeException e) {
            throw malformed("cannot decode frame: " + e);
        }
    }

    private static ProtocolException malformed(String message) {
        return new ProtocolException(ErrorCodes.MALFORMED, message);
    }

    private static Message message(JsonNode node, boolean top) {
        if (node == null || !node.isObject()) {
            throw malformed("a message must be a JSON object, got " + describe(node));
        }
        JsonNode typeNode = node.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw malformed("a message needs a string field \"type\"");
        }
        String type = typeNode.textValue();
        Fields f = new Fields(node, type);
        switch (type) {
            case "challenge":
                return new Message.Challenge(f.base64("nonce"), f.text("sessionId"));
            case "welcome":
                return new Message.Welcome(f.text("identity"), f.text("role"), f.text("sessionId"),
                        schema(f.required("schema"), type + ".schema"), f.integer("offset"), f.integer("epochMicros"),
                        f.bool("resumed", false));
            case "snapshot":
                return new Message.Snapshot(f.integer("queryId"), f.id("tableId"), f.integer("offset"),
                        rows(f.required("rows"), type + ".rows"));
            case "tx": {
                List<Message.QueryUpdate> updates = new ArrayList<>();
                for (JsonNode u : array(f.required("updates"), type + ".updates")) {
                    updates.add(queryUpdate(u));
                }
                return new Message.Tx(f.integer("offset"), f.integer("timestampMicros"), f.nullableText("caller"),
                        f.nullableText("reducer"), f.integer("requestId", -1), updates);
            }
            case "result":
                return new Message.Result(f.integer("requestId"), f.bool("ok"),
                        value(f.optional("value"), 1, "result.value"), f.nullableText("errorCode"),
                        f.nullableText("errorMessage"), f.integer("offset", -1));
            case "error":
                return new Message.Error(f.text("code"), f.text("message"), f.integer("requestId", -1));
            case "pong":
                return new Message.Pong(f.integer("payload"));
            case "batch": {
                if (!top) {
                    throw malformed("a batch cannot hold a batch");
                }
                List<Message> messages = new ArrayList<>();
                for (JsonNode m : array(f.required("messages"), "batch.messages")) {
                    messages.add(message(m, false));
                }
                return new Message.Batch(messages);
            }
            case "hello": {
                Map<Long, String> queries = new LinkedHashMap<>();
                JsonNode q = f.optional("resumeQueries");
                if (q != null) {
                    if (!q.isObject()) {
                        throw malformed("hello.resumeQueries must be an object, got " + describe(q));
                    }
                    for (Map.Entry<String, JsonNode> e : q.properties()) {
                        long id;
                        try {
                            id = Long.parseLong(e.getKey());
                        } catch (NumberFormatException ex) {
                            throw malformed("hello.resumeQueries keys must be integer query ids, got '"
                                    + e.getKey() + "'");
                        }
                        if (!e.getValue().isTextual()) {
                            throw malformed("hello.resumeQueries values must be SQL strings, got "
                                    + describe(e.getValue()));
                        }
                        queries.put(id, checkedText(e.getValue().textValue(), "hello.resumeQueries value"));
                    }
                }
                return new Message.Hello(f.int32("version"), f.base64("publicKey"), f.base64("signature"),
                        f.nullableText("displayName"), f.integer("resumeOffset", -1), queries);
            }
            case "subscribe":
                return new Message.Subscribe(f.integer("queryId"), f.text("sql"));
            case "unsubscribe":
                return new Message.Unsubscribe(f.integer("queryId"));
            case "call": {
                JsonNode args = f.optional("args");
                Object map = args == null ? new LinkedHashMap<String, Object>() : value(args, 1, "call.args");
                if (!(map instanceof Map)) {
                    throw malformed("call.args must be an object, got " + describe(args));
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) map;
                return new Message.Call(f.integer("requestId"), f.text("reducer"), typed);
            }
            case "ping":
                return new Message.Ping(f.integer("payload"));
            default:
                throw new ProtocolException(ErrorCodes.UNKNOWN_TYPE, "unknown message type '"
                        + (type.length() > 40 ? type.substring(0, 40) + "..." : type) + "'");
        }
    }

    private static Message.SchemaInfo schema(JsonNode node, String where) {
        Fields f = new Fields(object(node, where), where);
        List<Message.TableInfo> tables = new ArrayList<>();
        for (JsonNode t : array(f.required("tables"), where + ".tables")) {
            Fields tf = new Fields(object(t, "a table"), "table");
            List<Message.ColumnInfo> columns = new ArrayList<>();
            for (JsonNode c : array(tf.required("columns"), "table.columns")) {
                Fields cf = new Fields(object(c, "a column"), "column");
                columns.add(new Message.ColumnInfo(cf.text("name"), cf.text("type"), cf.bool("nullable")));
            }
            tables.add(new Message.TableInfo(tf.id("id"), tf.text("name"), tf.bool("durable"), tf.int32("primaryKey"),
                    columns));
        }
        return new Message.SchemaInfo(f.int32("version"), tables);
    }

    private static Message.QueryUpdate queryUpdate(JsonNode node) {
        Fields f = new Fields(object(node, "a query update"), "queryUpdate");
        JsonNode inserts = f.optional("inserts");
        List<Message.ColumnUpdate> updates = new ArrayList<>();
        JsonNode updateNodes = f.optional("updates");
        if (updateNodes != null) {
            for (JsonNode u : array(updateNodes, "queryUpdate.updates")) {
                Fields uf = new Fields(object(u, "a column update"), "columnUpdate");
                if (!u.has("primaryKey")) {
                    throw malformed("columnUpdate has no field \"primaryKey\"");
                }
                Object key = scalar(uf.optional("primaryKey"), "columnUpdate.primaryKey");
                JsonNode columnNodes = array(uf.required("columns"), "columnUpdate.columns");
                JsonNode valueNodes = array(uf.required("values"), "columnUpdate.values");
                if (columnNodes.size() != valueNodes.size()) {
                    throw malformed("columnUpdate has " + columnNodes.size() + " columns but " + valueNodes.size()
                            + " values");
                }
                int[] columns = new int[columnNodes.size()];
                Object[] values = new Object[valueNodes.size()];
                for (int i = 0; i < columns.length; i++) {
                    columns[i] = id(columnNodes.get(i), "columnUpdate.columns element");
                    values[i] = scalar(valueNodes.get(i), "columnUpdate.values element");
                }
                updates.add(new Message.ColumnUpdate(key, columns, values));
            }
        }
        List<Object> deletes = new ArrayList<>();
        JsonNode deleteNodes = f.optional("deletes");
        if (deleteNodes != null) {
            for (JsonNode d : array(deleteNodes, "queryUpdate.deletes")) {
                deletes.add(scalar(d, "queryUpdate.deletes element"));
            }
        }
        return new Message.QueryUpdate(f.integer("queryId"), f.id("tableId"),
                inserts == null ? new ArrayList<>() : rows(inserts, "queryUpdate.inserts"), updates, deletes);
    }

    private static List<Object[]> rows(JsonNode node, String where) {
        JsonNode rowNodes = array(node, where);
        List<Object[]> rows = new ArrayList<>(rowNodes.size());
        String element = where + " element";
        String value = where + " value";
        for (JsonNode r : rowNodes) {
            JsonNode values = array(r, element);
            Object[] row = new Object[values.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = scalar(values.get(i), value);
            }
            rows.add(row);
        }
        return rows;
    }

    /** A row value or primary key: null, boolean, number, string, or a {@code $b} / {@code $d} tag. */
    private static Object scalar(JsonNode n, String where) {
        if (n == null || n.isNull()) {
            return null;
        }
        switch (n.getNodeType()) {
            case BOOLEAN:
                return n.booleanValue();
            case NUMBER:
                return number(n, where);
            case STRING:
                return checkedText(n.textValue(), where);
            case OBJECT: {
                Object tagged = tagged(n, where);
                if (tagged != NOT_TAGGED && !(tagged instanceof LiteralMap)) {
                    return tagged;
                }
                break;
            }
            default:
                break;
        }
        throw malformed(where + " must be null, a boolean, a number, a string or {\"$b\": base64}, got "
                + describe(n));
    }

    private static final Object NOT_TAGGED = new Object();

    /** The content of a {@code {"$m": {...}}} wrapper: a map whose keys are taken literally. */
    private record LiteralMap(JsonNode node) {
    }

    /**
     * The value of a one-entry {@code $} object: bytes, a non-finite double, or a {@link LiteralMap};
     * {@link #NOT_TAGGED} for an ordinary object.
     */
    private static Object tagged(JsonNode n, String where) {
        if (n.size() != 1) {
            return NOT_TAGGED;
        }
        Map.Entry<String, JsonNode> e = n.properties().iterator().next();
        String tag = e.getKey();
        if (!tag.startsWith("$")) {
            return NOT_TAGGED;
        }
        JsonNode v = e.getValue();
        switch (tag) {
            case "$b":
                if (!v.isTextual()) {
                    throw malformed(where + ": $b must hold a base64 string, got " + describe(v));
                }
                return unbase64(v.textValue(), where);
            case "$d":
                if (v.isTextual()) {
                    switch (v.textValue()) {
                        case "NaN":
                            return Double.NaN;
                        case "Infinity":
                            return Double.POSITIVE_INFINITY;
                        case "-Infinity":
                            return Double.NEGATIVE_INFINITY;
                        default:
                            break;
                    }
                }
                throw malformed(where + ": $d must be \"NaN\", \"Infinity\" or \"-Infinity\", got " + describe(v));
            case "$m":
                if (!v.isObject()) {
                    throw malformed(where + ": $m must hold an object, got " + describe(v));
                }
                return new LiteralMap(v);
            default:
                throw malformed(where + ": unknown tag '" + (tag.length() > 40 ? tag.substring(0, 40) : tag)
                        + "' (one-entry objects whose key starts with $ are reserved; wrap a literal map in $m)");
        }
    }

    /** A call argument or result; a list or map here sits at nesting {@code level}. */
    private static Object value(JsonNode n, int level, String where) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isArray()) {
            checkLevel(level, where);
            List<Object> list = new ArrayList<>(n.size());
            for (JsonNode item : n) {
                list.add(value(item, level + 1, where));
            }
            return list;
        }
        if (n.isObject()) {
            Object tagged = tagged(n, where);
            if (tagged == NOT_TAGGED) {
                return map(n, level, where);
            }
            if (tagged instanceof LiteralMap literal) {
                return map(literal.node(), level, where);
            }
            return tagged;
        }
        return scalar(n, where);
    }

    private static Map<String, Object> map(JsonNode fields, int level, String where) {
        checkLevel(level, where);
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : fields.properties()) {
            map.put(checkedText(e.getKey(), where + " key"), value(e.getValue(), level + 1, where));
        }
        return map;
    }

    private static void checkLevel(int level, String where) {
        if (level > Limits.MAX_VALUE_DEPTH) {
            throw new ProtocolException(ErrorCodes.TOO_LARGE, where + " nests deeper than " + Limits.MAX_VALUE_DEPTH
                    + " levels");
        }
    }

    private static Object number(JsonNode n, String where) {
        if (n.isIntegralNumber()) {
            if (!n.canConvertToLong()) {
                throw malformed(where + " is outside the 64-bit integer range");
            }
            return n.longValue();
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
            throw malformed(where + " is outside the range of a double");
        }
        return d;
    }

    private static int id(JsonNode n, String where) {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw malformed(where + " must be an integer id, got " + describe(n));
        }
        long v = n.longValue();
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw malformed(where + " must be an id from 0 to " + Integer.MAX_VALUE + ", got " + v);
        }
        return (int) v;
    }

    private static String checkedText(String s, String where) {
        if (s.length() > Limits.MAX_STRING) {
            throw new ProtocolException(ErrorCodes.TOO_LARGE, where + " is a string of " + s.length()
                    + " characters, over the limit of " + Limits.MAX_STRING);
        }
        return s;
    }

    private static byte[] unbase64(String s, String where) {
        byte[] b;
        try {
            b = UNBASE64.decode(s);
        } catch (IllegalArgumentException e) {
            throw malformed(where + " is not valid base64: " + e.getMessage());
        }
        if (b.length > Limits.MAX_STRING) {
            throw new ProtocolException(ErrorCodes.TOO_LARGE, where + " holds " + b.length
                    + " bytes, over the limit of " + Limits.MAX_STRING);
        }
        return b;
    }

    private static JsonNode array(JsonNode n, String where) {
        if (n == null || !n.isArray()) {
            throw malformed(where + " must be an array, got " + describe(n));
        }
        return n;
    }

    private static JsonNode object(JsonNode n, String where) {
        if (n == null || !n.isObject()) {
            throw malformed(where + " must be an object, got " + describe(n));
        }
        return n;
    }

    private static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        JsonNodeType t = n.getNodeType();
        switch (t) {
            case ARRAY:
                return "an array";
            case OBJECT:
                return "an object";
            case STRING:
                return "a string";
            case NUMBER:
                return n.isIntegralNumber() ? "an integer" : "a number with a fraction";
            case BOOLEAN:
                return "a boolean";
            case NULL:
                return "null";
            default:
                return t.name().toLowerCase();
        }
    }

    /** Typed access to the fields of one JSON object, with errors that name the field. */
    private static final class Fields {
        private final JsonNode node;
        private final String owner;

        Fields(JsonNode node, String owner) {
            this.node = node;
            this.owner = owner;
        }

        /** The field, or null when absent or JSON null. */
        JsonNode optional(String name) {
            JsonNode v = node.get(name);
            return v == null || v.isNull() ? null : v;
        }

        JsonNode required(String name) {
            JsonNode v = node.get(name);
            if (v == null) {
                throw malformed(owner + " has no field \"" + name + "\"");
            }
            if (v.isNull()) {
                throw malformed(owner + "." + name + " must not be null");
            }
            return v;
        }

        long integer(String name) {
            return integerOf(required(name), name);
        }

        long integer(String name, long fallback) {
            JsonNode v = optional(name);
            return v == null ? fallback : integerOf(v, name);
        }

        private long integerOf(JsonNode v, String name) {
            if (!v.isIntegralNumber()) {
                throw malformed(owner + "." + name + " must be an integer, got " + describe(v));
            }
            if (!v.canConvertToLong()) {
                throw malformed(owner + "." + name + " is outside the 64-bit integer range");
            }
            return v.longValue();
        }

        int int32(String name) {
            long v = integer(name);
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw malformed(owner + "." + name + " is outside the 32-bit integer range: " + v);
            }
            return (int) v;
        }

        int id(String name) {
            return JsonCodec.id(required(name), owner + "." + name);
        }

        boolean bool(String name) {
            return boolOf(required(name), name);
        }

        boolean bool(String name, boolean fallback) {
            JsonNode v = optional(name);
            return v == null ? fallback : boolOf(v, name);
        }

        private boolean boolOf(JsonNode v, String name) {
            if (!v.isBoolean()) {
                throw malformed(owner + "." + name + " must be a boolean, got " + describe(v));
            }
            return v.booleanValue();
        }

        String text(String name) {
            return textOf(required(name), name);
        }

        String nullableText(String name) {
            JsonNode v = optional(name);
            return v == null ? null : textOf(v, name);
        }

        private String textOf(JsonNode v, String name) {
            if (!v.isTextual()) {
                throw malformed(owner + "." + name + " must be a string, got " + describe(v));
            }
            return checkedText(v.textValue(), owner + "." + name);
        }

        byte[] base64(String name) {
            JsonNode v = required(name);
            if (!v.isTextual()) {
                throw malformed(owner + "." + name + " must be a base64 string, got " + describe(v));
            }
            return unbase64(v.textValue(), owner + "." + name);
        }
    }
}
