package dev.easel.host.canvas;

import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.ReducerContext;
import dev.easel.engine.tx.ReducerException;
import dev.easel.engine.tx.TableHandle;

/** The {@code page} table's column positions and typed reads of its rows. */
final class Pages {
    static final TableSchema TABLE = CanvasSchema.SCHEMA.require(CanvasSchema.PAGE);
    static final int ID = TABLE.columnIndex("id");
    static final int NAME = TABLE.columnIndex("name");
    static final int Z = TABLE.columnIndex("z");

    private Pages() {
    }

    static TableHandle table(ReducerContext ctx) {
        return ctx.table(TABLE.id());
    }

    static Row require(TableHandle pages, String id) {
        Row r = pages.find(id);
        if (r == null) {
            throw ReducerException.notFound("no page '" + id + "'");
        }
        return r;
    }

    static String id(Row r) {
        return (String) r.get(ID);
    }

    static String z(Row r) {
        return (String) r.get(Z);
    }
}
