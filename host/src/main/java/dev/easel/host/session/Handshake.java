package dev.easel.host.session;

import java.nio.charset.StandardCharsets;

/** What a joiner signs to prove its identity: a fixed context, the session id and the host's fresh nonce. */
public final class Handshake {
    private static final byte[] CONTEXT = "easel-hello-v1".getBytes(StandardCharsets.US_ASCII);
    /** The close code a host uses when it removed the participant: do not reconnect. */
    public static final int CLOSE_REMOVED = 4003;
    /** The close code for a link that was replaced, presented by someone who never came in with it. */
    public static final int CLOSE_LINK_REPLACED = 4004;
    /** The close code when the host ended the session (stopped hosting): do not reconnect. */
    public static final int CLOSE_SESSION_ENDED = 4005;

    private Handshake() {
    }

    public static byte[] signedBytes(String sessionId, byte[] nonce) {
        byte[] sid = sessionId.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[CONTEXT.length + sid.length + nonce.length];
        System.arraycopy(CONTEXT, 0, out, 0, CONTEXT.length);
        System.arraycopy(sid, 0, out, CONTEXT.length, sid.length);
        System.arraycopy(nonce, 0, out, CONTEXT.length + sid.length, nonce.length);
        return out;
    }
}
