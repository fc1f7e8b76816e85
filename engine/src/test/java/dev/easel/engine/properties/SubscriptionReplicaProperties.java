package dev.easel.engine.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.Engine;
import dev.easel.engine.Fixtures;
import dev.easel.engine.properties.SchemaModel.ColumnModel;
import dev.easel.engine.properties.SchemaModel.TableModel;
import dev.easel.engine.replica.QueryChange;
import dev.easel.engine.replica.Replica;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.schema.Values;
import dev.easel.engine.subscription.RowUpdate;
import dev.easel.engine.subscription.Subscription;
import dev.easel.engine.subscription.SubscriptionListener;
import dev.easel.engine.subscription.TableDelta;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.CallResult;
import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.Reducer;
import dev.easel.engine.tx.ReducerException;
import dev.easel.engine.tx.TableHandle;
import dev.easel.engine.tx.TxInfo;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random schemas, random transactions (some failing part way) and random filtered subscriptions: after every
 * call, each subscriber's replica, built only from its snapshots and deltas, holds exactly what its queries
 * select from the tables; each delta is the whole transaction's net effect on that query, at the commit's
 * offset, with updates naming exactly the columns that changed; and every index agrees with its table.
 */
class SubscriptionReplicaProperties {
    private static final List<String> SUBSCRIBERS = List.of("me", "you", "a");

    // ---- scenarios ---------------------------------------------------------------------------------------

    enum OpKind { INSERT, INSERT_PARTIAL, INSERT_BLINDLY, UPSERT, SET, PATCH, REPLACE, DELETE, SET_AND_RESTORE }

    private static final Set<OpKind> UPDATES = EnumSet.of(OpKind.SET, OpKind.PATCH, OpKind.REPLACE, OpKind.SET_AND_RESTORE);

    /** How a transaction ends: committed, or thrown out after its writes. */
    enum Ending { COMMIT, THROW, REJECT }

    /** One write; the numbers pick a table, a key, a column and values, modulo what the schema has. */
    record Op(OpKind kind, int table, int key, int column, int value) {
    }

    record Query(int subscriber, int table, long filterSeed) {
    }

    sealed interface Step {
    }

    record Transaction(List<Op> ops, Ending ending) implements Step {
    }

    record Subscribe(Query query) implements Step {
    }

    /** A subscriber drops one of its queries (if it has that many) and subscribes to a new one. */
    record Resubscribe(int slot, Query query) implements Step {
    }

    record Scenario(SchemaModel schema, List<Step> steps) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<OpKind> kind = Arbitraries.frequency(Tuple.of(3, OpKind.INSERT), Tuple.of(1, OpKind.INSERT_PARTIAL),
                Tuple.of(1, OpKind.INSERT_BLINDLY), Tuple.of(2, OpKind.UPSERT), Tuple.of(3, OpKind.SET),
                Tuple.of(2, OpKind.PATCH), Tuple.of(1, OpKind.REPLACE), Tuple.of(2, OpKind.DELETE),
                Tuple.of(1, OpKind.SET_AND_RESTORE));
        Arbitrary<Op> op = Combinators.combine(kind, Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 40)).as(Op::new);
        Arbitrary<Ending> ending = Arbitraries.frequency(
                Tuple.of(4, Ending.COMMIT), Tuple.of(1, Ending.THROW), Tuple.of(1, Ending.REJECT));
        Arbitrary<Step> transaction = Combinators.combine(op.list().ofMinSize(1).ofMaxSize(6), ending)
                .as(Transaction::new);
        Arbitrary<Query> query = Combinators.combine(Arbitraries.integers().between(0, SUBSCRIBERS.size() - 1),
                Arbitraries.integers().between(0, 2), Arbitraries.longs()).as(Query::new);
        Arbitrary<Step> subscribe = query.map(Subscribe::new);
        Arbitrary<Step> resubscribe = Combinators.combine(Arbitraries.integers().between(0, 2), query)
                .as(Resubscribe::new);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(8, transaction), Tuple.of(3, subscribe), Tuple.of(1, resubscribe));
        return Combinators.combine(SchemaModel.arbitrary(), step.list().ofMinSize(5).ofMaxSize(30))
                .as(Scenario::new);
    }

    // ---- the property ----------------------------------------------------------------------------------

    @Property(tries = 200)
    void replicasFollowTheTables(@ForAll("scenarios") Scenario scenario) {
        SchemaModel model = scenario.schema();
        Schema schema = model.build();
        try (Engine engine = Engine.builder(schema)
                .reducer("apply", applying(model))
                .reducer("checkIndexes", Fixtures.indexChecker(schema))
                .open()) {
            Run run = new Run(model, schema, engine);
            for (Step step : scenario.steps()) {
                if (step instanceof Transaction t) {
                    run.transaction(t);
                } else if (step instanceof Subscribe s) {
                    run.subscribe(s.query());
                } else if (step instanceof Resubscribe r) {
                    run.resubscribe(r);
                }
                run.checkReplicas();
                assertEquals(List.of(), engine.call(Identity.SYSTEM, "checkIndexes",
                        Args.of("probe", SchemaModel.allValues())).join().value());
            }
        }
    }

    /** The reducer that carries out a transaction's writes, then ends it as it says. */
    private static Reducer applying(SchemaModel model) {
        return (ctx, a) -> {
            @SuppressWarnings("unchecked")
            List<Op> ops = (List<Op>) a.raw("ops");
            for (Op op : ops) {
                TableModel t = model.tables().get(op.table() % model.tables().size());
                write(ctx.table(t.name()), t, op);
            }
            switch ((Ending) a.raw("ending")) {
                case THROW -> throw new IllegalStateException("thrown after the writes");
                case REJECT -> throw ReducerException.badArgument("rejected after the writes");
                case COMMIT -> { }
            }
            return null;
        };
    }

    /** One write, through each of the table handle's ways in; one that cannot apply to the current rows is skipped. */
    private static void write(TableHandle table, TableModel t, Op op) {
        Object key = t.key(op.key());
        Row current = table.find(key);
        if (current == null && UPDATES.contains(op.kind())) {
            // Updates go to the next key that has a row, so that most of them find one.
            for (int k = 1; k < 6 && current == null; k++) {
                key = t.key(op.key() + k);
                current = table.find(key);
            }
        }
        int column = op.column() % t.columns().size();
        if (column == t.pk()) {
            column = (column + 1) % t.columns().size();
        }
        ColumnModel c = t.column(column);
        Object value = SchemaModel.value(c, op.value());
        switch (op.kind()) {
            case INSERT -> {
                if (current == null) {
                    table.insert(t.row(key, op.value()));
                }
            }
            case INSERT_PARTIAL -> {
                if (current == null) {
                    Map<String, Object> values = new HashMap<>();
                    for (int i = 0; i < t.columns().size(); i++) {
                        if (t.column(i).required()) {
                            values.put(t.column(i).name(), t.row(key, op.value())[i]);
                        }
                    }
                    values.put(c.name(), SchemaModel.loosely(value));
                    table.insert(values);
                }
            }
            case INSERT_BLINDLY -> table.insert(t.row(key, op.value()));
            case UPSERT -> table.upsert(Row.wrap(t.row(key, op.value())));
            case SET -> {
                if (current != null) {
                    table.set(key, column, SchemaModel.loosely(value));
                }
            }
            case PATCH -> {
                if (current != null) {
                    Map<String, Object> patch = new HashMap<>();
                    patch.put(c.name(), value);
                    int second = (column + 1) % t.columns().size();
                    if (second != t.pk()) {
                        patch.put(t.column(second).name(), SchemaModel.value(t.column(second), op.value() + 1));
                    }
                    table.update(key, patch);
                }
            }
            case REPLACE -> {
                if (current != null) {
                    table.update(Row.wrap(t.row(key, op.value())));
                }
            }
            case DELETE -> table.delete(key);
            case SET_AND_RESTORE -> {
                if (current != null) {
                    table.set(key, column, value);
                    table.set(key, column, current.get(column));
                }
            }
        }
    }

    // ---- one run: an engine, its subscribers, and what they have heard ----------------------------------

    /** One query of one subscriber. */
    private record Live(Subscription subscription, TableModel table, FilterModel filter, String sql) {
    }

    private record Heard(Subscription subscription, TxInfo tx, TableDelta delta) {
    }

    /** A subscriber: its replica, its live queries, and the deltas it heard during the current call. */
    private static final class Client implements SubscriptionListener {
        final Identity identity;
        final Replica replica;
        final List<Live> live = new ArrayList<>();
        final List<Heard> heard = new ArrayList<>();

        Client(String id, Schema schema) {
            this.identity = new Identity(id);
            this.replica = new Replica(schema);
        }

        @Override
        public void onSnapshot(Subscription s, long offset, List<Row> rows) {
            replica.applySnapshot(s.id(), s.table(), rows, offset);
        }

        @Override
        public void onDelta(Subscription s, TxInfo tx, TableDelta delta) {
            heard.add(new Heard(s, tx, delta));
        }
    }

    private static final class Run {
        final SchemaModel model;
        final Schema schema;
        final Engine engine;
        final List<Client> clients = new ArrayList<>();

        Run(SchemaModel model, Schema schema, Engine engine) {
            this.model = model;
            this.schema = schema;
            this.engine = engine;
            for (String id : SUBSCRIBERS) {
                clients.add(new Client(id, schema));
            }
        }

        void subscribe(Query q) {
            Client client = clients.get(q.subscriber());
            TableModel table = model.tables().get(q.table() % model.tables().size());
            FilterModel filter = FilterModel.random(table, q.filterSeed(), 2);
            String sql = FilterModel.query(table, filter, (q.filterSeed() & 1) == 0);
            Subscription s = engine.subscribe(client.identity, sql, Map.of(), client, Engine.SubscribeOptions.DEFAULT);
            client.live.add(new Live(s, table, filter, sql));
        }

        void resubscribe(Resubscribe r) {
            Client client = clients.get(r.query().subscriber());
            if (r.slot() < client.live.size()) {
                Live gone = client.live.remove(r.slot());
                engine.unsubscribe(gone.subscription());
                client.replica.dropQuery(gone.subscription().id());
            }
            subscribe(r.query());
        }

        void transaction(Transaction t) {
            long offset = engine.offset();
            Map<String, Set<Row>> tablesBefore = tables();
            Map<Live, Map<Object, Row>> before = new HashMap<>();
            clients.forEach(c -> c.live.forEach(l -> before.put(l, select(c, l))));

            CallResult result;
            try {
                result = engine.call(Identity.SYSTEM, "apply", Args.of("ops", t.ops(), "ending", t.ending())).join();
            } catch (CompletionException e) {
                ReducerException refused = assertInstanceOf(ReducerException.class, e.getCause());
                String expected = switch (t.ending()) {
                    case THROW -> ReducerException.FAILED;
                    case REJECT -> ReducerException.BAD_ARGUMENT;
                    case COMMIT -> ReducerException.CONSTRAINT;
                };
                assertTrue(refused.code().equals(expected) || refused.code().equals(ReducerException.CONSTRAINT),
                        refused::toString);
                assertUntouched(offset, tablesBefore);
                return;
            }
            assertEquals(Ending.COMMIT, t.ending());
            if (!result.changed()) {
                assertUntouched(offset, tablesBefore);
                return;
            }
            assertEquals(offset + 1, result.offset());
            assertEquals(offset + 1, engine.offset());
            for (Client c : clients) {
                deliver(c, before, result.offset());
            }
        }

        /** Checks what the client heard against the change in its queries' rows, then applies it as one transaction. */
        private void deliver(Client c, Map<Live, Map<Object, Row>> before, long offset) {
            Map<Subscription, Heard> bySubscription = new LinkedHashMap<>();
            for (Heard h : c.heard) {
                assertEquals(offset, h.tx().offset(), "a delta of another transaction");
                assertEquals("apply", h.tx().reducer());
                assertNull(bySubscription.put(h.subscription(), h), "two deltas for one query in one transaction");
            }
            for (Live l : c.live) {
                Heard h = bySubscription.get(l.subscription());
                checkDelta(l, before.get(l), select(c, l), h == null ? null : h.delta());
            }
            List<QueryChange> parts = c.heard.stream().map(h -> Fixtures.toQueryChange(h.subscription(), h.delta())).toList();
            if (!parts.isEmpty()) {
                c.replica.applyTransaction(c.heard.get(0).tx(), parts, null);
                assertEquals(offset, c.replica.offset());
            }
            c.heard.clear();
        }

        private void assertUntouched(long offset, Map<String, Set<Row>> tablesBefore) {
            assertEquals(offset, engine.offset());
            assertEquals(tablesBefore, tables());
            clients.forEach(c -> assertEquals(List.of(), c.heard, "a delta for a call that committed nothing"));
        }

        /** Each replica holds exactly the union of what its queries select, and each selection is right. */
        void checkReplicas() {
            for (Client c : clients) {
                for (TableModel t : model.tables()) {
                    Map<Object, Row> expected = new HashMap<>();
                    c.live.stream().filter(l -> l.table() == t).forEach(l -> expected.putAll(select(c, l)));
                    Map<Object, Row> actual = new HashMap<>();
                    c.replica.rows(t.name()).forEach(r -> actual.put(r.get(t.pk()), r));
                    assertEquals(expected, actual, () -> c.identity + "'s replica of " + t.name());
                }
            }
        }

        /** What a query selects, by primary key, checked against the filter model over every row. */
        private Map<Object, Row> select(Client c, Live l) {
            Map<Object, Row> out = new HashMap<>();
            for (Row r : engine.select(l.sql(), Map.of("sender", c.identity.id()))) {
                assertNull(out.put(r.get(l.table().pk()), r), "a row selected twice");
            }
            Set<Row> modelled = new HashSet<>();
            for (Row r : engine.rows(l.table().name())) {
                if (l.filter().test(r, c.identity.id())) {
                    modelled.add(r);
                }
            }
            assertEquals(modelled, new HashSet<>(out.values()), l::sql);
            return out;
        }

        private Map<String, Set<Row>> tables() {
            Map<String, Set<Row>> out = new HashMap<>();
            for (TableModel t : model.tables()) {
                out.put(t.name(), new HashSet<>(engine.rows(t.name())));
            }
            return out;
        }

        /** The delta a query heard is exactly the net change in its rows; none at all if they did not change. */
        private void checkDelta(Live l, Map<Object, Row> before, Map<Object, Row> after, TableDelta delta) {
            Set<Row> inserts = new HashSet<>();
            Set<Row> deletes = new HashSet<>();
            Map<Object, Row> updates = new HashMap<>();
            after.forEach((pk, row) -> {
                Row was = before.get(pk);
                if (was == null) {
                    inserts.add(row);
                } else if (!was.equals(row)) {
                    updates.put(pk, row);
                }
            });
            before.forEach((pk, row) -> {
                if (!after.containsKey(pk)) {
                    deletes.add(row);
                }
            });
            if (inserts.isEmpty() && deletes.isEmpty() && updates.isEmpty()) {
                assertNull(delta, () -> "a delta for " + l.sql() + " whose rows did not change: " + delta);
                return;
            }
            assertNotNull(delta, () -> "no delta for " + l.sql());
            TableSchema t = schema.table(l.table().name());
            assertEquals(inserts.size(), delta.inserts().size());
            assertEquals(inserts, new HashSet<>(delta.inserts()));
            assertEquals(deletes.size(), delta.deletes().size());
            assertEquals(deletes, new HashSet<>(delta.deletes()));
            assertEquals(updates.size(), delta.updates().size());
            for (RowUpdate u : delta.updates()) {
                Object pk = u.after().get(t.primaryKey());
                assertEquals(updates.get(pk), u.after());
                assertEquals(before.get(pk), u.before());
                int[] changed = u.changedColumns();
                assertNotEquals(0, changed.length, "an update that changes nothing");
                assertArrayEquals(differing(u.before(), u.after()), changed, () -> "changed columns of " + u.after());
            }
        }

        private static int[] differing(Row a, Row b) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                if (!Values.equal(a.get(i), b.get(i))) {
                    out.add(i);
                }
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
