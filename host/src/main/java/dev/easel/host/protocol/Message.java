package dev.easel.host.protocol;

import java.util.List;
import java.util.Map;

/**
 * Every message of the session protocol (see host/PROTOCOL.md). Values inside rows and arguments are
 * {@code null}, Boolean, Long, Double, String, byte[], and (in arguments and results only) List and
 * String-keyed Map of those.
 */
public sealed interface Message {
    int VERSION = 1;

    // ---- host to client ----

    /** First message on a new connection: a fresh random nonce the client must sign. */
    record Challenge(byte[] nonce, String sessionId) implements Message {
    }

    /** Accepted: who you are, what you may do, the schema, and the offset the session is at. */
    record Welcome(String identity, String role, String sessionId, SchemaInfo schema, long offset,
            long epochMicros, boolean resumed) implements Message {
    }

    /** The rows one subscription matches as of {@code offset}. */
    record Snapshot(long queryId, int tableId, long offset, List<Object[]> rows) implements Message {
    }

    /**
     * One committed transaction, cut down to what this client subscribed to. {@code requestId} is set only
     * on the caller's own connection (so it can drop its prediction), else -1.
     */
    record Tx(long offset, long timestampMicros, String caller, String reducer, long requestId,
            List<QueryUpdate> updates) implements Message {
    }

    /** The answer to a call: {@code ok} with the reducer's value, or an error code and message. */
    record Result(long requestId, boolean ok, Object value, String errorCode, String errorMessage, long offset)
            implements Message {
    }

    /** A problem with something the client sent (or with the connection). {@code requestId} -1 if none. */
    record Error(String code, String message, long requestId) implements Message {
    }

    /** Reply to {@link Ping}, echoing its payload. */
    record Pong(long payload) implements Message {
    }

    /** Several messages in one frame: how the host batches everything committed since the last frame. */
    record Batch(List<Message> messages) implements Message {
    }

    // ---- client to host ----

    /** Proof of identity: the Ed25519 public key (X.509 encoded) and its signature over the challenge. */
    record Hello(int version, byte[] publicKey, byte[] signature, String displayName, long resumeOffset,
            Map<Long, String> resumeQueries) implements Message {
    }

    record Subscribe(long queryId, String sql) implements Message {
    }

    record Unsubscribe(long queryId) implements Message {
    }

    /** Calls a reducer. Request ids are the client's idempotency keys: a repeated id is answered, not rerun. */
    record Call(long requestId, String reducer, Map<String, Object> args) implements Message {
    }

    record Ping(long payload) implements Message {
    }

    // ---- parts ----

    /** One subscription's part of a transaction. */
    record QueryUpdate(long queryId, int tableId, List<Object[]> inserts, List<ColumnUpdate> updates,
            List<Object> deletes) {
    }

    /** An updated row: its primary key and the new values of the changed columns only. */
    record ColumnUpdate(Object primaryKey, int[] columns, Object[] values) {
    }

    /** The schema as the client needs it to keep a replica. */
    record SchemaInfo(int version, List<TableInfo> tables) {
    }

    record TableInfo(int id, String name, boolean durable, int primaryKey, List<ColumnInfo> columns) {
    }

    /** {@code type} is one of bool, i64, f64, string, bytes. */
    record ColumnInfo(String name, String type, boolean nullable) {
    }
}
