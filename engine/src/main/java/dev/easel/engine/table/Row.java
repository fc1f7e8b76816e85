package dev.easel.engine.table;

import dev.easel.engine.schema.Values;
import java.util.Arrays;

/** An immutable row: its values in column order. Changing a row makes a new one. */
public final class Row {
    private final Object[] values;

    private Row(Object[] values) {
        this.values = values;
    }

    /** Wraps the array without copying: the caller must not change it afterwards. */
    public static Row wrap(Object[] values) {
        return new Row(values);
    }

    public static Row of(Object... values) {
        return new Row(values.clone());
    }

    public Object get(int column) {
        return values[column];
    }

    public int size() {
        return values.length;
    }

    public Object[] toArray() {
        return values.clone();
    }

    /** A copy of this row with one column changed. */
    public Row with(int column, Object value) {
        Object[] copy = values.clone();
        copy[column] = value;
        return new Row(copy);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Row other) || other.values.length != values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (!Values.equal(values[i], other.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (Object v : values) {
            h = 31 * h + Values.hash(v);
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            Object v = values[i];
            b.append(v instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(v));
        }
        return b.append(')').toString();
    }
}
