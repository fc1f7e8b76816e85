package dev.easel.host.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.table.Row;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeSetTest {
    private static Row node(String id, double x, String fill, String lockedBy) {
        Map<String, Object> v = new HashMap<>();
        v.put("id", id);
        v.put("page", "p");
        v.put("kind", "rect");
        v.put("z", "a0");
        v.put("x", x);
        v.put("fill", fill);
        v.put("locked_by", lockedBy);
        Object[] row = new Object[Nodes.TABLE.columnCount()];
        for (var c : Nodes.TABLE.columns()) {
            row[c.position()] = v.containsKey(c.name()) ? v.get(c.name()) : c.defaultValue();
        }
        return Row.wrap(row);
    }

    @Test
    void updatesKeepTheFirstBeforeAndTheLastAfterOfEachField() {
        ChangeSet s = new ChangeSet();
        s.record(Nodes.TABLE, node("n", 0, "#000000", null), node("n", 1, "#000000", null));
        s.record(Nodes.TABLE, node("n", 1, "#000000", null), node("n", 2, "#ffffff", null));
        ChangeSet.RowEdit e = s.edits().iterator().next();
        assertEquals(Map.of("x", 0.0, "fill", "#000000"), e.before);
        assertEquals(Map.of("x", 2.0, "fill", "#ffffff"), e.after);
    }

    @Test
    void aChangeUndoneWithinTheStepLeavesNothing() {
        ChangeSet s = new ChangeSet();
        s.record(Nodes.TABLE, node("n", 0, "#000000", null), node("n", 5, "#000000", null));
        s.record(Nodes.TABLE, node("n", 5, "#000000", null), node("n", 0, "#000000", null));
        assertTrue(s.isEmpty());
        s.record(Nodes.TABLE, null, node("m", 0, "#000000", null));
        s.record(Nodes.TABLE, node("m", 0, "#000000", null), node("m", 3, "#000000", null));
        s.record(Nodes.TABLE, node("m", 3, "#000000", null), null);
        assertTrue(s.isEmpty(), "made and deleted in one step");
    }

    @Test
    void locksAreNotHistory() {
        ChangeSet s = new ChangeSet();
        s.record(Nodes.TABLE, node("n", 0, "#000000", null), node("n", 0, "#000000", "someone"));
        assertTrue(s.isEmpty());
    }

    @Test
    void aDeleteAfterAnUpdateRemembersTheOriginalRow() {
        ChangeSet s = new ChangeSet();
        s.record(Nodes.TABLE, node("n", 0, "#000000", null), node("n", 4, "#000000", null));
        s.record(Nodes.TABLE, node("n", 4, "#000000", null), null);
        ChangeSet.RowEdit e = s.edits().iterator().next();
        assertTrue(e.isDelete());
        assertEquals(0.0, e.before.get("x"));
        assertFalse(e.before.containsKey("locked_by"));
    }

    @Test
    void theCodecRoundTrips() {
        ChangeSet s = new ChangeSet();
        s.record(Nodes.TABLE, null, node("new", 1.5, "#abcdef", null));
        s.record(Nodes.TABLE, node("moved", -2, "none", null), node("moved", 1e9, "none", null));
        s.record(Nodes.TABLE, node("gone", 0, "#000000", null), null);
        s.record(Pages.TABLE, null, Row.of("p2", "Ünïcödé ✓", "a1"));
        byte[] bytes = ChangeCodec.encode(s);
        assertEquals(s, ChangeCodec.decode(bytes));
        assertEquals(new ChangeSet(), ChangeCodec.decode(ChangeCodec.EMPTY));
    }

    @Test
    void aDragStepStaysSmall() {
        ChangeSet s = new ChangeSet();
        s.record(Nodes.TABLE, node("abcdef12:lx2k9q:1f", 0, "#000000", null), node("abcdef12:lx2k9q:1f", 300, "#000000", null));
        assertTrue(ChangeCodec.encode(s).length < 64, "one moved field costs a few dozen bytes");
    }
}
