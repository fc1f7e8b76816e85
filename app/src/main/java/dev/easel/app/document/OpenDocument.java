package dev.easel.app.document;

import dev.easel.engine.Engine;
import dev.easel.host.session.Connection;
import dev.easel.host.session.Invite;
import java.nio.file.Path;

/**
 * A document the window shows: the connection it is edited through, and, when this app hosts it in process,
 * its engine and its file (null while unsaved). A joined document has neither, but the invite it was joined
 * with, which also lets the app fetch its images from the host.
 */
public record OpenDocument(Connection connection, Engine engine, Path file, Invite invite) {
    /** A document hosted here (or one whose invite is not known). */
    public OpenDocument(Connection connection, Engine engine, Path file) {
        this(connection, engine, file, null);
    }

    /** A document joined through an invite. */
    public static OpenDocument joined(Connection connection, Invite invite) {
        return new OpenDocument(connection, null, null, invite);
    }

    public boolean hosted() {
        return engine != null;
    }

    public String title() {
        if (file == null) {
            return hosted() ? "Untitled" : "Shared document";
        }
        String name = file.getFileName().toString();
        return name.endsWith(".easel") ? name.substring(0, name.length() - ".easel".length()) : name;
    }

    /**
     * Whether closing this document would lose work: it lives only in memory (never saved to a file) and
     * holds something, an edit in its history, a node or a second page. A document with a file has every
     * acknowledged edit on disk already, and a joined one is kept by its host. Reads the engine's table sizes
     * (in memory), so it is cheap enough for the JavaFX thread.
     */
    public boolean hasUnsavedChanges() {
        if (!hosted() || file != null) {
            return false;
        }
        java.util.Map<String, Integer> sizes = engine.sizes();
        return sizes.getOrDefault("operation", 0) > 0 || sizes.getOrDefault("node", 0) > 0
                || sizes.getOrDefault("page", 0) > 1;
    }

    /** Closes the connection, then the engine (which writes what is pending to its file). Blocking. */
    public void close() {
        try {
            connection.close();
        } finally {
            if (engine != null) {
                engine.close();
            }
        }
    }
}
