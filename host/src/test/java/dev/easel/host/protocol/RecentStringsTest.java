package dev.easel.host.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RecentStringsTest {
    private final RecentStrings recent = new RecentStrings();

    @Test
    void aStringSeenAgainIsTheSameObject() {
        String first = of("9f86d081884c7d659a2feaa0c55ad015");
        assertSame(first, of("9f86d081884c7d659a2feaa0c55ad015"));
        assertEquals("9f86d081884c7d659a2feaa0c55ad015", first);
    }

    @Test
    void aLongStringIsNotKept() {
        String longer = "x".repeat(RecentStrings.MAX_LENGTH + 1);
        assertNotSame(of(longer), of(longer));
        assertEquals(longer, of(longer));
    }

    @Test
    void onlyTheRequestedCharactersCount() {
        char[] buffer = "..abc..".toCharArray();
        assertEquals("abc", recent.of(buffer, 2, 3));
        assertEquals("", recent.of(buffer, 0, 0));
    }

    /** Whatever came before (collisions replace slots), the string returned is the one asked for. */
    @Property
    void alwaysReturnsTheCharactersAskedFor(@ForAll @Size(max = 300) java.util.List<@Size(max = 70) String> strings) {
        RecentStrings fresh = new RecentStrings();
        for (String s : strings) {
            assertEquals(s, fresh.of(s.toCharArray(), 0, s.length()));
        }
    }

    private String of(String s) {
        char[] padded = ("#" + s + "#").toCharArray();
        return recent.of(padded, 1, s.length());
    }
}
