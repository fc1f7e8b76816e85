package dev.easel.host.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A chosen name cannot break a label, hide characters or pass for something else. */
class DisplayNamesTest {
    @Test
    void invisibleAndControlCharactersGoAndSpacesCollapse() {
        assertEquals("Ada", DisplayNames.tidy("  A\u200bd\u202ea \n"));
        assertEquals("Ada Lovelace", DisplayNames.tidy("Ada\n\t Lovelace"));
        assertEquals("Zoë 🎨", DisplayNames.tidy("Zoë\u00a0\u00a0🎨"));
        assertEquals("", DisplayNames.tidy(null));
        assertEquals("", DisplayNames.tidy(" \u200b\r\n"));
    }

    @Test
    void aLongNameIsCutWithAnEllipsis() {
        String shown = DisplayNames.tidy("x".repeat(DisplayNames.MAX_LENGTH + 10));
        assertEquals("x".repeat(DisplayNames.MAX_LENGTH - 1) + "\u2026", shown);
        assertEquals("x".repeat(DisplayNames.MAX_LENGTH),
                DisplayNames.tidy("x".repeat(DisplayNames.MAX_LENGTH) + "   "));
        // Characters outside the basic plane count once and are never cut in half.
        String emoji = DisplayNames.tidy("🎨".repeat(DisplayNames.MAX_LENGTH + 1));
        assertEquals(DisplayNames.MAX_LENGTH, emoji.codePointCount(0, emoji.length()));
    }
}
