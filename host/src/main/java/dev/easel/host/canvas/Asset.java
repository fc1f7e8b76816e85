package dev.easel.host.canvas;

/**
 * An image stored in a document, named by the SHA-256 of its bytes (lower-case hex). What the session's
 * HTTP endpoint serves to members, and what joiners cache by hash.
 */
public record Asset(String hash, String mime, int width, int height, long size, String owner, long createdMicros,
        byte[] bytes) {
}
