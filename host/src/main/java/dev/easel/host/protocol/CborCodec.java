package dev.easel.host.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The compact binary encoding, subprotocol {@value #SUBPROTOCOL}, in binary frames: the default between Easel
 * apps. Every message is a CBOR array whose first element is a small integer type; fields follow by position
 * (PROTOCOL.md lists them). Numbers take their shortest exact form, byte strings are native, tables and columns
 * go by id.
 *
 * <p><b>State.</b> An instance belongs to one connection. Only frames from host to client carry state, so the
 * host may drop a client's frame (over its rate or size limit) without decoding it. The state is:
 * <ul>
 *   <li>intern tables: a {@code Tx.caller} or {@code Tx.reducer} goes in full the first time and as a small
 *   integer after that;</li>
 *   <li>{@code Tx.offset} and {@code Tx.timestampMicros} go as differences from the previous Tx on this
 *   connection, the first from the Welcome's {@code offset} and {@code epochMicros}.</li>
 * </ul>
 * The host's encoder and the client's decoder evolve in lock step, hence two rules: every frame {@link #encode}
 * returns must be sent, in the order encoded; the client must decode every frame, in the order received. An
 * instance keeps separate state for what it encodes and what it decodes, so one instance may serve both
 * directions of a connection, or one instance each. {@link #encode} leaves the state as it was when it throws.
 * Instances are not thread-safe.
 */
public final class CborCodec implements Codec {
    public static final String SUBPROTOCOL = "easel.cbor.v1";

    // Message types: the first element of every message array.
    static final int CHALLENGE = 1;
    static final int WELCOME = 2;
    static final int SNAPSHOT = 3;
    static final int SNAPSHOT_DEFLATED = 4;
    static final int TX = 5;
    static final int RESULT = 6;
    static final int ERROR = 7;
    static final int PONG = 8;
    static final int BATCH = 9;
    static final int HELLO = 16;
    static final int SUBSCRIBE = 17;
    static final int UNSUBSCRIBE = 18;
    static final int CALL = 19;
    static final int PING = 20;

    /** Jackson's own nesting guard; the protocol's (32 levels inside a value) is checked by the decoder. */
    private static final int PARSER_MAX_DEPTH = Limits.MAX_VALUE_DEPTH + 8;

    private static final CompactCborGenerator.Factory FACTORY = new CompactCborGenerator.Factory(CBORFactory.builder()
            .enable(CBORGenerator.Feature.WRITE_MINIMAL_INTS)
            .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(PARSER_MAX_DEPTH)
                    .maxStringLength(Limits.MAX_STRING)
                    .build()));

    /** Values in CBOR: doubles in their shortest exact width, byte strings as CBOR byte strings. */
    private static final ValueWriter<CompactCborGenerator> VALUES = new ValueWriter<>() {
        @Override
        void writeDouble(CompactCborGenerator g, double v) throws IOException {
            g.writeShortestDouble(v);
        }

        @Override
        void writeBytes(CompactCborGenerator g, byte[] b) throws IOException {
            g.writeBinary(b);
        }

        @Override
        void startList(CompactCborGenerator g, int size) throws IOException {
            g.writeStartArray(null, size);
        }

        @Override
        void startMap(CompactCborGenerator g, Map<?, ?> map) throws IOException {
            g.writeStartObject(null, map.size());
        }
    };

    private final int maxFrameBytes;
    private final int compressAboveBytes;
    private final int maxInflatedBytes;

    // state of the frames this instance encodes
    private static final int FRAME_BUFFER_BYTES = 1024;
    /** A frame buffer larger than this (after a snapshot) is not kept for the next frame. */
    private static final int KEEP_BUFFER_BYTES = 64 * 1024;
    /** Reused from frame to frame (an instance encodes one frame at a time), so frames cost one copy. */
    private ByteArrayOutputStream frameBuffer = new ByteArrayOutputStream(FRAME_BUFFER_BYTES);
    /** Query updates the host's clients receive alike, encoded once (null: encode everything here). */
    private SharedEncodings shared;
    private final Interner sendCallers = new Interner();
    private final Interner sendReducers = new Interner();
    private long sendOffset;
    private long sendTime;

    // state of the frames this instance decodes
    private final List<String> receiveCallers = new ArrayList<>();
    private final List<String> receiveReducers = new ArrayList<>();
    private long receiveOffset;
    private long receiveTime;
    /** The columns of the last column update decoded (see {@code Reader.columns}). */
    private int[] recentColumns;

    /** A codec with the protocol's limits. */
    public CborCodec() {
        this(Limits.MAX_FRAME_BYTES, Limits.COMPRESS_ABOVE_BYTES, Limits.MAX_INFLATED_BYTES);
    }

    /**
     * A codec that accepts frames up to {@code maxFrameBytes} (and inflated snapshots up to that or 32 MiB,
     * whichever is larger): for a client, which may accept larger frames from the host it joined
     * ({@link Limits#MAX_HOST_FRAME_BYTES}).
     */
    public CborCodec(int maxFrameBytes) {
        this(maxFrameBytes, Limits.COMPRESS_ABOVE_BYTES, Math.max(Limits.MAX_INFLATED_BYTES, maxFrameBytes));
    }

    /**
     * A codec with other limits.
     *
     * @param maxFrameBytes largest frame decoded
     * @param compressAboveBytes snapshot rows encoding to more than this many bytes are deflated
     * @param maxInflatedBytes largest inflated size of a compressed snapshot accepted
     */
    public CborCodec(int maxFrameBytes, int compressAboveBytes, int maxInflatedBytes) {
        if (maxFrameBytes <= 0 || compressAboveBytes < 0 || maxInflatedBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxFrameBytes = maxFrameBytes;
        this.compressAboveBytes = compressAboveBytes;
        this.maxInflatedBytes = maxInflatedBytes;
    }

    @Override
    public String subprotocol() {
        return SUBPROTOCOL;
    }

    @Override
    public boolean binary() {
        return true;
    }

    // =====================================================================================================
    // encoding
    // =====================================================================================================

    @Override
    public void shareEncodings(SharedEncodings encodings) {
        this.shared = encodings;
    }

    /**
     * Encodes one message. The frame size is not limited here: the sender decides (an outbox keeps its batches
     * within a frame's budget, see {@code encodeWithin}; a receiver refuses frames over its own limit).
     *
     * @throws IllegalArgumentException when the message holds something the protocol cannot carry (a null
     *     where a value is needed, a value of another type, a string over 1 MiB, nesting deeper than 32
     *     levels, a batch in a batch); the codec's state is then left as it was
     */
    @Override
    public byte[] encode(Message message) {
        return encodeWithin(message, Integer.MAX_VALUE);
    }

    @Override
    public byte[] encodeWithin(Message message, int maxBytes) {
        int callers = sendCallers.size();
        int reducers = sendReducers.size();
        long offset = sendOffset;
        long time = sendTime;
        boolean done = false;
        try {
            encodeSharedFirst(message);
            ByteArrayOutputStream out = frameBuffer;
            out.reset();
            CompactCborGenerator g = generator(out);
            writeMessage(g, message, true);
            g.close();
            if (out.size() > KEEP_BUFFER_BYTES) {
                frameBuffer = new ByteArrayOutputStream(FRAME_BUFFER_BYTES);
            }
            if (out.size() > maxBytes) {
                return null; // the finally block puts the interning state back
            }
            byte[] frame = out.toByteArray();
            done = true;
            return frame;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode " + describeType(message) + ": " + e.getMessage(), e);
        } finally {
            if (!done) {
                sendCallers.truncate(callers);
                sendReducers.truncate(reducers);
                sendOffset = offset;
                sendTime = time;
            }
        }
    }

    /**
     * Encodes the message's query updates shared with other clients that are not encoded yet, while this thread
     * has no generator open: a generator opened inside another cannot reuse the thread's buffers and allocates
     * 20 KB of its own (3.5% of what the cursor storm's JVM allocated). The frame's encoding then looks each
     * update up again, a cheap second lookup.
     */
    private void encodeSharedFirst(Message message) {
        if (shared == null) {
            return;
        }
        if (message instanceof Message.Batch b && b.messages() != null) {
            for (Message m : b.messages()) {
                encodeSharedFirst(m);
            }
        } else if (message instanceof Message.Tx tx && tx.updates() != null) {
            for (Message.QueryUpdate u : tx.updates()) {
                if (u != null && u.updates() != null && u.inserts() != null && u.deletes() != null) {
                    shared.encoding(u, CborCodec::encodeQueryUpdateRows);
                }
            }
        }
    }

    @Override
    public byte[] joinBatch(List<byte[]> encodedMessages) {
        int size = 16;
        for (byte[] m : encodedMessages) {
            size += m.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        try {
            // The batch's header from the generator; its definite-length array then takes the messages as they are.
            CompactCborGenerator g = generator(out);
            start(g, 2, BATCH);
            g.writeStartArray(null, encodedMessages.size());
            g.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (byte[] m : encodedMessages) {
            out.writeBytes(m);
        }
        return out.toByteArray();
    }

    private static CompactCborGenerator generator(ByteArrayOutputStream out) throws IOException {
        return FACTORY.compactGenerator(out);
    }

    private void writeMessage(CompactCborGenerator g, Message m, boolean top) throws IOException {
        if (m instanceof Message.Challenge c) {
            start(g, 3, CHALLENGE);
            VALUES.bytes(g, Messages.require(c.nonce(), "Challenge.nonce"));
            writeText(g, c.sessionId(), "Challenge.sessionId");
        } else if (m instanceof Message.Welcome w) {
            start(g, 8, WELCOME);
            writeText(g, w.identity(), "Welcome.identity");
            writeText(g, w.role(), "Welcome.role");
            writeText(g, w.sessionId(), "Welcome.sessionId");
            writeSchema(g, Messages.require(w.schema(), "Welcome.schema"));
            g.writeNumber(w.offset());
            g.writeNumber(w.epochMicros());
            g.writeBoolean(w.resumed());
            sendOffset = w.offset();
            sendTime = w.epochMicros();
        } else if (m instanceof Message.Snapshot s) {
            writeSnapshot(g, s);
            return;
        } else if (m instanceof Message.Tx tx) {
            // [5, offset delta, time delta, caller, reducer, updates, requestId (left out when -1)]
            boolean withRequest = tx.requestId() != -1;
            start(g, withRequest ? 7 : 6, TX);
            g.writeNumber(tx.offset() - sendOffset);
            g.writeNumber(tx.timestampMicros() - sendTime);
            writeInterned(g, sendCallers, tx.caller());
            writeInterned(g, sendReducers, tx.reducer());
            List<Message.QueryUpdate> updates = Messages.require(tx.updates(), "Tx.updates");
            g.writeStartArray(null, updates.size());
            for (Message.QueryUpdate u : updates) {
                writeQueryUpdate(g, Messages.require(u, "Tx.updates element"));
            }
            g.writeEndArray();
            if (withRequest) {
                g.writeNumber(tx.requestId());
            }
            sendOffset = tx.offset();
            sendTime = tx.timestampMicros();
        } else if (m instanceof Message.Result r) {
            start(g, 7, RESULT);
            g.writeNumber(r.requestId());
            g.writeBoolean(r.ok());
            VALUES.value(g, r.value(), 1);
            VALUES.nullableText(g, r.errorCode());
            VALUES.nullableText(g, r.errorMessage());
            g.writeNumber(r.offset());
        } else if (m instanceof Message.Error e) {
            start(g, 4, ERROR);
            writeText(g, e.code(), "Error.code");
            writeText(g, e.message(), "Error.message");
            g.writeNumber(e.requestId());
        } else if (m instanceof Message.Pong p) {
            start(g, 2, PONG);
            g.writeNumber(p.payload());
        } else if (m instanceof Message.Batch b) {
            if (!top) {
                throw new IllegalArgumentException("a batch cannot hold a batch");
            }
            List<Message> messages = Messages.require(b.messages(), "Batch.messages");
            start(g, 2, BATCH);
            g.writeStartArray(null, messages.size());
            for (Message inner : messages) {
                writeMessage(g, Messages.require(inner, "Batch.messages element"), false);
            }
            g.writeEndArray();
        } else if (m instanceof Message.Hello h) {
            start(g, 7, HELLO);
            g.writeNumber(h.version());
            VALUES.bytes(g, Messages.require(h.publicKey(), "Hello.publicKey"));
            VALUES.bytes(g, Messages.require(h.signature(), "Hello.signature"));
            VALUES.nullableText(g, h.displayName());
            g.writeNumber(h.resumeOffset());
            Map<Long, String> queries = h.resumeQueries() == null ? Map.of() : h.resumeQueries();
            g.writeStartObject(null, queries.size());
            for (Map.Entry<Long, String> e : queries.entrySet()) {
                g.writeFieldId(Messages.require(e.getKey(), "Hello.resumeQueries key"));
                writeText(g, e.getValue(), "Hello.resumeQueries value");
            }
            g.writeEndObject();
        } else if (m instanceof Message.Subscribe s) {
            start(g, 3, SUBSCRIBE);
            g.writeNumber(s.queryId());
            writeText(g, s.sql(), "Subscribe.sql");
        } else if (m instanceof Message.Unsubscribe u) {
            start(g, 2, UNSUBSCRIBE);
            g.writeNumber(u.queryId());
        } else if (m instanceof Message.Call c) {
            start(g, 4, CALL);
            g.writeNumber(c.requestId());
            writeText(g, c.reducer(), "Call.reducer");
            VALUES.map(g, Messages.require(c.args(), "Call.args"), 1);
        } else if (m instanceof Message.Ping p) {
            start(g, 2, PING);
            g.writeNumber(p.payload());
        } else {
            throw new IllegalArgumentException("not a message: " + Messages.typeName(m));
        }
        g.writeEndArray();
    }

    private static void start(CompactCborGenerator g, int size, int type) throws IOException {
        g.writeStartArray(null, size);
        g.writeNumber(type);
    }

    private void writeSnapshot(CompactCborGenerator g, Message.Snapshot s) throws IOException {
        List<Object[]> rows = Messages.require(s.rows(), "Snapshot.rows");
        ByteArrayOutputStream rowsOut = new ByteArrayOutputStream(64 + rows.size() * 16);
        CompactCborGenerator rg = generator(rowsOut);
        writeRows(rg, rows, "Snapshot.rows");
        rg.close();
        byte[] encodedRows = rowsOut.toByteArray();
        byte[] deflated = encodedRows.length > compressAboveBytes ? deflate(encodedRows) : null;
        boolean compress = deflated != null && deflated.length < encodedRows.length;
        start(g, 5, compress ? SNAPSHOT_DEFLATED : SNAPSHOT);
        g.writeNumber(s.queryId());
        writeId(g, s.tableId(), "Snapshot.tableId");
        g.writeNumber(s.offset());
        if (compress) {
            g.writeBinary(deflated);
        } else {
            g.writeEncodedItems(encodedRows, 1);
        }
        g.writeEndArray();
    }

    private static void writeSchema(CompactCborGenerator g, Message.SchemaInfo schema) throws IOException {
        List<Message.TableInfo> tables = Messages.require(schema.tables(), "SchemaInfo.tables");
        g.writeStartArray(null, 2);
        g.writeNumber(schema.version());
        g.writeStartArray(null, tables.size());
        for (Message.TableInfo t : tables) {
            Messages.require(t, "SchemaInfo.tables element");
            List<Message.ColumnInfo> columns = Messages.require(t.columns(), "TableInfo.columns");
            g.writeStartArray(null, 5);
            writeId(g, t.id(), "TableInfo.id");
            writeText(g, t.name(), "TableInfo.name");
            g.writeBoolean(t.durable());
            g.writeNumber(t.primaryKey());
            g.writeStartArray(null, columns.size());
            for (Message.ColumnInfo c : columns) {
                Messages.require(c, "TableInfo.columns element");
                g.writeStartArray(null, 3);
                writeText(g, c.name(), "ColumnInfo.name");
                writeText(g, c.type(), "ColumnInfo.type");
                g.writeBoolean(c.nullable());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndArray();
    }

    /**
     * [queryId, tableId, updates, inserts, deletes], trailing empty lists left out; each update is
     * [primaryKey, column, value, column, value, ...]. Everything after the query id is the same for every
     * client, so an update registered in {@link SharedEncodings} is encoded once and copied.
     */
    private void writeQueryUpdate(CompactCborGenerator g, Message.QueryUpdate u) throws IOException {
        int lists = listsWritten(u);
        g.writeStartArray(null, 2 + lists);
        g.writeNumber(u.queryId());
        byte[] rows = shared == null ? null : shared.encoding(u, CborCodec::encodeQueryUpdateRows);
        if (rows != null) {
            g.writeEncodedItems(rows, 1 + lists);
        } else {
            writeQueryUpdateRows(g, u, lists);
        }
        g.writeEndArray();
    }

    private static int listsWritten(Message.QueryUpdate u) {
        List<Message.ColumnUpdate> updates = Messages.require(u.updates(), "QueryUpdate.updates");
        List<Object[]> inserts = Messages.require(u.inserts(), "QueryUpdate.inserts");
        List<Object> deletes = Messages.require(u.deletes(), "QueryUpdate.deletes");
        return !deletes.isEmpty() ? 3 : !inserts.isEmpty() ? 2 : !updates.isEmpty() ? 1 : 0;
    }

    /** The items after a query update's id, on their own (several root items in a row). */
    private static byte[] encodeQueryUpdateRows(Message.QueryUpdate u) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 + u.updates().size() * 32);
            CompactCborGenerator g = generator(out);
            writeQueryUpdateRows(g, u, listsWritten(u));
            g.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode a query update: " + e.getMessage(), e);
        }
    }

    /** tableId, then the first {@code lists} of updates, inserts and deletes. */
    private static void writeQueryUpdateRows(CompactCborGenerator g, Message.QueryUpdate u, int lists)
            throws IOException {
        List<Message.ColumnUpdate> updates = u.updates();
        List<Object[]> inserts = u.inserts();
        List<Object> deletes = u.deletes();
        writeId(g, u.tableId(), "QueryUpdate.tableId");
        if (lists >= 1) {
            g.writeStartArray(null, updates.size());
            for (Message.ColumnUpdate c : updates) {
                Messages.require(c, "QueryUpdate.updates element");
                int[] columns = Messages.require(c.columns(), "ColumnUpdate.columns");
                Object[] values = Messages.require(c.values(), "ColumnUpdate.values");
                if (columns.length != values.length) {
                    throw new IllegalArgumentException("ColumnUpdate has " + columns.length + " columns but "
                            + values.length + " values");
                }
                g.writeStartArray(null, 1 + 2 * columns.length);
                VALUES.scalar(g, c.primaryKey());
                for (int i = 0; i < columns.length; i++) {
                    writeId(g, columns[i], "ColumnUpdate.columns element");
                    VALUES.scalar(g, values[i]);
                }
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        if (lists >= 2) {
            writeRows(g, inserts, "QueryUpdate.inserts");
        }
        if (lists >= 3) {
            g.writeStartArray(null, deletes.size());
            for (Object key : deletes) {
                VALUES.scalar(g, key);
            }
            g.writeEndArray();
        }
    }

    private static void writeRows(CompactCborGenerator g, List<Object[]> rows, String what) throws IOException {
        g.writeStartArray(null, rows.size());
        for (Object[] row : rows) {
            Messages.require(row, what + " element");
            g.writeStartArray(null, row.length);
            for (Object v : row) {
                VALUES.scalar(g, v);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static void writeId(CompactCborGenerator g, int id, String what) throws IOException {
        if (id < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + id);
        }
        g.writeNumber(id);
    }

    private static void writeText(CompactCborGenerator g, String s, String what) throws IOException {
        VALUES.nullableText(g, Messages.require(s, what));
    }

    private static void writeInterned(CompactCborGenerator g, Interner table, String s) throws IOException {
        if (s == null) {
            g.writeNull();
            return;
        }
        Integer id = table.ids.get(s);
        if (id != null) {
            g.writeNumber(id.intValue());
            return;
        }
        VALUES.nullableText(g, s);
        if (table.size() < Limits.MAX_INTERNED && internable(s)) {
            table.add(s);
        }
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
            byte[] buf = new byte[16 * 1024];
            while (!deflater.finished()) {
                int n = deflater.deflate(buf);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    // =====================================================================================================
    // decoding
    // =====================================================================================================

    /**
     * Decodes one frame.
     *
     * @throws ProtocolException {@code too_large} for a frame, string or nesting over the limits,
     *     {@code unknown_type} for a message type this version does not know, {@code malformed} for anything
     *     else that is not a well-formed message
     */
    @Override
    public Message decode(byte[] frame) {
        if (frame == null) {
            throw malformed("empty frame");
        }
        return decode(frame, 0, frame.length);
    }

    /**
     * Decodes the frame in place when the buffer has an array, else from a copy in the thread's buffer (see
     * {@link DecodeScratch}): a joiner in a cursor storm takes in a few kilobytes sixty times a second, and
     * copying each into an array of its own was an eighth of what it allocated.
     */
    @Override
    public Message decode(java.nio.ByteBuffer frame) {
        int length = frame.remaining();
        if (frame.hasArray()) {
            return decode(frame.array(), frame.arrayOffset() + frame.position(), length);
        }
        checkFrameLength(length);
        byte[] buffer = DecodeScratch.ofThisThread().buffer(length);
        frame.get(frame.position(), buffer, 0, length);
        return decode(buffer, 0, length);
    }

    private void checkFrameLength(int length) {
        if (length == 0) {
            throw malformed("empty frame");
        }
        if (length > maxFrameBytes) {
            throw new ProtocolException(ErrorCodes.TOO_LARGE, "frame of " + length
                    + " bytes is over the limit of " + maxFrameBytes);
        }
    }

    private Message decode(byte[] input, int from, int length) {
        checkFrameLength(length);
        try (JsonParser p = FACTORY.createParser(input, from, length)) {
            Reader r = new Reader(p, input, from + length);
            Message m = r.message(true);
            if (p.nextToken() != null) {
                throw malformed("bytes after the end of the message");
            }
            return m;
        } catch (ProtocolException e) {
            throw e;
        } catch (StreamConstraintsException e) {
            throw new ProtocolException(ErrorCodes.TOO_LARGE, "frame over the limits: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw malformed("not valid CBOR: " + e.getOriginalMessage());
        } catch (IOException | RuntimeException e) {
            throw malformed("cannot decode frame: " + e);
        }
    }

    private static ProtocolException malformed(String message) {
        return new ProtocolException(ErrorCodes.MALFORMED, message);
    }

    private byte[] inflate(byte[] compressed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxInflatedBytes, compressed.length * 4));
            byte[] buf = new byte[16 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && !inflater.finished()) {
                    throw malformed("compressed snapshot rows are truncated");
                }
                if (out.size() + n > maxInflatedBytes) {
                    throw new ProtocolException(ErrorCodes.TOO_LARGE, "compressed snapshot rows inflate to more "
                            + "than " + maxInflatedBytes + " bytes");
                }
                out.write(buf, 0, n);
            }
            if (inflater.getRemaining() > 0) {
                throw malformed("bytes after the compressed snapshot rows");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw malformed("compressed snapshot rows are corrupt: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    /** Reads one frame's tokens; each read method consumes exactly one CBOR item. */
    private final class Reader {
        private final JsonParser p;
        /**
         * What {@link #p} reads, up to {@link #end}: where a text's bytes are found (see {@link #text}); null to
         * decode every text afresh.
         */
        private final byte[] input;
        private final int end;

        /** This thread's (see {@link DecodeScratch}), looked up at the frame's first short text. */
        private RecentTexts recentTexts;
        private int[] scratchColumns = new int[8];
        private Object[] scratchValues = new Object[8];

        Reader(JsonParser p, byte[] input, int end) {
            this.p = p;
            this.input = input;
            this.end = end;
        }

        /**
         * The text value just read: one met lately if it is short (see {@link RecentTexts}), found by its bytes
         * before the parser builds it. The parser has only read the item's first byte so far, at the token's
         * location; a text of up to 23 bytes holds its length there, a longer one in the next byte.
         */
        private String text() throws IOException {
            if (input == null) {
                return p.getText();
            }
            int at = (int) p.currentTokenLocation().getByteOffset();
            int head = at >= 0 && at < end ? input[at] & 0xFF : 0;
            int length = -1;
            int from = at + 1;
            if (head >= 0x60 && head <= 0x77) {
                length = head - 0x60;
            } else if (head == 0x78 && from < end) {
                length = input[from++] & 0xFF;
            }
            if (length < 0 || length > RecentTexts.MAX_BYTES || from + length > end) {
                return p.getText();
            }
            if (recentTexts == null) {
                recentTexts = DecodeScratch.ofThisThread().texts();
            }
            String known = recentTexts.find(input, from, length);
            if (known != null) {
                return known;
            }
            String text = p.getText();
            recentTexts.remember(input, from, length, text);
            return text;
        }

        private JsonToken next() throws IOException {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw malformed("frame ends in the middle of a message");
            }
            return t;
        }

        Message message(boolean top) throws IOException {
            JsonToken start = next();
            if (start != JsonToken.START_ARRAY) {
                throw malformed("a message must be an array starting with its type, got " + describe(start));
            }
            return messageBody(top);
        }

        /** The rest of a message whose START_ARRAY was just read. */
        private Message messageBody(boolean top) throws IOException {
            JsonToken t = next();
            if (t != JsonToken.VALUE_NUMBER_INT) {
                throw malformed("a message must start with its integer type, got " + describe(t));
            }
            long type = integer(t, "message type");
            Message m;
            switch ((int) Math.max(Math.min(type, Integer.MAX_VALUE), -1)) {
                case CHALLENGE -> m = new Message.Challenge(bytes("Challenge.nonce"), text("Challenge.sessionId"));
                case WELCOME -> {
                    Message.Welcome w = new Message.Welcome(text("Welcome.identity"), text("Welcome.role"),
                            text("Welcome.sessionId"), schema(), integer("Welcome.offset"),
                            integer("Welcome.epochMicros"), bool("Welcome.resumed"));
                    receiveOffset = w.offset();
                    receiveTime = w.epochMicros();
                    m = w;
                }
                case SNAPSHOT -> m = new Message.Snapshot(integer("Snapshot.queryId"), id("Snapshot.tableId"),
                        integer("Snapshot.offset"), rows("Snapshot.rows"));
                case SNAPSHOT_DEFLATED -> {
                    long queryId = integer("Snapshot.queryId");
                    int tableId = id("Snapshot.tableId");
                    long offset = integer("Snapshot.offset");
                    byte[] inflated = inflate(bytes("Snapshot.rows (deflated)", maxFrameBytes));
                    List<Object[]> rows;
                    try (JsonParser q = FACTORY.createParser(inflated)) {
                        // A large snapshot's texts are mostly met once: looking them up among the recent ones
                        // only costs (5% of a 100,000-node join).
                        Reader inner = new Reader(q, null, 0);
                        rows = inner.rows("Snapshot.rows");
                        if (q.nextToken() != null) {
                            throw malformed("bytes after the compressed snapshot rows");
                        }
                    }
                    m = new Message.Snapshot(queryId, tableId, offset, rows);
                }
                case TX -> {
                    long offset = receiveOffset + integer("Tx.offset");
                    long time = receiveTime + integer("Tx.timestampMicros");
                    receiveOffset = offset;
                    receiveTime = time;
                    String caller = interned(receiveCallers, "Tx.caller");
                    String reducer = interned(receiveReducers, "Tx.reducer");
                    List<Message.QueryUpdate> updates = new ArrayList<>();
                    startArray("Tx.updates");
                    for (JsonToken u = next(); u != JsonToken.END_ARRAY; u = next()) {
                        updates.add(queryUpdate(u));
                    }
                    JsonToken r = next();
                    if (r == JsonToken.END_ARRAY) {
                        return new Message.Tx(offset, time, caller, reducer, -1, updates);
                    }
                    m = new Message.Tx(offset, time, caller, reducer, integer(r, "Tx.requestId"), updates);
                }
                case RESULT -> m = new Message.Result(integer("Result.requestId"), bool("Result.ok"),
                        value(next(), 1), nullableText("Result.errorCode"), nullableText("Result.errorMessage"),
                        integer("Result.offset"));
                case ERROR -> m = new Message.Error(text("Error.code"), text("Error.message"),
                        integer("Error.requestId"));
                case PONG -> m = new Message.Pong(integer("Pong.payload"));
                case BATCH -> {
                    if (!top) {
                        throw malformed("a batch cannot hold a batch");
                    }
                    List<Message> messages = new ArrayList<>();
                    startArray("Batch.messages");
                    for (JsonToken inner = next(); inner != JsonToken.END_ARRAY; inner = next()) {
                        expect(inner, JsonToken.START_ARRAY, "an element of Batch.messages");
                        messages.add(messageBody(false));
                    }
                    m = new Message.Batch(messages);
                }
                case HELLO -> m = new Message.Hello(intValue("Hello.version"), bytes("Hello.publicKey"),
                        bytes("Hello.signature"), nullableText("Hello.displayName"), integer("Hello.resumeOffset"),
                        resumeQueries());
                case SUBSCRIBE -> m = new Message.Subscribe(integer("Subscribe.queryId"), text("Subscribe.sql"));
                case UNSUBSCRIBE -> m = new Message.Unsubscribe(integer("Unsubscribe.queryId"));
                case CALL -> {
                    long requestId = integer("Call.requestId");
                    String reducer = text("Call.reducer");
                    JsonToken a = next();
                    if (a != JsonToken.START_OBJECT) {
                        throw malformed("Call.args must be a map, got " + describe(a));
                    }
                    m = new Message.Call(requestId, reducer, map(1));
                }
                case PING -> m = new Message.Ping(integer("Ping.payload"));
                default -> throw new ProtocolException(ErrorCodes.UNKNOWN_TYPE, "unknown message type " + type);
            }
            skipRest();
            return m;
        }

        /** Ignores elements after the known ones (fields of later versions) up to the end of the array. */
        private void skipRest() throws IOException {
            for (JsonToken t = next(); t != JsonToken.END_ARRAY; t = next()) {
                p.skipChildren();
            }
        }

        private void startArray(String field) throws IOException {
            JsonToken t = next();
            if (t != JsonToken.START_ARRAY) {
                throw malformed(field + " must be an array, got " + describe(t));
            }
        }

        private Message.SchemaInfo schema() throws IOException {
            startArray("Welcome.schema");
            int version = intValue("SchemaInfo.version");
            List<Message.TableInfo> tables = new ArrayList<>();
            startArray("SchemaInfo.tables");
            for (JsonToken t = next(); t != JsonToken.END_ARRAY; t = next()) {
                expect(t, JsonToken.START_ARRAY, "a table");
                int id = id("TableInfo.id");
                String name = text("TableInfo.name");
                boolean durable = bool("TableInfo.durable");
                int primaryKey = intValue("TableInfo.primaryKey");
                List<Message.ColumnInfo> columns = new ArrayList<>();
                startArray("TableInfo.columns");
                for (JsonToken c = next(); c != JsonToken.END_ARRAY; c = next()) {
                    expect(c, JsonToken.START_ARRAY, "a column");
                    columns.add(new Message.ColumnInfo(text("ColumnInfo.name"), text("ColumnInfo.type"),
                            bool("ColumnInfo.nullable")));
                    skipRest();
                }
                tables.add(new Message.TableInfo(id, name, durable, primaryKey, columns));
                skipRest();
            }
            skipRest();
            return new Message.SchemaInfo(version, tables);
        }

        private Message.QueryUpdate queryUpdate(JsonToken t) throws IOException {
            expect(t, JsonToken.START_ARRAY, "a query update");
            long queryId = integer("QueryUpdate.queryId");
            int tableId = id("QueryUpdate.tableId");
            List<Message.ColumnUpdate> updates = new ArrayList<>();
            List<Object[]> inserts = new ArrayList<>();
            List<Object> deletes = new ArrayList<>();
            // trailing empty lists may be left out
            JsonToken f = next();
            if (f != JsonToken.END_ARRAY) {
                expect(f, JsonToken.START_ARRAY, "QueryUpdate.updates");
                for (JsonToken u = next(); u != JsonToken.END_ARRAY; u = next()) {
                    updates.add(columnUpdate(u));
                }
                f = next();
            }
            if (f != JsonToken.END_ARRAY) {
                inserts = rowsAt(f, "QueryUpdate.inserts");
                f = next();
            }
            if (f != JsonToken.END_ARRAY) {
                expect(f, JsonToken.START_ARRAY, "QueryUpdate.deletes");
                for (JsonToken d = next(); d != JsonToken.END_ARRAY; d = next()) {
                    deletes.add(scalar(d, "QueryUpdate.deletes element"));
                }
                skipRest();
            }
            return new Message.QueryUpdate(queryId, tableId, inserts, updates, deletes);
        }

        /** [primaryKey, column, value, column, value, ...] */
        private Message.ColumnUpdate columnUpdate(JsonToken t) throws IOException {
            expect(t, JsonToken.START_ARRAY, "a column update");
            Object key = scalar(next(), "ColumnUpdate.primaryKey");
            // Collected in the reader's scratch arrays (a frame of cursors holds a hundred updates), then copied
            // at their exact size.
            int n = 0;
            for (JsonToken c = next(); c != JsonToken.END_ARRAY; c = next()) {
                if (n == scratchColumns.length) {
                    scratchColumns = java.util.Arrays.copyOf(scratchColumns, n * 2);
                    scratchValues = java.util.Arrays.copyOf(scratchValues, n * 2);
                }
                scratchColumns[n] = id(c, "ColumnUpdate column");
                JsonToken v = next();
                if (v == JsonToken.END_ARRAY) {
                    throw malformed("ColumnUpdate has a column without a value");
                }
                scratchValues[n++] = scalar(v, "ColumnUpdate value");
            }
            return new Message.ColumnUpdate(key, columns(n), java.util.Arrays.copyOf(scratchValues, n));
        }

        /**
         * The first {@code n} scratch columns as an array, the previous update's if it named the same ones: a
         * frame of cursor moves names the same columns a hundred times. Nobody writes to an update's columns.
         */
        private int[] columns(int n) {
            int[] last = recentColumns;
            if (last == null || !java.util.Arrays.equals(last, 0, last.length, scratchColumns, 0, n)) {
                last = java.util.Arrays.copyOf(scratchColumns, n);
                recentColumns = last;
            }
            return last;
        }

        private List<Object[]> rows(String field) throws IOException {
            return rowsAt(next(), field);
        }

        private List<Object[]> rowsAt(JsonToken start, String field) throws IOException {
            if (start != JsonToken.START_ARRAY) {
                throw malformed(field + " must be an array, got " + describe(start));
            }
            List<Object[]> rows = new ArrayList<>();
            List<Object> row = new ArrayList<>();
            String element = field + " element";
            String value = field + " value";
            for (JsonToken t = next(); t != JsonToken.END_ARRAY; t = next()) {
                expect(t, JsonToken.START_ARRAY, element);
                row.clear();
                for (JsonToken v = next(); v != JsonToken.END_ARRAY; v = next()) {
                    row.add(scalar(v, value));
                }
                rows.add(row.toArray());
            }
            return rows;
        }

        private Map<Long, String> resumeQueries() throws IOException {
            JsonToken t = next();
            if (t != JsonToken.START_OBJECT) {
                throw malformed("Hello.resumeQueries must be a map, got " + describe(t));
            }
            Map<Long, String> queries = new LinkedHashMap<>();
            for (JsonToken k = next(); k != JsonToken.END_OBJECT; k = next()) {
                long id;
                try {
                    id = Long.parseLong(p.currentName());
                } catch (NumberFormatException e) {
                    throw malformed("Hello.resumeQueries keys must be integer query ids, got '"
                            + p.currentName() + "'");
                }
                queries.put(id, text("Hello.resumeQueries value"));
            }
            return queries;
        }

        private String interned(List<String> table, String field) throws IOException {
            JsonToken t = next();
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            if (t == JsonToken.VALUE_STRING) {
                String s = p.getText();
                if (table.size() < Limits.MAX_INTERNED && internable(s)) {
                    table.add(s);
                }
                return s;
            }
            if (t == JsonToken.VALUE_NUMBER_INT) {
                long id = integer(t, field);
                if (id < 0 || id >= table.size()) {
                    throw malformed(field + " refers to string #" + id + ", but only " + table.size()
                            + " have been sent");
                }
                return table.get((int) id);
            }
            throw malformed(field + " must be a string or an interned string id, got " + describe(t));
        }

        private long integer(String field) throws IOException {
            return integer(next(), field);
        }

        private long integer(JsonToken t, String field) throws IOException {
            if (t != JsonToken.VALUE_NUMBER_INT) {
                throw malformed(field + " must be an integer, got " + describe(t));
            }
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw malformed(field + " is outside the 64-bit integer range");
            }
            return p.getLongValue();
        }

        private int intValue(String field) throws IOException {
            long v = integer(field);
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw malformed(field + " is outside the 32-bit integer range: " + v);
            }
            return (int) v;
        }

        private int id(String field) throws IOException {
            return id(next(), field);
        }

        private int id(JsonToken t, String field) throws IOException {
            long v = integer(t, field);
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw malformed(field + " must be an id from 0 to " + Integer.MAX_VALUE + ", got " + v);
            }
            return (int) v;
        }

        private boolean bool(String field) throws IOException {
            JsonToken t = next();
            if (t == JsonToken.VALUE_TRUE) {
                return true;
            }
            if (t == JsonToken.VALUE_FALSE) {
                return false;
            }
            throw malformed(field + " must be a boolean, got " + describe(t));
        }

        private String text(String field) throws IOException {
            String s = nullableText(field);
            if (s == null) {
                throw malformed(field + " must not be null");
            }
            return s;
        }

        private String nullableText(String field) throws IOException {
            JsonToken t = next();
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            if (t != JsonToken.VALUE_STRING) {
                throw malformed(field + " must be a string, got " + describe(t));
            }
            return p.getText();
        }

        private byte[] bytes(String field) throws IOException {
            return bytes(field, Limits.MAX_STRING);
        }

        private byte[] bytes(String field, int limit) throws IOException {
            JsonToken t = next();
            if (t != JsonToken.VALUE_EMBEDDED_OBJECT || !(p.getEmbeddedObject() instanceof byte[] b)) {
                throw malformed(field + " must be a byte string, got " + describe(t));
            }
            if (b.length > limit) {
                throw new ProtocolException(ErrorCodes.TOO_LARGE, field + " holds " + b.length
                        + " bytes, over the limit of " + limit);
            }
            return b;
        }

        /** A row value or primary key. */
        private Object scalar(JsonToken t, String field) throws IOException {
            switch (t) {
                case VALUE_NULL:
                    return null;
                case VALUE_TRUE:
                    return Boolean.TRUE;
                case VALUE_FALSE:
                    return Boolean.FALSE;
                case VALUE_NUMBER_INT:
                    return integer(t, field);
                case VALUE_NUMBER_FLOAT:
                    if (p.getNumberType() == JsonParser.NumberType.BIG_DECIMAL) {
                        throw malformed(field + " is a decimal fraction; only binary floats are allowed");
                    }
                    return p.getDoubleValue();
                case VALUE_STRING:
                    return text();
                case VALUE_EMBEDDED_OBJECT:
                    if (p.getEmbeddedObject() instanceof byte[] b) {
                        if (b.length > Limits.MAX_STRING) {
                            throw new ProtocolException(ErrorCodes.TOO_LARGE, field + " holds " + b.length
                                    + " bytes, over the limit of " + Limits.MAX_STRING);
                        }
                        return b;
                    }
                    throw malformed(field + " holds an unsupported CBOR item");
                default:
                    throw malformed(field + " must be null, a boolean, a number, a string or bytes, got "
                            + describe(t));
            }
        }

        /** A call argument or result; a list or map here sits at nesting {@code level}. */
        private Object value(JsonToken t, int level) throws IOException {
            if (t == JsonToken.START_ARRAY) {
                checkLevel(level);
                List<Object> list = new ArrayList<>();
                for (JsonToken v = next(); v != JsonToken.END_ARRAY; v = next()) {
                    list.add(value(v, level + 1));
                }
                return list;
            }
            if (t == JsonToken.START_OBJECT) {
                return map(level);
            }
            if (t == JsonToken.VALUE_STRING) {
                return p.getText(); // call arguments and results: not the rows met again and again
            }
            return scalar(t, "value");
        }

        /** Reads a map whose START_OBJECT is the current token. */
        private Map<String, Object> map(int level) throws IOException {
            checkLevel(level);
            Map<String, Object> map = new LinkedHashMap<>();
            for (JsonToken k = next(); k != JsonToken.END_OBJECT; k = next()) {
                String key = p.currentName();
                map.put(key, value(next(), level + 1));
            }
            return map;
        }

        private void checkLevel(int level) {
            if (level > Limits.MAX_VALUE_DEPTH) {
                throw new ProtocolException(ErrorCodes.TOO_LARGE, "a value nests deeper than "
                        + Limits.MAX_VALUE_DEPTH + " levels");
            }
        }

        private void expect(JsonToken t, JsonToken wanted, String what) {
            if (t != wanted) {
                throw malformed(what + " must be " + describe(wanted) + ", got " + describe(t));
            }
        }
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the frame";
        }
        switch (t) {
            case START_ARRAY:
                return "an array";
            case END_ARRAY:
                return "the end of an array";
            case START_OBJECT:
                return "a map";
            case END_OBJECT:
                return "the end of a map";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
                return "an integer";
            case VALUE_NUMBER_FLOAT:
                return "a float";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            case VALUE_EMBEDDED_OBJECT:
                return "a byte string";
            default:
                return t.name();
        }
    }

    private static String describeType(Message m) {
        return m == null ? "null" : m.getClass().getSimpleName();
    }

    static boolean internable(String s) {
        if (s.length() > Limits.MAX_INTERNED_UTF8) {
            return false;
        }
        return s.getBytes(StandardCharsets.UTF_8).length <= Limits.MAX_INTERNED_UTF8;
    }

    /** The encoder's intern table: string to id, and the order they were added in (for rolling back). */
    private static final class Interner {
        final Map<String, Integer> ids = new HashMap<>();
        final List<String> order = new ArrayList<>();

        int size() {
            return order.size();
        }

        void add(String s) {
            ids.put(s, order.size());
            order.add(s);
        }

        void truncate(int size) {
            while (order.size() > size) {
                ids.remove(order.remove(order.size() - 1));
            }
        }
    }
}
