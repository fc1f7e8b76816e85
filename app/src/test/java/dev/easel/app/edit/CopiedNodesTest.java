package dev.easel.app.edit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CopiedNodesTest {
    @Test
    void roundTripsThroughJson() {
        Map<String, Object> frame = new LinkedHashMap<>(Map.of("name", "Card", "x", 10.0, "y", 20.0, "w", 100.0,
                "h", 50.0, "fill", "#ffffff", "visible", true));
        Map<String, Object> text = new LinkedHashMap<>(Map.of("x", 1.0, "y", 2.0, "w", 30.0, "h", 10.0,
                "text", "Hi\n\"there\"", "font_weight", 700L, "font_size", 12.0));
        CopiedNodes c = new CopiedNodes("copy-1", List.of(
                new CopiedNodes.Entry("f", "outer", true, "frame", 110, 220, frame),
                new CopiedNodes.Entry("t", "f", false, "text", 111, 222, text)),
                Map.of("ab", new byte[] {1, 2, 3}));
        CopiedNodes back = CopiedNodes.fromJson(c.toJson());
        assertEquals("copy-1", back.copyId());
        assertEquals(List.of("f"), back.roots());
        assertEquals(c.nodes(), back.nodes());
        assertEquals(700L, back.nodes().get(1).fields().get("font_weight"));
        assertArrayEquals(new byte[] {1, 2, 3}, back.assets().get("ab"));
        assertEquals("Hi\n\"there\"", back.plainText());
        assertEquals(110, back.pageBounds().getMinX(), 0);
        assertEquals(100, back.pageBounds().getWidth(), 0);
    }

    @Test
    void ignoresWhatItDoesNotKnowAndRefusesWhatDoesNotHoldTogether() {
        CopiedNodes c = CopiedNodes.fromJson("{\"easel\":1,\"copy\":\"x\",\"nodes\":[{\"id\":\"a\",\"root\":true,"
                + "\"kind\":\"rect\",\"fields\":{\"x\":\"oops\",\"w\":5,\"locked_by\":\"me\",\"evil\":1}}]}");
        assertEquals(Map.of("w", 5.0), c.nodes().get(0).fields());
        assertNull(CopiedNodes.fromJson("not json"));
        assertNull(CopiedNodes.fromJson("{\"easel\":2,\"nodes\":[]}"));
        assertNull(CopiedNodes.fromJson("{\"easel\":1,\"nodes\":[{\"id\":\"a\",\"kind\":\"rocket\",\"root\":true}]}"));
        // A child whose parent is not before it in the copy.
        assertNull(CopiedNodes.fromJson("{\"easel\":1,\"nodes\":[{\"id\":\"a\",\"kind\":\"rect\",\"parent\":\"z\"}]}"));
    }
}
