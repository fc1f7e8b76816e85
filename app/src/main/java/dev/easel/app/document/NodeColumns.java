package dev.easel.app.document;

import dev.easel.engine.schema.Schema;
import dev.easel.engine.schema.TableSchema;

/** Column positions of the {@code node} table in the schema the connection announced. */
public final class NodeColumns {
    public static final String TABLE = "node";

    final TableSchema table;
    final int id;
    final int page;
    final int parent;
    final int kind;
    final int name;
    final int x;
    final int y;
    final int w;
    final int h;
    final int rotation;
    final int z;
    final int fill;
    final int stroke;
    final int strokeWidth;
    final int cornerRadius;
    final int opacity;
    final int text;
    final int fontFamily;
    final int fontSize;
    final int fontWeight;
    final int align;
    final int visible;
    final int locked;
    final int lockedBy;
    final int asset;

    public NodeColumns(Schema schema) {
        table = schema.require(TABLE);
        id = table.columnIndex("id");
        page = table.columnIndex("page");
        parent = table.columnIndex("parent");
        kind = table.columnIndex("kind");
        name = table.columnIndex("name");
        x = table.columnIndex("x");
        y = table.columnIndex("y");
        w = table.columnIndex("w");
        h = table.columnIndex("h");
        rotation = table.columnIndex("rotation");
        z = table.columnIndex("z");
        fill = table.columnIndex("fill");
        stroke = table.columnIndex("stroke");
        strokeWidth = table.columnIndex("stroke_width");
        cornerRadius = table.columnIndex("corner_radius");
        opacity = table.columnIndex("opacity");
        text = table.columnIndex("text");
        fontFamily = table.columnIndex("font_family");
        fontSize = table.columnIndex("font_size");
        fontWeight = table.columnIndex("font_weight");
        align = table.columnIndex("align");
        visible = table.columnIndex("visible");
        locked = table.columnIndex("locked");
        lockedBy = table.columnIndex("locked_by");
        asset = table.columnIndex("asset");
    }

    public TableSchema table() {
        return table;
    }

    public int x() {
        return x;
    }

    public int y() {
        return y;
    }

    public int w() {
        return w;
    }

    public int h() {
        return h;
    }
}
