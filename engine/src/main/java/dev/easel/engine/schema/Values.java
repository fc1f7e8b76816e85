package dev.easel.engine.schema;

import java.util.Arrays;

/** Equality, hashing, ordering and coercion of column values (byte arrays compare by content). */
public final class Values {
    private Values() {
    }

    public static boolean equal(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        return a.equals(b);
    }

    public static int hash(Object v) {
        if (v instanceof byte[] bytes) {
            return Arrays.hashCode(bytes);
        }
        return v == null ? 0 : v.hashCode();
    }

    /** Orders values of one column; null sorts first. Longs and doubles compare numerically. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null) {
            return -1;
        }
        if (b == null) {
            return 1;
        }
        if (a instanceof Number x && b instanceof Number y && a.getClass() != b.getClass()) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.compareUnsigned(x, y);
        }
        return ((Comparable) a).compareTo(b);
    }

    /**
     * Converts a value to the stored form of a column type, or throws {@link IllegalArgumentException}
     * naming the problem. Integers widen to longs; integral doubles narrow to longs; floats widen to doubles.
     * Non-finite doubles are refused: they break equality and ordering.
     */
    public static Object coerce(Object value, ColumnType type) {
        if (value == null) {
            return null;
        }
        switch (type) {
            case BOOL:
                if (value instanceof Boolean) {
                    return value;
                }
                break;
            case I64:
                if (value instanceof Long) {
                    return value;
                }
                if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                    return ((Number) value).longValue();
                }
                if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p53) {
                    return d.longValue();
                }
                break;
            case F64:
                if (value instanceof Double d) {
                    if (!Double.isFinite(d)) {
                        throw new IllegalArgumentException("expected a finite number, got " + d);
                    }
                    return DoubleCache.canonical(d);
                }
                if (value instanceof Number n && !(value instanceof Double)) {
                    double d = n.doubleValue();
                    if (!Double.isFinite(d)) {
                        throw new IllegalArgumentException("expected a finite number, got " + d);
                    }
                    return DoubleCache.canonical(d);
                }
                break;
            case STRING:
                if (value instanceof String) {
                    return value;
                }
                break;
            case BYTES:
                if (value instanceof byte[]) {
                    return value;
                }
                break;
            default:
                throw new IllegalStateException(type.name());
        }
        throw new IllegalArgumentException("expected " + type.label() + ", got " + describe(value));
    }

    public static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "string '" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
        }
        if (value instanceof Boolean) {
            return "bool " + value;
        }
        if (value instanceof Long || value instanceof Integer) {
            return "integer " + value;
        }
        if (value instanceof Double) {
            return "number " + value;
        }
        if (value instanceof byte[] b) {
            return "bytes (" + b.length + ")";
        }
        return value.getClass().getSimpleName();
    }
}
