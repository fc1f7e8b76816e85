package dev.easel.engine.tx;

/**
 * The header of a committed transaction: its offset in commit order, commit time, who called which reducer,
 * and the caller's own tag for the call (a session's request id), so a caller can match its transaction.
 */
public record TxInfo(long offset, long timestampMicros, Identity caller, String reducer, Object callTag) {
}
