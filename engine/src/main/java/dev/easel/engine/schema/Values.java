package dev.easel.engine.schema;

import java.math.BigDecimal;
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
            return compareNumbers(x, y);
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.compareUnsigned(x, y);
        }
        return ((Comparable) a).compareTo(b);
    }

    /**
     * Numbers of different kinds compare as doubles, except where a long beyond 2^53 has no double of its own:
     * then exactly, so that 2^53 + 1 is not equal to 2^53 (which an index, keyed on the long, agrees with).
     */
    private static int compareNumbers(Number x, Number y) {
        int c = Double.compare(x.doubleValue(), y.doubleValue());
        if (c != 0 || (fitsDouble(x) && fitsDouble(y))) {
            return c;
        }
        return exact(x).compareTo(exact(y));
    }

    private static boolean fitsDouble(Number n) {
        if (n instanceof Double || n instanceof Float) {
            return true;
        }
        long l = n.longValue();
        return l > -(1L << 53) && l < (1L << 53);
    }

    private static BigDecimal exact(Number n) {
        return n instanceof Double || n instanceof Float ? new BigDecimal(n.doubleValue()) : BigDecimal.valueOf(n.longValue());
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
                if (value instanceof String s) {
                    checkText(s);
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

    /**
     * Refuses a string with a lone surrogate: it has no UTF-8 form, so a document would save it as '?', and two
     * such keys would then clash when the document is opened again.
     */
    private static void checkText(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("expected text, got a string with a lone surrogate at index " + i);
            }
        }
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
