package dev.easel.host.identity;

import java.nio.file.Path;
import java.util.Locale;

/** Where this user's Easel data lives: keys, logs, recent files. {@code EASEL_HOME} overrides it. */
public final class DataFolder {
    private DataFolder() {
    }

    public static Path get() {
        String override = System.getenv("EASEL_HOME");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "Easel");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Easel");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return Path.of(xdg != null && !xdg.isBlank() ? xdg : home + "/.local/share", "easel");
    }

    /** This installation's identity key file. */
    public static Path identityKey() {
        return get().resolve("identity.key");
    }
}
