package dev.easel.host.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Random protocol messages for the property tests: every type, every kind of value, edge numbers. */
final class MessageArbitraries {
    private MessageArbitraries() {
    }

    static Arbitrary<String> text() {
        Arbitrary<String> plain = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(16);
        Arbitrary<String> unicode = Arbitraries.strings()
                .withCharRange('\u0000', '\u07ff')
                .withCharRange('\u4e00', '\u4e40')
                .ofMaxLength(12);
        Arbitrary<String> emoji = Arbitraries.of("\uD83D\uDE00", "a\uD83C\uDF89b", "\uD83D\uDC4D\uD83C\uDFFD", "");
        Arbitrary<String> dollar = plain.map(s -> "$" + s);
        return Arbitraries.frequencyOf(Tuple.of(6, plain), Tuple.of(2, unicode), Tuple.of(1, emoji),
                Tuple.of(1, dollar));
    }

    static Arbitrary<Double> doubles() {
        Arbitrary<Double> special = Arbitraries.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 65504.0, 65520.0,
                5.960464477539063E-8, 6.103515625E-5, 6.097555160522461E-5, 1.0E-300, 120.5, 300.0, 0.1,
                (double) Float.MAX_VALUE, (double) Float.MIN_VALUE, 1.0 / 3);
        Arbitrary<Double> halves = Arbitraries.integers().between(-4096, 4096).map(i -> i / 2.0);
        Arbitrary<Double> floats = Arbitraries.floats().map(f -> (double) f);
        Arbitrary<Double> any = Arbitraries.longs().map(Double::longBitsToDouble);
        return Arbitraries.frequencyOf(Tuple.of(2, special), Tuple.of(2, halves), Tuple.of(2, floats),
                Tuple.of(2, Arbitraries.doubles()), Tuple.of(1, any));
    }

    static Arbitrary<Long> longs() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-30, 30),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, -1L, 0L, 23L, 24L, 255L, 256L, 65535L, 65536L,
                        4294967295L, 4294967296L, -24L, -25L, -4294967296L, -4294967297L));
    }

    static Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(24);
    }

    /** A row value or primary key. */
    static Arbitrary<Object> scalar() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(null)),
                Tuple.of(1, Arbitraries.of(true, false)),
                Tuple.of(3, longs()),
                Tuple.of(3, doubles()),
                Tuple.of(3, text()),
                Tuple.of(1, bytes()));
    }

    /** A call argument or result: scalars, lists and maps, nested a few levels. */
    static Arbitrary<Object> value(int depth) {
        if (depth <= 0) {
            return scalar();
        }
        Arbitrary<Object> list = value(depth - 1).list().ofMaxSize(4).map(l -> (Object) l);
        Arbitrary<Object> map = args(depth - 1).map(m -> (Object) m);
        return Arbitraries.frequencyOf(Tuple.of(4, scalar()), Tuple.of(1, list), Tuple.of(1, map));
    }

    static Arbitrary<Map<String, Object>> args(int depth) {
        return Arbitraries.maps(text(), value(depth)).ofMaxSize(4).map(LinkedHashMap::new);
    }

    static Arbitrary<Object[]> row() {
        return scalar().list().ofMaxSize(6).map(List::toArray);
    }

    static Arbitrary<List<Object[]>> rows() {
        return row().list().ofMaxSize(5);
    }

    static Arbitrary<Message.ColumnUpdate> columnUpdate() {
        return Arbitraries.integers().between(0, 5).flatMap(n -> Combinators.combine(
                scalar(),
                Arbitraries.integers().between(0, 300).array(int[].class).ofSize(n),
                scalar().array(Object[].class).ofSize(n)).as(Message.ColumnUpdate::new));
    }

    static Arbitrary<Message.QueryUpdate> queryUpdate() {
        return Combinators.combine(longs(), Arbitraries.integers().between(0, Integer.MAX_VALUE), rows(),
                columnUpdate().list().ofMaxSize(3), scalar().list().ofMaxSize(3)).as(Message.QueryUpdate::new);
    }

    static Arbitrary<Message.SchemaInfo> schema() {
        Arbitrary<Message.ColumnInfo> column = Combinators.combine(text(),
                Arbitraries.of("bool", "i64", "f64", "string", "bytes"), Arbitraries.of(true, false))
                .as(Message.ColumnInfo::new);
        Arbitrary<Message.TableInfo> table = Combinators.combine(Arbitraries.integers().between(0, 50), text(),
                Arbitraries.of(true, false), Arbitraries.integers().between(0, 20), column.list().ofMaxSize(4))
                .as(Message.TableInfo::new);
        return Combinators.combine(Arbitraries.integers(), table.list().ofMaxSize(3)).as(Message.SchemaInfo::new);
    }

    /** Callers and reducers come from small pools so the intern tables are exercised, with some one-offs. */
    static Arbitrary<String> caller() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of("3f9a1c22e0b4d7a8", "8c01d2e3f4a5b6c7", "host")),
                Tuple.of(2, text()),
                Tuple.of(1, Arbitraries.just(null)));
    }

    static Arbitrary<String> reducer() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of("move_nodes", "set_cursor", "update_node", "create_node")),
                Tuple.of(2, text()),
                Tuple.of(1, Arbitraries.just(null)));
    }

    static Arbitrary<Message> message() {
        return Arbitraries.frequencyOf(Tuple.of(12, single()), Tuple.of(1, batch()));
    }

    static Arbitrary<Message> batch() {
        return single().list().ofMaxSize(5).map(Message.Batch::new);
    }

    static Arbitrary<Message> single() {
        Arbitrary<Long> tsNear = Arbitraries.longs().between(1_700_000_000_000_000L, 1_800_000_000_000_000L);
        Arbitrary<Message> challenge = Combinators.combine(bytes(), text()).as(Message.Challenge::new);
        Arbitrary<Message> welcome = Combinators.combine(text(), Arbitraries.of("editor", "viewer"), text(), schema(),
                longs(), Arbitraries.oneOf(tsNear, longs()), Arbitraries.of(true, false)).as(Message.Welcome::new);
        Arbitrary<Message> snapshot = Combinators.combine(longs(), Arbitraries.integers().between(0, 1000), longs(),
                rows()).as(Message.Snapshot::new);
        Arbitrary<Message> tx = Combinators.combine(Arbitraries.oneOf(longs(), Arbitraries.longs().between(0, 1000)),
                Arbitraries.oneOf(tsNear, longs()), caller(), reducer(), longs(), queryUpdate().list().ofMaxSize(3))
                .as(Message.Tx::new);
        Arbitrary<Message> result = Combinators.combine(longs(), Arbitraries.of(true, false), value(3),
                text().injectNull(0.3), text().injectNull(0.3), longs()).as(Message.Result::new);
        Arbitrary<Message> error = Combinators.combine(Arbitraries.of(ErrorCodes.MALFORMED, ErrorCodes.FORBIDDEN),
                text(), longs()).as(Message.Error::new);
        Arbitrary<Message> pong = longs().map(Message.Pong::new);
        Arbitrary<Message> hello = Combinators.combine(Arbitraries.integers(), bytes(), bytes(),
                text().injectNull(0.2), longs(), Arbitraries.maps(longs(), text()).ofMaxSize(3).map(LinkedHashMap::new))
                .as((v, k, s, n, o, q) -> new Message.Hello(v, k, s, n, o, q));
        Arbitrary<Message> subscribe = Combinators.combine(longs(), text()).as(Message.Subscribe::new);
        Arbitrary<Message> unsubscribe = longs().map(Message.Unsubscribe::new);
        Arbitrary<Message> call = Combinators.combine(longs(),
                Arbitraries.oneOf(Arbitraries.of("move_nodes", "set_cursor"), text()), args(3)).as(Message.Call::new);
        Arbitrary<Message> ping = longs().map(Message.Ping::new);
        return Arbitraries.frequencyOf(
                Tuple.of(1, challenge), Tuple.of(1, welcome), Tuple.of(2, snapshot), Tuple.of(5, tx),
                Tuple.of(2, result), Tuple.of(1, error), Tuple.of(1, pong), Tuple.of(1, hello),
                Tuple.of(1, subscribe), Tuple.of(1, unsubscribe), Tuple.of(3, call), Tuple.of(1, ping));
    }
}
