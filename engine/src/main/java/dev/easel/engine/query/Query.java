package dev.easel.engine.query;

import dev.easel.engine.schema.Schema;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Row;
import java.util.Map;

/**
 * A parsed subscription query over one table. {@link #bind} supplies named parameters such as
 * {@code :sender}; a bound query can test rows and names one equality the engine can index on.
 */
public final class Query {
    private final String sql;
    private final TableSchema table;
    private final Expr where;

    Query(String sql, TableSchema table, Expr where) {
        this.sql = sql;
        this.table = table;
        this.where = where;
    }

    /** Parses and checks a query against a schema; throws {@link QueryException} naming the problem and where. */
    public static Query parse(String sql, Schema schema) {
        return new Parser(sql, schema).parse();
    }

    public String sql() {
        return sql;
    }

    public TableSchema table() {
        return table;
    }

    public Bound bind(Map<String, Object> params) {
        Expr bound = where.bind(params);
        return new Bound(this, bound, EqualityKey.of(bound));
    }

    /** A query with its parameters in place. */
    public static final class Bound {
        private final Query query;
        private final Expr where;
        private final EqualityKey key;

        Bound(Query query, Expr where, EqualityKey key) {
            this.query = query;
            this.where = where;
            this.key = key;
        }

        public Query query() {
            return query;
        }

        public TableSchema table() {
            return query.table;
        }

        public boolean matches(Row row) {
            return row != null && where.test(row);
        }

        /**
         * Equal for two bound queries over the same table whose filters are the same expression with the same
         * values: they match exactly the same rows, so the engine computes their deltas once.
         */
        public Object sameRowsKey() {
            return new SameRows(query.table.id(), where);
        }

        /** A column that every matching row must hold one value in, or null if the filter names none. */
        public EqualityKey equalityKey() {
            return key;
        }
    }

    private record SameRows(int table, Expr where) {
    }

    @Override
    public String toString() {
        return sql;
    }
}
