package dev.easel.host.canvas;

import dev.easel.engine.Engine;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.store.StoreException;
import dev.easel.engine.tx.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The canvas document: the entry point the session layer and the app use. A document is an {@link Engine}
 * over {@link CanvasSchema} with the canvas reducers, lifecycle hooks and presence sweep, kept in a document
 * file (or in memory). Every acknowledged edit is already on disk, so there is no separate "save"; "save as"
 * writes a copy.
 *
 * <p>Reducers (arguments by name; a trailing ? marks an optional one). Edits return a map; when they touch
 * nodes someone else holds locked they still happen, and the map carries {@code locked_by: {node: holder}}.
 * <ul>
 * <li>create_node(id, kind, page, parent?, after?|before?|to?, name?, x?, y?, w?, h?, rotation?, fill?, stroke?,
 *     stroke_width?, corner_radius?, opacity?, text?, font_family?, font_size?, font_weight?, align?, asset?,
 *     visible?, locked?) -> {id, z}
 * <li>update_node(id, patch {field: value}) ; move_nodes(moves [{id, x, y}]) ; resize_nodes(sizes [{id, w, h,
 *     x?, y?}]) ; set_text(id, text) ; delete_nodes(ids) -> {deleted} ; duplicate(ids, new_ids, dx?, dy?) -> {ids}
 * <li>reparent(ids, parent?, page?, after?|before?|to?) ; reorder(id, after|before|to) ; group(id, ids, name?) ;
 *     ungroup(ids)
 * <li>add_page(id, name?, after?|before?|to?) ; rename_page(id, name) ; reorder_page(id, after|before|to) ;
 *     delete_page(id)
 * <li>begin_gesture(gesture?) ; end_gesture() ; undo() ; redo() -> {gesture, skipped [{table, id, field?, reason}]}
 * <li>lock(ids) ; unlock(ids) ; set_cursor(x, y, page?, frame?) ; set_selection(ids) ; set_view(page?, frame?,
 *     zoom?, x?, y?, w?, h?)
 * <li>put_asset(bytes) -> {hash, mime, width, height, size, stored}
 * </ul>
 * Coordinates are relative to the parent (top-level nodes: to the page); siblings are drawn in order of their
 * z key, then id.
 */
public final class Canvas {
    private Canvas() {
    }

    public static Schema schema() {
        return CanvasSchema.SCHEMA;
    }

    /**
     * A builder for a canvas engine over {@code file} (created if missing, loaded and migrated if present;
     * null keeps the document in memory). Callers may add options (a manual clock's tests turn the scheduler
     * thread off and call {@link Engine#runDueSchedules()}) before {@link Engine.Builder#open()}.
     */
    public static Engine.Builder engineBuilder(Path fileOrNull, Clock clock) {
        Engine.Builder b = CanvasReducers.register(Engine.builder(CanvasSchema.SCHEMA)).clock(clock);
        return fileOrNull == null ? b : b.document(fileOrNull);
    }

    /** Creates a new document file; refuses to overwrite one that exists. */
    public static Engine create(Path file, Clock clock) {
        if (Files.exists(file)) {
            throw new StoreException(file + " exists already; open it, or choose another name");
        }
        return engineBuilder(file, clock).open();
    }

    /**
     * Opens an existing document file, migrating one written by an older Easel. Throws
     * {@link StoreException} with a message for people when the file is missing, not a document, written by
     * a newer Easel, or open in another process.
     */
    public static Engine open(Path file, Clock clock) {
        if (!Files.isRegularFile(file)) {
            throw new StoreException("there is no document at " + file);
        }
        return engineBuilder(file, clock).open();
    }

    /**
     * Writes the document as it is now to {@code target} (replacing a file there). The engine carries on with
     * its own file; to go on editing the copy, close this engine and {@link #open} the copy.
     */
    public static void saveAs(Engine engine, Path target) {
        engine.saveCopy(target);
    }

    /** An image of the document by content hash, for the session's HTTP endpoint. */
    public static Optional<Asset> asset(Engine engine, String hash) {
        return ImageStore.find(engine, hash);
    }

    /**
     * The subscription that follows another member's view: their presence row carries page, frame, zoom and
     * viewport, and every change to them arrives as an update. Subscribe with the SQL this returns.
     */
    public static String followQuery(String identity) {
        return "SELECT * FROM presence WHERE identity = '" + identity.replace("'", "''") + "'";
    }
}
