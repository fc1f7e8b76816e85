package dev.easel.host.protocol;

import java.util.List;

/** The encodings a session can speak, by WebSocket subprotocol, in order of preference. */
public final class Codecs {
    public static final String CBOR = CborCodec.SUBPROTOCOL;
    public static final String JSON = JsonCodec.SUBPROTOCOL;
    public static final List<String> SUPPORTED = List.of(CBOR, JSON);

    private Codecs() {
    }

    /** A fresh codec for one direction of one connection, refusing frames over the 1 MiB client limit. */
    public static Codec create(String subprotocol) {
        return create(subprotocol, Limits.MAX_FRAME_BYTES);
    }

    /** A client's decoder of what the host sends: snapshots of large documents need far bigger frames. */
    public static Codec forHostFrames(String subprotocol) {
        return create(subprotocol, Limits.MAX_HOST_FRAME_BYTES);
    }

    private static Codec create(String subprotocol, int maxFrameBytes) {
        if (CBOR.equals(subprotocol)) {
            return new CborCodec(maxFrameBytes);
        }
        if (JSON.equals(subprotocol)) {
            return new JsonCodec(maxFrameBytes);
        }
        throw new IllegalArgumentException("unknown subprotocol " + subprotocol);
    }

    /**
     * The encoding to use given what a client offered: the first of its offers we speak, or JSON for a client
     * that offered none (the simplest clients); null if it offered only ones we do not speak.
     */
    public static String choose(List<String> offered) {
        if (offered.isEmpty()) {
            return JSON;
        }
        for (String o : offered) {
            if (SUPPORTED.contains(o)) {
                return o;
            }
        }
        return null;
    }
}
