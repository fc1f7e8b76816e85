package dev.easel.engine.query;

import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.schema.Values;
import dev.easel.engine.table.Row;
import java.util.List;
import java.util.Map;

/** A parsed, type-checked WHERE clause. Parameters are replaced by values with {@link #bind}. */
public sealed interface Expr {
    boolean test(Row row);

    /** This expression with every parameter replaced by its value, checked against the column's type. */
    Expr bind(Map<String, Object> params);

    /** A value that is either a column of the row, a literal, or a named parameter not yet bound. */
    sealed interface Operand {
        Object value(Row row);
    }

    record Column(int index, String name, ColumnType type) implements Operand {
        @Override
        public Object value(Row row) {
            return row.get(index);
        }
    }

    record Literal(Object value) implements Operand {
        @Override
        public Object value(Row row) {
            return value;
        }
    }

    record Param(String name, int position, ColumnType expected) implements Operand {
        @Override
        public Object value(Row row) {
            throw new IllegalStateException("parameter :" + name + " was not bound");
        }

        Literal bind(Map<String, Object> params) {
            if (!params.containsKey(name)) {
                throw new QueryException("no value for parameter :" + name, position);
            }
            Object v = params.get(name);
            if (v == null) {
                throw new QueryException("parameter :" + name + " is null; use IS NULL", position);
            }
            if (expected != null) {
                TypeRules.checkValue(expected, v, "parameter :" + name, position);
            }
            return new Literal(v);
        }
    }

    enum Op {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        boolean holds(int cmp) {
            switch (this) {
                case EQ: return cmp == 0;
                case NE: return cmp != 0;
                case LT: return cmp < 0;
                case LE: return cmp <= 0;
                case GT: return cmp > 0;
                default: return cmp >= 0;
            }
        }
    }

    private static Operand bindOperand(Operand o, Map<String, Object> params) {
        return o instanceof Param p ? p.bind(params) : o;
    }

    /** SQL-style: a comparison with a null value is false. */
    record Compare(Operand left, Op op, Operand right) implements Expr {
        @Override
        public boolean test(Row row) {
            Object a = left.value(row);
            Object b = right.value(row);
            if (a == null || b == null) {
                return false;
            }
            return op.holds(Values.compare(a, b));
        }

        @Override
        public Expr bind(Map<String, Object> params) {
            return new Compare(bindOperand(left, params), op, bindOperand(right, params));
        }
    }

    record IsNull(Column column, boolean negated) implements Expr {
        @Override
        public boolean test(Row row) {
            return (row.get(column.index()) == null) != negated;
        }

        @Override
        public Expr bind(Map<String, Object> params) {
            return this;
        }
    }

    record In(Column column, List<Operand> values, boolean negated) implements Expr {
        @Override
        public boolean test(Row row) {
            Object v = row.get(column.index());
            if (v == null) {
                return false;
            }
            for (Operand o : values) {
                Object x = o.value(row);
                if (x != null && Values.compare(v, x) == 0) {
                    return !negated;
                }
            }
            return negated;
        }

        @Override
        public Expr bind(Map<String, Object> params) {
            return new In(column, values.stream().map(o -> bindOperand(o, params)).toList(), negated);
        }
    }

    record And(List<Expr> parts) implements Expr {
        @Override
        public boolean test(Row row) {
            for (Expr e : parts) {
                if (!e.test(row)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Expr bind(Map<String, Object> params) {
            return new And(parts.stream().map(e -> e.bind(params)).toList());
        }
    }

    record Or(List<Expr> parts) implements Expr {
        @Override
        public boolean test(Row row) {
            for (Expr e : parts) {
                if (e.test(row)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Expr bind(Map<String, Object> params) {
            return new Or(parts.stream().map(e -> e.bind(params)).toList());
        }
    }

    record Not(Expr inner) implements Expr {
        @Override
        public boolean test(Row row) {
            return !inner.test(row);
        }

        @Override
        public Expr bind(Map<String, Object> params) {
            return new Not(inner.bind(params));
        }
    }

    /** No WHERE clause: every row matches. */
    record All() implements Expr {
        @Override
        public boolean test(Row row) {
            return true;
        }

        @Override
        public Expr bind(Map<String, Object> params) {
            return this;
        }
    }
}
