package dev.easel.host.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ColorsTest {
    @Test
    void everyAcceptedFormBecomesOneCanonicalForm() {
        assertEquals("#ff0000", Colors.canonical("#F00"));
        assertEquals("#ff000088", Colors.canonical("#f008"));
        assertEquals("#12ab34", Colors.canonical(" #12AB34 "));
        assertEquals("#12ab34", Colors.canonical("#12ab34ff"), "opaque alpha is dropped");
        assertEquals("#12ab3400", Colors.canonical("#12ab3400"));
        assertEquals("none", Colors.canonical("None"));
    }

    @Test
    void refusesWhatIsNotAColour() {
        for (String bad : new String[] {"red", "#", "#12", "#12345", "#1234567", "#gggggg", "rgb(0,0,0)", ""}) {
            assertThrows(IllegalArgumentException.class, () -> Colors.canonical(bad), bad);
        }
    }

    @Test
    void rgbaPacksChannels() {
        assertEquals(0xFF0000FFL, Colors.rgba("#ff0000"));
        assertEquals(0x00FF0080L, Colors.rgba("#00ff0080"));
        assertEquals(0L, Colors.rgba("none"));
    }
}
