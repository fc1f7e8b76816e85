package dev.easel.host.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.tx.Identity;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeIdsTest {
    @Test
    void idsAreValidDistinctAndCarryTheirMaker() {
        NodeIds ids = new NodeIds(new Identity("3FA9C2D1e4b5a6978899aabbccddeeff"), 1_700_000_000_000L);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = ids.next();
            assertTrue(NodeIds.isValid(id), id);
            assertTrue(seen.add(id), id);
        }
        assertTrue(ids.next().startsWith("3fa9c2d1:"));
    }

    @Test
    void aRestartedGeneratorDoesNotRepeatItself() {
        Identity me = new Identity("abcdef0123456789");
        String before = new NodeIds(me, 1_000L).next();
        String after = new NodeIds(me, 2_000L).next();
        assertNotEquals(before, after);
    }

    @Test
    void validIdsAreShortAndHaveNoCommas() {
        assertTrue(NodeIds.isValid("page-1"));
        assertTrue(NodeIds.isValid("a:b.c~d_e"));
        assertFalse(NodeIds.isValid("a,b"));
        assertFalse(NodeIds.isValid(""));
        assertFalse(NodeIds.isValid("x y"));
        assertFalse(NodeIds.isValid("x".repeat(NodeIds.MAX_LENGTH + 1)));
        assertEquals(NodeIds.MAX_LENGTH, "x".repeat(NodeIds.MAX_LENGTH).length());
    }
}
