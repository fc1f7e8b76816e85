package dev.easel.host.session;

import dev.easel.engine.tx.Identity;

/** Marks a commit with the call that made it, so the caller's own connection can match its transaction. */
public record CallTag(Identity caller, long requestId) {
}
