package dev.easel.host.server;

import dev.easel.host.session.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

/**
 * One random secret per role (192 bits, URL-safe). The role of a connection is decided by which secret it
 * presents, compared in constant time; revoking a role's link replaces its secret.
 */
public final class SessionSecrets {
    private static final int SECRET_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<Role, String> secrets = new EnumMap<>(Role.class);
    /** Replaced secrets, still good for people already admitted with them (so a dropped link can resume). */
    private final Map<String, Role> replaced = new java.util.HashMap<>();

    public SessionSecrets() {
        for (Role r : Role.values()) {
            secrets.put(r, fresh());
        }
    }

    static String fresh() {
        byte[] b = new byte[SECRET_BYTES];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public synchronized String secret(Role role) {
        return secrets.get(role);
    }

    /** Replaces a role's secret: links handed out before stop working; people already in stay. */
    public synchronized String revoke(Role role) {
        replaced.put(secrets.get(role), role);
        String s = fresh();
        secrets.put(role, s);
        return s;
    }

    /** The role a replaced secret granted, or null: it admits only people who were admitted with it before. */
    public synchronized Role replacedRoleFor(String presented) {
        if (presented == null) {
            return null;
        }
        byte[] p = presented.getBytes(StandardCharsets.UTF_8);
        Role match = null;
        for (Map.Entry<String, Role> e : replaced.entrySet()) {
            if (MessageDigest.isEqual(p, e.getKey().getBytes(StandardCharsets.UTF_8))) {
                match = e.getValue();
            }
        }
        return match;
    }

    /** The role this secret grants, or null. Every secret is compared, in constant time. */
    public synchronized Role roleFor(String presented) {
        if (presented == null) {
            return null;
        }
        byte[] p = presented.getBytes(StandardCharsets.UTF_8);
        Role match = null;
        for (Map.Entry<Role, String> e : secrets.entrySet()) {
            if (MessageDigest.isEqual(p, e.getValue().getBytes(StandardCharsets.UTF_8))) {
                match = e.getKey();
            }
        }
        return match;
    }
}
