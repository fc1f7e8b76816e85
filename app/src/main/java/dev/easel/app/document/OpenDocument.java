package dev.easel.app.document;

import dev.easel.engine.Engine;
import dev.easel.host.session.Connection;
import java.nio.file.Path;

/**
 * A document the window shows: the connection it is edited through, and, when this app hosts it in process,
 * its engine and its file (null while unsaved). A joined document has neither.
 */
public record OpenDocument(Connection connection, Engine engine, Path file) {
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
