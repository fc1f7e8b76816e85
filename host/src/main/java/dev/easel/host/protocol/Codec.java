package dev.easel.host.protocol;

/**
 * Turns messages into frames and back for one connection. Binary codecs may keep state per connection
 * (names sent once, then referred to by number), so each connection has its own pair of codec instances,
 * one per direction.
 */
public interface Codec {
    /** The WebSocket subprotocol that selects this encoding. */
    String subprotocol();

    /** True for binary frames, false for text frames. */
    boolean binary();

    /** Encodes for sending; text codecs return UTF-8 bytes. */
    byte[] encode(Message message);

    /**
     * Lets this encoder copy query updates that several clients receive alike from {@code encodings} instead of
     * encoding them again (the host's encoders; see {@link SharedEncodings}). Codecs without the ability ignore it.
     */
    default void shareEncodings(SharedEncodings encodings) {
    }

    /** Decodes a received frame; throws {@link ProtocolException} with a code for anything malformed. */
    Message decode(byte[] frame);
}
