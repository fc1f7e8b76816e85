package dev.easel.host.session;

import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.TxInfo;

/**
 * Picks a participant's own calls out of the commits offered to one of its subscriptions, so that its
 * transactions carry their request ids. Every commit is offered to every subscriber, so this runs a hundred times
 * per cursor move with a hundred participants, nearly always for somebody else's call: comparing the identities'
 * hashes first settles those without reading the other participant's identity string (comparing the strings
 * was the largest single cost of delivering a cursor storm's commits).
 */
public final class OwnCalls {
    private final Identity participant;
    private final int hash;

    public OwnCalls(Identity participant) {
        this.participant = participant;
        this.hash = participant.hashCode();
    }

    /** The request id of {@code tx}'s call if this participant made it, else -1. */
    public long requestId(TxInfo tx) {
        return tx.callTag() instanceof CallTag tag && tag.caller().hashCode() == hash
                && tag.caller().equals(participant) ? tag.requestId() : -1;
    }
}
