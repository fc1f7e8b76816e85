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
     * Encodes for sending if the frame comes to at most {@code maxBytes}; otherwise returns null and leaves the
     * codec's state as it was (nothing was sent, so the receiver's codec must not fall out of step).
     */
    default byte[] encodeWithin(Message message, int maxBytes) {
        byte[] frame = encode(message);
        return frame.length <= maxBytes ? frame : null;
    }

    /**
     * One batch frame of messages this codec encoded one by one, in that order: the same bytes as encoding a
     * batch of them. Lets a sender stop a batch at a byte budget without encoding anything twice.
     */
    byte[] joinBatch(java.util.List<byte[]> encodedMessages);

    /**
     * Lets this encoder copy query updates that several clients receive alike from {@code encodings} instead of
     * encoding them again (the host's encoders; see {@link SharedEncodings}). Codecs without the ability ignore it.
     */
    default void shareEncodings(SharedEncodings encodings) {
    }

    /** Decodes a received frame; throws {@link ProtocolException} with a code for anything malformed. */
    Message decode(byte[] frame);

    /**
     * Decodes the frame between {@code frame}'s position and limit, leaving both as they were; the message
     * keeps nothing of the buffer, which the caller may hand back once this returns.
     */
    default Message decode(java.nio.ByteBuffer frame) {
        byte[] bytes = new byte[frame.remaining()];
        frame.get(frame.position(), bytes);
        return decode(bytes);
    }
}
