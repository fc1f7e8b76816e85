package dev.easel.engine.properties;

import dev.easel.engine.properties.SchemaModel.ColumnModel;
import dev.easel.engine.properties.SchemaModel.TableModel;
import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.table.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntPredicate;

/**
 * A random WHERE clause over a {@link TableModel}: written out as SQL for the engine, and evaluated here by the
 * test's own reading of the subset (a comparison with null is false; NOT, AND and OR are two-valued), so the
 * engine's parser and evaluator are checked against something other than themselves.
 */
sealed interface FilterModel {
    boolean test(Row row, String sender);

    /** The SQL text, bracketed where precedence needs it (OR below AND below NOT). */
    String sql(Keywords k);

    int precedence();

    /** Writes keywords in upper or lower case: the language does not care. */
    record Keywords(boolean lower) {
        String of(String keyword) {
            return lower ? keyword.toLowerCase(Locale.ROOT) : keyword;
        }
    }

    /** The whole query. */
    static String query(TableModel table, FilterModel filter, boolean lowerKeywords) {
        Keywords k = new Keywords(lowerKeywords);
        return k.of("SELECT") + " * " + k.of("FROM") + " " + table.name() + " " + k.of("WHERE") + " " + filter.sql(k);
    }

    private static String bracketed(FilterModel f, int needed, Keywords k) {
        return f.precedence() < needed ? "(" + f.sql(k) + ")" : f.sql(k);
    }

    // ---- operands --------------------------------------------------------------------------------------

    sealed interface Operand {
        Object value(Row row, String sender);

        String sql(Keywords k);
    }

    record ColumnRef(int position, String name) implements Operand {
        public Object value(Row row, String sender) {
            return row.get(position);
        }

        public String sql(Keywords k) {
            return name;
        }
    }

    record Literal(Object value) implements Operand {
        public Object value(Row row, String sender) {
            return value;
        }

        public String sql(Keywords k) {
            if (value instanceof String s) {
                return "'" + s.replace("'", "''") + "'";
            }
            if (value instanceof Boolean b) {
                return k.of(b ? "TRUE" : "FALSE");
            }
            return value.toString();
        }
    }

    record Sender() implements Operand {
        public Object value(Row row, String sender) {
            return sender;
        }

        public String sql(Keywords k) {
            return ":sender";
        }
    }

    /** Orders two non-null values: numbers of different kinds by their exact values, the rest naturally. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && a.getClass() != b.getClass()) {
            return exact(x).compareTo(exact(y));
        }
        return ((Comparable) a).compareTo(b);
    }

    private static BigDecimal exact(Number n) {
        return n instanceof Double d ? new BigDecimal(d) : BigDecimal.valueOf(n.longValue());
    }

    // ---- filters ---------------------------------------------------------------------------------------

    record Compare(Operand left, String op, Operand right) implements FilterModel {
        public boolean test(Row row, String sender) {
            Object a = left.value(row, sender);
            Object b = right.value(row, sender);
            if (a == null || b == null) {
                return false;
            }
            int c = compare(a, b);
            return switch (op) {
                case "=" -> c == 0;
                case "<>", "!=" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> throw new IllegalStateException(op);
            };
        }

        public String sql(Keywords k) {
            return left.sql(k) + " " + op + " " + right.sql(k);
        }

        public int precedence() {
            return 4;
        }
    }

    record In(ColumnRef column, List<Literal> values, boolean negated) implements FilterModel {
        public boolean test(Row row, String sender) {
            Object v = row.get(column.position());
            if (v == null) {
                return false;
            }
            boolean found = values.stream().anyMatch(l -> compare(v, l.value()) == 0);
            return found != negated;
        }

        public String sql(Keywords k) {
            List<String> items = values.stream().map(l -> l.sql(k)).toList();
            return column.sql(k) + (negated ? " " + k.of("NOT") : "") + " " + k.of("IN") + " (" + String.join(", ", items) + ")";
        }

        public int precedence() {
            return 4;
        }
    }

    record IsNull(ColumnRef column, boolean negated) implements FilterModel {
        public boolean test(Row row, String sender) {
            return (row.get(column.position()) == null) != negated;
        }

        public String sql(Keywords k) {
            return column.sql(k) + " " + k.of("IS") + (negated ? " " + k.of("NOT") : "") + " " + k.of("NULL");
        }

        public int precedence() {
            return 4;
        }
    }

    record Not(FilterModel inner) implements FilterModel {
        public boolean test(Row row, String sender) {
            return !inner.test(row, sender);
        }

        public String sql(Keywords k) {
            return k.of("NOT") + " " + bracketed(inner, 3, k);
        }

        public int precedence() {
            return 3;
        }
    }

    record And(List<FilterModel> parts) implements FilterModel {
        public boolean test(Row row, String sender) {
            return parts.stream().allMatch(p -> p.test(row, sender));
        }

        public String sql(Keywords k) {
            return String.join(" " + k.of("AND") + " ", parts.stream().map(p -> bracketed(p, 2, k)).toList());
        }

        public int precedence() {
            return 2;
        }
    }

    record Or(List<FilterModel> parts) implements FilterModel {
        public boolean test(Row row, String sender) {
            return parts.stream().anyMatch(p -> p.test(row, sender));
        }

        public String sql(Keywords k) {
            return String.join(" " + k.of("OR") + " ", parts.stream().map(p -> bracketed(p, 1, k)).toList());
        }

        public int precedence() {
            return 1;
        }
    }

    /** Brackets nobody needed. */
    record Group(FilterModel inner) implements FilterModel {
        public boolean test(Row row, String sender) {
            return inner.test(row, sender);
        }

        public String sql(Keywords k) {
            return "(" + inner.sql(k) + ")";
        }

        public int precedence() {
            return 4;
        }
    }

    // ---- generation ------------------------------------------------------------------------------------

    /** A random filter over the table, nested at most {@code depth} levels, drawn from {@code seed}. */
    static FilterModel random(TableModel table, long seed, int depth) {
        return new Generator(table, new Random(seed), depth).filter(0);
    }

    /** Draws filters whose literals come from the columns' own domains, so that they match some rows. */
    final class Generator {
        private static final List<String> ORDERING = List.of("=", "<>", "!=", "<", "<=", ">", ">=");
        private static final List<String> EQUALITY = List.of("=", "<>", "!=");

        private final TableModel table;
        private final Random random;
        private final int maxDepth;

        Generator(TableModel table, Random random, int maxDepth) {
            this.table = table;
            this.random = random;
            this.maxDepth = maxDepth;
        }

        FilterModel filter(int depth) {
            int kind = depth >= maxDepth ? 0 : random.nextInt(10);
            return switch (kind) {
                case 5 -> new Not(filter(depth + 1));
                case 6 -> new And(parts(depth));
                case 7 -> new Or(parts(depth));
                case 8 -> new Group(filter(depth + 1));
                default -> atom();
            };
        }

        private List<FilterModel> parts(int depth) {
            List<FilterModel> out = new ArrayList<>();
            int n = 2 + random.nextInt(2);
            for (int i = 0; i < n; i++) {
                out.add(filter(depth + 1));
            }
            return out;
        }

        private FilterModel atom() {
            int position = random.nextInt(table.columns().size());
            ColumnModel c = table.column(position);
            ColumnRef ref = new ColumnRef(position, c.name());
            int kind = c.type() == ColumnType.BYTES ? 0 : random.nextInt(7);
            if (kind == 0) {
                return new IsNull(ref, random.nextBoolean());
            }
            if (kind == 1) {
                List<Literal> values = new ArrayList<>();
                int n = 1 + random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    values.add(literal(c.type()));
                }
                return new In(ref, values, random.nextBoolean());
            }
            List<String> ops = c.type() == ColumnType.BOOL ? EQUALITY : ORDERING;
            String op = ops.get(random.nextInt(ops.size()));
            Operand other = otherOperand(c.type());
            return random.nextInt(5) == 0 ? new Compare(other, op, ref) : new Compare(ref, op, other);
        }

        /** Another column of a comparable type, :sender for text, or (mostly) a literal. */
        private Operand otherOperand(ColumnType type) {
            int kind = random.nextInt(8);
            if (kind == 0) {
                int other = pick(i -> comparable(type, table.column(i).type()));
                if (other >= 0) {
                    return new ColumnRef(other, table.column(other).name());
                }
            }
            if (kind == 1 && type == ColumnType.STRING) {
                return new Sender();
            }
            return literal(type);
        }

        private static boolean comparable(ColumnType a, ColumnType b) {
            boolean numeric = (a == ColumnType.I64 || a == ColumnType.F64) && (b == ColumnType.I64 || b == ColumnType.F64);
            return a != ColumnType.BYTES && (a == b || numeric);
        }

        private int pick(IntPredicate ok) {
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < table.columns().size(); i++) {
                if (ok.test(i)) {
                    candidates.add(i);
                }
            }
            return candidates.isEmpty() ? -1 : candidates.get(random.nextInt(candidates.size()));
        }

        /** A value of the column's domain; numbers sometimes in the other numeric kind (2.0 for an i64). */
        private Literal literal(ColumnType type) {
            List<Object> domain = SchemaModel.domain(type);
            Object v = domain.get(random.nextInt(domain.size()));
            if (random.nextInt(4) == 0) {
                if (v instanceof Long l) {
                    v = random.nextBoolean() ? (double) l : l + 0.5;
                } else if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) <= 0x1p53) {
                    v = (long) (double) d;
                }
            }
            return new Literal(v);
        }
    }
}
