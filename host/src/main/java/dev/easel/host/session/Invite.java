package dev.easel.host.session;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An invite link, {@code easel://HOST:PORT/SESSION?k=SECRET}. It carries no role: the host knows which role
 * each secret grants, so editing the link cannot raise it.
 */
public record Invite(String host, int port, String sessionId, String secret) {
    private static final Pattern LINK = Pattern.compile(
            "easel://(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9.-]+):(\\d{1,5})/([A-Za-z0-9_-]{1,64})\\?k=([A-Za-z0-9_-]{16,128})");

    /** Parses a pasted link (surrounding spaces are forgiven); throws with a message a person can act on. */
    public static Invite parse(String link) {
        if (link == null) {
            throw new IllegalArgumentException("no invite link given");
        }
        Matcher m = LINK.matcher(link.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an Easel invite link (expected easel://HOST:PORT/SESSION?k=SECRET)");
        }
        int port = Integer.parseInt(m.group(2));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " in the invite link is out of range");
        }
        return new Invite(m.group(1), port, m.group(3), m.group(4));
    }

    public String link() {
        return "easel://" + host + ":" + port + "/" + sessionId + "?k=" + secret;
    }

    /** The WebSocket address a client opens for this invite. */
    public URI webSocketUri() {
        try {
            return new URI("ws://" + host + ":" + port + "/session/" + sessionId + "?k=" + secret);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The HTTP address of an image in this session, by content hash. */
    public URI assetUri(String hash) {
        try {
            return new URI("http://" + host + ":" + port + "/session/" + sessionId + "/asset/" + hash + "?k=" + secret);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public String toString() {
        return link();
    }
}
