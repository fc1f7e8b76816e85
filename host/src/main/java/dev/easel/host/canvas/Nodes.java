package dev.easel.host.canvas;

import dev.easel.engine.schema.Column;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.ReducerContext;
import dev.easel.engine.tx.ReducerException;
import dev.easel.engine.tx.TableHandle;
import java.util.HashMap;
import java.util.Map;

/** The {@code node} table's column positions and typed reads of its rows. */
final class Nodes {
    static final TableSchema TABLE = CanvasSchema.SCHEMA.require(CanvasSchema.NODE);
    static final int ID = TABLE.columnIndex("id");
    static final int PAGE = TABLE.columnIndex("page");
    static final int PARENT = TABLE.columnIndex("parent");
    static final int KIND = TABLE.columnIndex("kind");
    static final int X = TABLE.columnIndex("x");
    static final int Y = TABLE.columnIndex("y");
    static final int W = TABLE.columnIndex("w");
    static final int H = TABLE.columnIndex("h");
    static final int ROTATION = TABLE.columnIndex("rotation");
    static final int Z = TABLE.columnIndex("z");
    /** The image a node shows (its content hash), by the name undo steps record it under too. */
    static final String ASSET_FIELD = "asset";
    static final int ASSET = TABLE.columnIndex(ASSET_FIELD);
    static final int LOCKED_BY = TABLE.columnIndex("locked_by");
    static final int TEXT = TABLE.columnIndex("text");

    private Nodes() {
    }

    static TableHandle table(ReducerContext ctx) {
        return ctx.table(TABLE.id());
    }

    /** The node with that id, or {@code not_found} naming it. */
    static Row require(TableHandle nodes, String id) {
        Row r = nodes.find(id);
        if (r == null) {
            throw ReducerException.notFound("no node '" + id + "'");
        }
        return r;
    }

    static String id(Row r) {
        return (String) r.get(ID);
    }

    static String page(Row r) {
        return (String) r.get(PAGE);
    }

    static String parent(Row r) {
        return (String) r.get(PARENT);
    }

    static NodeKind kind(Row r) {
        return NodeKind.of((String) r.get(KIND));
    }

    static String z(Row r) {
        return (String) r.get(Z);
    }

    static double num(Row r, int column) {
        return (Double) r.get(column);
    }

    static String lockedBy(Row r) {
        return (String) r.get(LOCKED_BY);
    }

    /** Every column of a row by name, for copying it into a new one. */
    static Map<String, Object> values(Row r) {
        Map<String, Object> out = new HashMap<>();
        for (Column c : TABLE.columns()) {
            out.put(c.name(), r.get(c.position()));
        }
        return out;
    }
}
