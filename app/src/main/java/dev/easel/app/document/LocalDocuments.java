package dev.easel.app.document;

import dev.easel.engine.Engine;
import dev.easel.engine.tx.Clock;
import dev.easel.engine.tx.Identity;
import dev.easel.host.canvas.Canvas;
import dev.easel.host.session.LocalConnection;
import java.nio.file.Path;

/**
 * Documents this app hosts in process: a canvas engine (over a file, or in memory while unsaved) wrapped in
 * a {@link LocalConnection}. Everything here blocks on disk; call it off the JavaFX thread.
 */
public final class LocalDocuments {
    private LocalDocuments() {
    }

    /** A new, empty, unsaved document, kept in memory until it is saved. */
    public static OpenDocument createUnsaved(Identity who, String displayName) {
        return host(Canvas.engineBuilder(null, Clock.SYSTEM).open(), null, who, displayName);
    }

    /** A new, empty document in a new file. */
    public static OpenDocument create(Path file, Identity who, String displayName) {
        return host(Canvas.create(file, Clock.SYSTEM), file, who, displayName);
    }

    /** Opens a document file (migrating an older one). */
    public static OpenDocument open(Path file, Identity who, String displayName) {
        return host(Canvas.open(file, Clock.SYSTEM), file, who, displayName);
    }

    /**
     * Writes {@code doc} to {@code target} and opens the copy, which the window then edits; the old document
     * is closed. Undo history travels with the file.
     */
    public static OpenDocument saveAs(OpenDocument doc, Path target, Identity who, String displayName) {
        if (!doc.hosted()) {
            throw new IllegalStateException("only a document this app hosts can be saved here");
        }
        Canvas.saveAs(doc.engine(), target);
        OpenDocument copy = open(target, who, displayName);
        doc.close();
        return copy;
    }

    private static OpenDocument host(Engine engine, Path file, Identity who, String displayName) {
        try {
            return new OpenDocument(new LocalConnection(engine, who, displayName), engine, file);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }
}
