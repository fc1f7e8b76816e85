package dev.easel.engine.properties;

import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.schema.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A random schema, and the small value domains its columns draw from, so that random writes collide on keys
 * and unique values and random filters match some rows but not all.
 */
record SchemaModel(List<TableModel> tables) {
    enum IndexChoice { NONE, HASH, ORDERED, UNIQUE }

    record ColumnModel(String name, ColumnType type, boolean nullable, Object defaultValue, IndexChoice index) {
        boolean required() {
            return !nullable && defaultValue == null;
        }
    }

    /** A table whose primary key column {@code id} sits at {@code pk} among its columns. */
    record TableModel(String name, List<ColumnModel> columns, int pk) {
        ColumnModel column(int position) {
            return columns.get(position);
        }

        /** One of the six primary keys random writes use. */
        Object key(int choice) {
            int k = Math.floorMod(choice, 6);
            return columns.get(pk).type() == ColumnType.I64 ? (Object) (long) k : "k" + k;
        }

        /** A full row of domain values, spread over the columns by {@code choice}. */
        Object[] row(Object key, int choice) {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = i == pk ? key : value(columns.get(i), choice + 5 * i);
            }
            return values;
        }
    }

    private static final Map<ColumnType, List<Object>> DOMAINS = Map.of(
            ColumnType.BOOL, List.of(true, false),
            // 2^53 + 1 has no double of its own: comparing it with 2^53 must still say "greater".
            ColumnType.I64, List.of(-2L, 0L, 1L, 2L, 3L, (1L << 53) + 1),
            ColumnType.F64, List.of(-1.5, 0.0, 1.0, 2.0, 2.5, 0x1p53),
            ColumnType.STRING, List.of("", "a", "b", "it's", "me", "you"),
            ColumnType.BYTES, List.of(new byte[0], new byte[] {1}, new byte[] {1, 2}));

    static List<Object> domain(ColumnType type) {
        return DOMAINS.get(type);
    }

    /** Every value any column may hold, for probing indexes. */
    static List<Object> allValues() {
        List<Object> out = new ArrayList<>();
        for (ColumnType t : ColumnType.values()) {
            out.addAll(DOMAINS.get(t));
        }
        for (int k = 0; k < 6; k++) {
            out.add((long) k);
            out.add("k" + k);
        }
        return out;
    }

    /**
     * A value of the column's domain, or null for a nullable column. Byte arrays are fresh copies, so that
     * equal contents in different arrays must count as equal.
     */
    static Object value(ColumnModel c, int choice) {
        List<Object> domain = DOMAINS.get(c.type());
        int i = Math.floorMod(choice, domain.size() + (c.nullable() ? 1 : 0));
        if (i == domain.size()) {
            return null;
        }
        Object v = domain.get(i);
        return v instanceof byte[] b ? b.clone() : v;
    }

    /** The same value in a looser form the engine must coerce: ints for i64, longs for whole f64 values. */
    static Object loosely(Object v) {
        if (v instanceof Long l && l == (int) (long) l) {
            return (int) (long) l;
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e6) {
            return (long) (double) d;
        }
        return v;
    }

    Schema build() {
        Schema.Builder b = Schema.builder();
        for (TableModel t : tables) {
            b.table(t.name(), tb -> declare(t, tb));
        }
        return b.build();
    }

    private static void declare(TableModel t, TableSchema.Builder b) {
        for (ColumnModel c : t.columns()) {
            if (c.nullable()) {
                b.nullable(c.name(), c.type());
            } else if (c.defaultValue() != null) {
                b.column(c.name(), c.type(), c.defaultValue());
            } else {
                b.column(c.name(), c.type());
            }
            String index = "by_" + c.name();
            switch (c.index()) {
                case HASH -> b.hashIndex(index, c.name());
                case ORDERED -> b.orderedIndex(index, c.name());
                case UNIQUE -> b.unique(index, c.name());
                case NONE -> { }
            }
        }
        b.primaryKey(t.column(t.pk()).name());
    }

    // ---- generation ----------------------------------------------------------------------------------

    static Arbitrary<SchemaModel> arbitrary() {
        return table().list().ofMinSize(1).ofMaxSize(3).map(SchemaModel::named);
    }

    /** Names tables t0, t1, ... in order. */
    private static SchemaModel named(List<TableModel> tables) {
        List<TableModel> out = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            TableModel t = tables.get(i);
            out.add(new TableModel("t" + i, t.columns(), t.pk()));
        }
        return new SchemaModel(out);
    }

    private static Arbitrary<TableModel> table() {
        Arbitrary<ColumnType> keyType = Arbitraries.of(ColumnType.I64, ColumnType.STRING);
        Arbitrary<List<ColumnModel>> columns = column().list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(keyType, columns, Arbitraries.integers().between(0, 4))
                .as((type, others, at) -> {
                    List<ColumnModel> all = new ArrayList<>();
                    for (int i = 0; i < others.size(); i++) {
                        ColumnModel c = others.get(i);
                        all.add(new ColumnModel("c" + i, c.type(), c.nullable(), c.defaultValue(), c.index()));
                    }
                    int pk = Math.min(at, all.size());
                    all.add(pk, new ColumnModel("id", type, false, null, IndexChoice.NONE));
                    return new TableModel("t", all, pk);
                });
    }

    private static Arbitrary<ColumnModel> column() {
        return Combinators.combine(Arbitraries.of(ColumnType.class), Arbitraries.of(true, false),
                        Arbitraries.integers().between(-1, 5), Arbitraries.of(IndexChoice.class))
                .as((type, nullable, def, index) -> new ColumnModel("c", type, nullable,
                        nullable || def < 0 ? null : domain(type).get(def % domain(type).size()),
                        type == ColumnType.BYTES ? IndexChoice.NONE : index));
    }
}
