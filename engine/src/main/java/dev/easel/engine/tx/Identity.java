package dev.easel.engine.tx;

import java.util.Objects;

/**
 * Who is calling: in a session, the fingerprint of the caller's public key. The engine only compares
 * identities; proving them is the session layer's job.
 */
public record Identity(String id) {
    /** The engine itself: scheduled and lifecycle work that no person started. */
    public static final Identity SYSTEM = new Identity("system");

    public Identity {
        Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
        return id;
    }
}
