package dev.easel.engine.query;

import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.schema.Values;

/** Which values and operators each column type accepts in a filter. */
final class TypeRules {
    private TypeRules() {
    }

    static boolean numeric(ColumnType t) {
        return t == ColumnType.I64 || t == ColumnType.F64;
    }

    /** Refuses a literal or parameter value that a column of this type can never equal. */
    static void checkValue(ColumnType type, Object value, String what, int position) {
        boolean ok = switch (type) {
            case I64, F64 -> value instanceof Long || value instanceof Integer
                    || (value instanceof Double d && Double.isFinite(d));
            case STRING -> value instanceof String;
            case BOOL -> value instanceof Boolean;
            case BYTES -> false;
        };
        if (!ok) {
            throw new QueryException(what + " is " + Values.describe(value) + ", but the column is "
                    + type.label(), position);
        }
    }

    static void checkOperator(ColumnType type, Expr.Op op, String column, int position) {
        if (type == ColumnType.BYTES) {
            throw new QueryException("column " + column + " is bytes and cannot be compared", position);
        }
        if (type == ColumnType.BOOL && op != Expr.Op.EQ && op != Expr.Op.NE) {
            throw new QueryException("bool column " + column + " supports only = and <>, not " + op.symbol, position);
        }
    }

    static void checkColumns(Expr.Column a, Expr.Column b, int position) {
        boolean ok = a.type() == b.type() || (numeric(a.type()) && numeric(b.type()));
        if (!ok) {
            throw new QueryException("cannot compare " + a.name() + " (" + a.type().label() + ") with "
                    + b.name() + " (" + b.type().label() + ")", position);
        }
    }
}
