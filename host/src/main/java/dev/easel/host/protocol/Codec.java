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

    /** Decodes a received frame; throws {@link ProtocolException} with a code for anything malformed. */
    Message decode(byte[] frame);
}
