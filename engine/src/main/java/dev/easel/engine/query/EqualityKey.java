package dev.easel.engine.query;

import dev.easel.engine.schema.ColumnType;

/**
 * {@code column = value} required by a whole filter (a top-level conjunct). The engine files a subscription
 * under it, so a changed row only wakes the subscriptions its values can match.
 */
public record EqualityKey(int column, Object value) {
    static EqualityKey of(Expr where) {
        if (where instanceof Expr.Compare c) {
            return fromCompare(c);
        }
        if (where instanceof Expr.And and) {
            for (Expr part : and.parts()) {
                EqualityKey k = of(part);
                if (k != null) {
                    return k;
                }
            }
        }
        return null;
    }

    private static EqualityKey fromCompare(Expr.Compare c) {
        if (c.op() != Expr.Op.EQ) {
            return null;
        }
        if (c.left() instanceof Expr.Column col && c.right() instanceof Expr.Literal lit) {
            return key(col, lit.value());
        }
        if (c.right() instanceof Expr.Column col && c.left() instanceof Expr.Literal lit) {
            return key(col, lit.value());
        }
        return null;
    }

    /** Numbers are keyed in the column's own form, so 5 and 5.0 find the same subscriptions. */
    private static EqualityKey key(Expr.Column col, Object value) {
        if (col.type() == ColumnType.F64 && value instanceof Long l) {
            return new EqualityKey(col.index(), (double) l);
        }
        if (col.type() == ColumnType.I64 && value instanceof Double d) {
            if (d != Math.rint(d)) {
                return null;
            }
            return new EqualityKey(col.index(), d.longValue());
        }
        return new EqualityKey(col.index(), value);
    }
}
