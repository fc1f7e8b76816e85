package dev.easel.host.canvas;

import static dev.easel.engine.schema.ColumnType.BOOL;
import static dev.easel.engine.schema.ColumnType.BYTES;
import static dev.easel.engine.schema.ColumnType.F64;
import static dev.easel.engine.schema.ColumnType.I64;
import static dev.easel.engine.schema.ColumnType.STRING;

import dev.easel.engine.schema.Schema;

/**
 * The tables of a canvas document (DESIGN section 5). Durable: {@code node}, {@code page}, {@code operation}
 * (undo history), {@code member}, {@code asset}. Transient, never written to disk: {@code cursor},
 * {@code presence}, {@code upload_part} (pieces of an image a joiner is still sending; see {@link ImageUpload}).
 */
public final class CanvasSchema {
    /**
     * Bumped whenever a table changes. A document written by a newer version is refused by the store; an
     * older one is migrated on open (added columns take their defaults).
     */
    public static final int VERSION = 2;

    public static final String NODE = "node";
    public static final String PAGE = "page";
    public static final String CURSOR = "cursor";
    public static final String PRESENCE = "presence";
    public static final String OPERATION = "operation";
    public static final String MEMBER = "member";
    public static final String ASSET = "asset";
    public static final String UPLOAD_PART = "upload_part";

    public static final String NODE_BY_PAGE = "node_by_page";
    public static final String NODE_BY_PARENT = "node_by_parent";
    public static final String NODE_BY_LOCK = "node_by_lock";
    public static final String OPERATION_BY_IDENTITY = "operation_by_identity";
    public static final String OPERATION_OPEN = "operation_open";
    public static final String UPLOAD_PART_BY_OWNER = "upload_part_by_owner";

    public static final Schema SCHEMA = Schema.builder()
            .version(VERSION)
            .table(NODE, t -> t
                    .column("id", STRING).primaryKey("id")
                    .column("page", STRING)
                    .nullable("parent", STRING)
                    .column("kind", STRING)
                    .column("name", STRING, "")
                    .column("x", F64, 0.0)
                    .column("y", F64, 0.0)
                    .column("w", F64, 0.0)
                    .column("h", F64, 0.0)
                    .column("rotation", F64, 0.0)
                    .column("z", STRING)
                    .column("fill", STRING, "none")
                    .column("stroke", STRING, "none")
                    .column("stroke_width", F64, 0.0)
                    .column("corner_radius", F64, 0.0)
                    .column("opacity", F64, 1.0)
                    .column("text", STRING, "")
                    .column("font_family", STRING, "Inter")
                    .column("font_size", F64, 16.0)
                    .column("font_weight", I64, 400L)
                    .column("align", STRING, "left")
                    .nullable("asset", STRING)
                    .column("visible", BOOL, true)
                    // A layer lock (set from the layers panel): the canvas will not select or move the node.
                    // Unlike locked_by (an advisory "someone is editing this"), it is part of the document.
                    .column("locked", BOOL, false)
                    .nullable("locked_by", STRING)
                    .nullable("locked_at", I64)
                    .hashIndex(NODE_BY_PAGE, "page")
                    .hashIndex(NODE_BY_PARENT, "parent")
                    .hashIndex(NODE_BY_LOCK, "locked_by"))
            .table(PAGE, t -> t
                    .column("id", STRING).primaryKey("id")
                    .column("name", STRING)
                    .column("z", STRING))
            .table(CURSOR, t -> t.transientTable()
                    .column("identity", STRING).primaryKey("identity")
                    .column("x", F64, 0.0)
                    .column("y", F64, 0.0)
                    .nullable("page", STRING)
                    .nullable("frame", STRING)
                    // Selected node ids joined by commas (node ids cannot contain one).
                    .column("selection", STRING, ""))
            .table(PRESENCE, t -> t.transientTable()
                    .column("identity", STRING).primaryKey("identity")
                    .column("name", STRING)
                    .column("color", STRING)
                    .column("status", STRING)
                    .column("last_active", I64)
                    .nullable("page", STRING)
                    .nullable("frame", STRING)
                    .column("zoom", F64, 1.0)
                    .column("view_x", F64, 0.0)
                    .column("view_y", F64, 0.0)
                    .column("view_w", F64, 0.0)
                    .column("view_h", F64, 0.0))
            .table(OPERATION, t -> t
                    // "<identity>/<seq>": one row per undo step (gesture) of one member.
                    .column("id", STRING).primaryKey("id")
                    .column("identity", STRING)
                    .column("gesture", STRING)
                    .column("seq", I64)
                    .column("state", STRING)
                    // The identity while the gesture is still open (between begin and end), else null.
                    .nullable("open_by", STRING)
                    .column("at", I64)
                    // Before and after values of each changed field, encoded by ChangeCodec.
                    .column("changes", BYTES)
                    .hashIndex(OPERATION_BY_IDENTITY, "identity")
                    .hashIndex(OPERATION_OPEN, "open_by"))
            .table(MEMBER, t -> t
                    .column("identity", STRING).primaryKey("identity")
                    .column("name", STRING)
                    .column("color", STRING)
                    .column("role", STRING))
            .table(ASSET, t -> t
                    .column("hash", STRING).primaryKey("hash")
                    .column("bytes", BYTES)
                    .column("mime", STRING)
                    .column("width", I64)
                    .column("height", I64)
                    .column("size", I64)
                    .column("owner", STRING)
                    .column("created", I64))
            .table(UPLOAD_PART, t -> t.transientTable()
                    // "<identity>/<hash>/<part>": one piece of an image its sender is still sending.
                    .column("id", STRING).primaryKey("id")
                    .column("owner", STRING)
                    .column("hash", STRING)
                    .column("part", I64)
                    .column("bytes", BYTES)
                    .hashIndex(UPLOAD_PART_BY_OWNER, "owner"))
            .build();

    private CanvasSchema() {
    }
}
