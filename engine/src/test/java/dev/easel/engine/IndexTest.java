package dev.easel.engine;

import static dev.easel.engine.Fixtures.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.ReducerException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Unique constraints and ordered index ranges, as reducers see them. */
class IndexTest {
    private static final Identity ME = new Identity("me");
    private static final Schema SCHEMA = Schema.builder()
            .table("item", t -> t.column("id", ColumnType.I64).primaryKey("id")
                    .nullable("rank", ColumnType.F64)
                    .nullable("code", ColumnType.STRING)
                    .column("grp", ColumnType.I64, 0L)
                    .orderedIndex("by_rank", "rank")
                    .unique("by_code", "code")
                    .hashIndex("by_grp", "grp"))
            .build();

    private Engine engine;

    @BeforeEach
    void open() {
        engine = Engine.builder(SCHEMA)
                .reducer("put", (ctx, a) -> ctx.table("item").upsert(
                        Row.of(a.i64("id"), a.raw("rank"), a.raw("code"), a.i64("grp", 0))))
                .reducer("setCode", (ctx, a) -> ctx.table("item").set(a.i64("id"), 2, a.raw("code")))
                .reducer("delete", (ctx, a) -> ctx.table("item").delete(a.i64("id")))
                .reducer("insertBare", (ctx, a) -> ctx.table("item").insert(Map.of("id", a.i64("id"))))
                // Gives code c of row a to row b in one transaction, passing it through a free value.
                .reducer("handOver", (ctx, a) -> {
                    Object code = ctx.table("item").require(a.i64("from")).get(2);
                    ctx.table("item").set(a.i64("from"), 2, a.raw("replacement"));
                    return ctx.table("item").set(a.i64("to"), 2, code);
                })
                .reducer("swapCodes", (ctx, a) -> {
                    var item = ctx.table("item");
                    Object first = item.require(1L).get(2);
                    Object second = item.require(2L).get(2);
                    item.set(1L, 2, "swap");
                    item.set(2L, 2, first);
                    return item.set(1L, 2, second);
                })
                .reducer("range", (ctx, a) -> ids(ctx.table("item").range(a.string("index"), a.raw("from"), a.raw("to"))))
                .reducer("byCode", (ctx, a) -> ids(ctx.table("item").findBy("by_code", a.raw("code"))))
                .reducer("byGroup", (ctx, a) -> ids(ctx.table("item").findBy("by_grp", a.raw("grp"))))
                .reducer("checkIndexes", Fixtures.indexChecker(SCHEMA))
                .open();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private static List<Object> ids(List<Row> rows) {
        List<Object> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.get(0)));
        return out;
    }

    private void put(long id, Double rank, String code) {
        Map<String, Object> args = new HashMap<>();
        args.put("id", id);
        args.put("rank", rank);
        args.put("code", code);
        engine.call(ME, "put", new Args(args)).join();
    }

    private Object query(String reducer, Object... args) {
        return engine.call(ME, reducer, Args.of(args)).join().value();
    }

    private List<Object> range(Object from, Object to) {
        @SuppressWarnings("unchecked")
        List<Object> ids = (List<Object>) query("range", "index", "by_rank", "from", from, "to", to);
        return ids;
    }

    private void assertIndexesAgree() {
        assertEquals(List.of(), query("checkIndexes", "probe", List.of("A", "B", "C", "swap", 0.0, 9.0)));
    }

    @Test
    void uniqueValueCannotBeTakenTwice() {
        put(1, 1.0, "A");
        put(2, 2.0, "B");
        ReducerException insert = failure(engine.call(ME, "put", Args.of("id", 3, "code", "A")));
        assertEquals(ReducerException.CONSTRAINT, insert.code());
        assertEquals("unique constraint by_code on item already has string 'A'", insert.getMessage());
        ReducerException update = failure(engine.call(ME, "setCode", Args.of("id", 2, "code", "A")));
        assertEquals("unique constraint by_code on item already has string 'A'", update.getMessage());
        assertEquals(List.of(1L), query("byCode", "code", "A"));
        assertEquals(List.of(2L), query("byCode", "code", "B"));
        assertEquals(2, engine.rows("item").size());
        assertIndexesAgree();
    }

    @Test
    void duplicatePrimaryKeyIsRefused() {
        put(1, 1.0, "A");
        ReducerException e = failure(engine.call(ME, "insertBare", Args.of("id", 1)));
        assertEquals(ReducerException.CONSTRAINT, e.code());
        assertEquals("table item already has a row with id = integer 1", e.getMessage());
    }

    @Test
    void nullsDoNotClash() {
        put(1, 1.0, null);
        put(2, 2.0, null);
        put(3, 3.0, "C");
        engine.call(ME, "setCode", Args.of("id", 3, "code", null)).join();
        assertEquals(Set.of(1L, 2L, 3L), Set.copyOf((List<?>) query("byCode", "code", null)));
        assertIndexesAgree();
    }

    @Test
    void valueFreedByADeleteOrAnUpdateCanBeTakenAgain() {
        put(1, 1.0, "A");
        put(2, 2.0, "B");
        engine.call(ME, "delete", Args.of("id", 1)).join();
        put(3, 3.0, "A");
        engine.call(ME, "setCode", Args.of("id", 2, "code", "C")).join();
        put(4, 4.0, "B");
        assertEquals(List.of(3L), query("byCode", "code", "A"));
        assertEquals(List.of(4L), query("byCode", "code", "B"));
        assertIndexesAgree();
    }

    @Test
    void valueMovesBetweenRowsWithinOneTransaction() {
        put(1, 1.0, "A");
        put(2, 2.0, "B");
        engine.call(ME, "handOver", Args.of("from", 1, "to", 2, "replacement", "C")).join();
        assertEquals(List.of(2L), query("byCode", "code", "A"));
        assertEquals(List.of(1L), query("byCode", "code", "C"));
        assertEquals(List.of(), query("byCode", "code", "B"));
        engine.call(ME, "swapCodes", Args.EMPTY).join();
        assertEquals(List.of(1L), query("byCode", "code", "A"));
        assertEquals(List.of(2L), query("byCode", "code", "C"));
        assertIndexesAgree();
    }

    @Test
    void rangeReturnsRowsInKeyOrderBetweenInclusiveBounds() {
        double[] ranks = {3.0, 1.0, 2.5, 2.0, -1.0, 2.0, 10.0};
        for (int i = 0; i < ranks.length; i++) {
            put(i, ranks[i], null);
        }
        put(ranks.length, null, null);
        assertEquals(List.of(1L), range(1.0, 1.0));
        assertEquals(Set.of(1L, 3L, 5L, 2L), Set.copyOf(range(1.0, 2.5)));
        assertEquals(List.of(2L, 0L), range(2.5, 3.0));
        assertEquals(List.of(), range(3.5, 9.0));
        assertEquals(List.of(0L, 6L), range(3.0, null), "an open upper bound");
        assertEquals(List.of(4L, 1L), range(null, 1.5), "an open lower bound; a null rank lies in no range");
        assertEquals(7, range(null, null).size(), "every ranked row; the unranked one lies in no range");
        assertEquals(List.of(), range(2.5, 1.0), "bounds the wrong way round hold nothing");
        assertEquals(List.of(1L), range(1L, 1L), "integer bounds compare numerically with f64 keys");
        assertIndexesAgree();
    }

    @Test
    void rangeFollowsUpdatesAndDeletes() {
        put(1, 1.0, null);
        put(2, 2.0, null);
        put(3, 3.0, null);
        put(2, 5.0, null);
        engine.call(ME, "delete", Args.of("id", 1)).join();
        assertEquals(List.of(3L, 2L), range(0.0, 10.0));
        assertEquals(List.of(), range(1.5, 2.5));
        assertIndexesAgree();
    }

    @Test
    void hashIndexesRefuseRanges() {
        ReducerException e = failure(engine.call(ME, "range", Args.of("index", "by_grp", "from", 0, "to", 1)));
        assertEquals(ReducerException.FAILED, e.code());
        assertEquals("range failed: java.lang.IllegalArgumentException: index by_grp is a hash index: "
                + "ranges need an ordered one", e.getMessage());
    }

    @Test
    void hashIndexFindsEveryRowSharingAKey() {
        for (long id = 1; id <= 5; id++) {
            engine.call(ME, "put", Args.of("id", id, "grp", id % 2)).join();
        }
        assertEquals(Set.of(1L, 3L, 5L), Set.copyOf((List<?>) query("byGroup", "grp", 1L)));
        assertEquals(Set.of(2L, 4L), Set.copyOf((List<?>) query("byGroup", "grp", 0L)));
        engine.call(ME, "delete", Args.of("id", 2)).join();
        assertEquals(List.of(4L), query("byGroup", "grp", 0L));
        assertIndexesAgree();
    }
}
