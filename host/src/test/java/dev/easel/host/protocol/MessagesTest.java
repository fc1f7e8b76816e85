package dev.easel.host.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static Message.Snapshot snapshot(Object... row) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(row);
        return new Message.Snapshot(1, 0, 1, rows);
    }

    @Test
    void comparesArraysByContent() {
        assertTrue(Messages.equal(snapshot("a", new byte[] {1}, 2.0), snapshot("a", new byte[] {1}, 2.0)));
        assertFalse(Messages.equal(snapshot("a", new byte[] {1}), snapshot("a", new byte[] {2})));
        assertFalse(Messages.equal(snapshot(2.0), snapshot(2L)));
        assertFalse(Messages.equal(snapshot(0.0), snapshot(-0.0)));
        assertTrue(Messages.equal(snapshot(Double.NaN), snapshot(Double.NaN)));
        assertFalse(Messages.equal(snapshot("a"), snapshot("a", null)));
        assertFalse(Messages.equal(new Message.Ping(1), new Message.Pong(1)));
        assertTrue(Messages.equal(new Message.Call(1, "r", Map.of("k", List.of(new byte[] {3}))),
                new Message.Call(1, "r", Map.of("k", List.of(new byte[] {3})))));
        assertFalse(Messages.equal(new Message.Call(1, "r", Map.of("k", 1L)), new Message.Call(1, "r", Map.of("j", 1L))));
        Message.ColumnUpdate u = new Message.ColumnUpdate("k", new int[] {1}, new Object[] {1L});
        assertFalse(Messages.equal(u, new Message.ColumnUpdate("k", new int[] {2}, new Object[] {1L})));
    }

    @Test
    void printsArraysByContent() {
        assertEquals("Snapshot[queryId=1, tableId=0, offset=1, rows=[[\"a\", 0x01ff, 2.0, null]]]",
                Messages.toString(snapshot("a", new byte[] {1, -1}, 2.0, null)));
    }
}
