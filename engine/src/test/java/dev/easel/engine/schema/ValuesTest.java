package dev.easel.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How column values compare and what a column accepts. */
class ValuesTest {
    private static final long TWO_TO_53 = 1L << 53;

    @Test
    void numbersOfDifferentKindsCompareByValue() {
        assertEquals(0, Values.compare(2L, 2.0));
        assertTrue(Values.compare(3L, 2.5) > 0);
        assertTrue(Values.compare(-1.5, -1L) < 0);
        assertEquals(0, Values.compare(TWO_TO_53, 0x1p53));
        // 2^53 + 1 has no double of its own; as a double it would pass for 2^53.
        assertTrue(Values.compare(TWO_TO_53 + 1, 0x1p53) > 0);
        assertTrue(Values.compare(0x1p53, TWO_TO_53 + 1) < 0);
        assertTrue(Values.compare(Long.MAX_VALUE, 0x1p63) < 0);
        assertEquals(0, Values.compare(Long.MIN_VALUE, -0x1p63));
    }

    @Test
    void nullSortsFirstAndBytesCompareUnsigned() {
        assertTrue(Values.compare(null, -1L) < 0);
        assertTrue(Values.compare("", null) > 0);
        assertTrue(Values.compare(new byte[] {(byte) 0xFF}, new byte[] {1}) > 0);
        assertTrue(Values.equal(new byte[] {1, 2}, new byte[] {1, 2}));
        assertEquals(Values.hash(new byte[] {1, 2}), Values.hash(new byte[] {1, 2}));
        assertFalse(Values.equal(new byte[] {1}, null));
    }

    @Test
    void coercionWidensAndNarrowsOnlyWithoutLoss() {
        assertEquals(5L, Values.coerce(5, ColumnType.I64));
        assertEquals(5L, Values.coerce(5.0, ColumnType.I64));
        assertEquals(5.0, Values.coerce(5L, ColumnType.F64));
        assertEquals(2.5, Values.coerce(2.5f, ColumnType.F64));
        assertEquals("expected i64, got number 5.5",
                assertThrows(IllegalArgumentException.class, () -> Values.coerce(5.5, ColumnType.I64)).getMessage());
        assertEquals("expected a finite number, got Infinity", assertThrows(IllegalArgumentException.class,
                () -> Values.coerce(Double.POSITIVE_INFINITY, ColumnType.F64)).getMessage());
        assertEquals("expected bool, got string 'true'",
                assertThrows(IllegalArgumentException.class, () -> Values.coerce("true", ColumnType.BOOL)).getMessage());
    }

    @Test
    void textMustHaveAUtf8Form() {
        assertEquals("\uD83D\uDE00", Values.coerce("\uD83D\uDE00", ColumnType.STRING));
        assertEquals("expected text, got a string with a lone surrogate at index 1", assertThrows(
                IllegalArgumentException.class, () -> Values.coerce("a\uD83D", ColumnType.STRING)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Values.coerce("\uDE00\uD83D", ColumnType.STRING));
    }
}
