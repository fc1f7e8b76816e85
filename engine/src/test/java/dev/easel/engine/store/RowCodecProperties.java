package dev.easel.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.easel.engine.table.Row;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every value a column can hold comes back from the stored form as it went in, in the one value format. */
class RowCodecProperties {
    @Property(tries = 500)
    void rowsSurviveEncoding(@ForAll("rows") List<Object> values) {
        Object[] decoded = RowCodec.decode(RowCodec.encode(values.toArray()));
        assertEquals(Row.of(values.toArray()), Row.wrap(decoded));
    }

    /** The general writer (the host's undo steps use it) writes values exactly as a stored row holds them. */
    @Property(tries = 200)
    void theValueWriterWritesWhatStoredRowsHold(@ForAll("rows") List<Object> values) {
        ValueFormat.Writer out = new ValueFormat.Writer();
        out.varint(values.size());
        values.forEach(out::value);
        assertArrayEquals(RowCodec.encode(values.toArray()), out.toByteArray());
    }

    @Example
    void anUnknownTagIsReportedAsDamage() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RowCodec.decode(new byte[] {1, 9}));
        assertEquals("a stored row is damaged: unknown value tag 9", e.getMessage());
    }

    @Provide
    Arbitrary<List<Object>> rows() {
        Arbitrary<Object> value = Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.of(true, false),
                Arbitraries.longs(),
                Arbitraries.doubles().withSpecialValue(-0.0).withSpecialValue(Double.MIN_VALUE)
                        .withSpecialValue(Double.MAX_VALUE),
                Arbitraries.strings().ofMaxLength(40),
                text(),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40));
        return value.list().ofMaxSize(12);
    }

    /** Text of any code points, supplementary ones (surrogate pairs in Java) included. */
    private static Arbitrary<String> text() {
        return Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .filter(cp -> !Character.isSurrogate((char) (int) cp) || cp > 0xFFFF)
                .list().ofMaxSize(8)
                .map(cps -> cps.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString());
    }
}
