package dev.easel.host.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class FractionalIndexTest {
    @Test
    void keysSortBetweenTheirNeighbours() {
        String first = FractionalIndex.between(null, null);
        String next = FractionalIndex.between(first, null);
        String before = FractionalIndex.between(null, first);
        String middle = FractionalIndex.between(first, next);
        assertEquals("a0", first);
        assertTrue(before.compareTo(first) < 0);
        assertTrue(first.compareTo(middle) < 0 && middle.compareTo(next) < 0);
    }

    @Test
    void appendingAndPrependingGrowKeysSlowly() {
        String top = null;
        String bottom = null;
        for (int i = 0; i < 10_000; i++) {
            top = FractionalIndex.between(top, null);
            bottom = FractionalIndex.between(null, bottom);
        }
        assertTrue(top.length() <= 4, top);
        assertTrue(bottom.length() <= 4, bottom);
    }

    @Test
    void manyKeysBetweenTwo() {
        List<String> keys = FractionalIndex.between("a0", "a1", 50);
        for (int i = 1; i < keys.size(); i++) {
            assertTrue(keys.get(i - 1).compareTo(keys.get(i)) < 0);
        }
        assertTrue(keys.get(49).compareTo("a1") < 0);
    }

    @Test
    void refusesMalformedOrMisorderedBounds() {
        assertThrows(IllegalArgumentException.class, () -> FractionalIndex.between("a1", "a0"));
        assertThrows(IllegalArgumentException.class, () -> FractionalIndex.between("a0", "a0"));
        assertThrows(IllegalArgumentException.class, () -> FractionalIndex.between("a10", null));
        assertThrows(IllegalArgumentException.class, () -> FractionalIndex.between("b", null));
        assertFalse(FractionalIndex.isValid("a-"));
        assertTrue(FractionalIndex.isValid("a0V"));
    }

    /** Inserting at random places keeps every key distinct and in the order of insertion positions. */
    @Property(tries = 200)
    void randomInsertionsKeepOrder(@ForAll @Size(max = 300) List<@IntRange(min = 0, max = 1_000) Integer> places) {
        List<String> keys = new ArrayList<>();
        for (int p : places) {
            int at = keys.isEmpty() ? 0 : p % (keys.size() + 1);
            String lower = at == 0 ? null : keys.get(at - 1);
            String upper = at == keys.size() ? null : keys.get(at);
            String k = FractionalIndex.between(lower, upper);
            assertTrue(FractionalIndex.isValid(k), k);
            keys.add(at, k);
        }
        for (int i = 1; i < keys.size(); i++) {
            assertTrue(keys.get(i - 1).compareTo(keys.get(i)) < 0, keys.get(i - 1) + " < " + keys.get(i));
        }
    }
}
