package dev.easel.host.canvas;

import dev.easel.engine.tx.Identity;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Makes node and page ids on the client, unique without asking the host, so a client can refer to a node
 * it just created before the host has answered (even offline): the caller's identity prefix, the time this
 * generator started (so ids stay fresh across restarts of the app) and a counter, such as
 * {@code 3fa9c2d1:lx2k9q:1f}. The host refuses an id that is already taken.
 */
public final class NodeIds {
    public static final int MAX_LENGTH = 100;
    static final String RULE = "1 to " + MAX_LENGTH + " of the characters A-Z a-z 0-9 _ . : ~ -";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.:~-]{1," + MAX_LENGTH + "}");
    private static final int PREFIX_CHARS = 8;

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    public NodeIds(Identity who, long nowMillis) {
        String id = who.id().replaceAll("[^A-Za-z0-9]", "");
        String head = id.isEmpty() ? "anon" : id.substring(0, Math.min(PREFIX_CHARS, id.length()));
        this.prefix = head.toLowerCase(Locale.ROOT) + ":" + Long.toString(nowMillis, 36) + ":";
    }

    public NodeIds(Identity who) {
        this(who, System.currentTimeMillis());
    }

    /** A fresh id. Thread-safe. */
    public String next() {
        return prefix + Long.toString(counter.incrementAndGet(), 36);
    }

    /** Whether a string may serve as a node or page id (no commas: selections are comma-separated). */
    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
