package dev.easel.host.canvas;

import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.ReducerException;
import java.util.Locale;

/**
 * Colours as the document stores them: {@code #rrggbb} (opaque) or {@code #rrggbbaa}, lower case, or
 * {@code none} for no paint. Input may also be {@code #rgb} or {@code #rgba}.
 */
public final class Colors {
    public static final String NONE = "none";

    private Colors() {
    }

    /** The canonical form of a colour, or an {@link IllegalArgumentException} saying what is wrong. */
    public static String canonical(String s) {
        if (s == null) {
            throw new IllegalArgumentException("a colour is required");
        }
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.equals(NONE)) {
            return NONE;
        }
        if (!t.startsWith("#")) {
            throw new IllegalArgumentException("'" + s + "' is not a colour: use #rgb, #rrggbb, #rrggbbaa or none");
        }
        String hex = t.substring(1);
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw new IllegalArgumentException("'" + s + "' is not a colour: '" + hex.charAt(i)
                        + "' is not a hex digit");
            }
        }
        String full = switch (hex.length()) {
            case 3, 4 -> doubled(hex);
            case 6, 8 -> hex;
            default -> throw new IllegalArgumentException("'" + s + "' is not a colour: expected 3, 4, 6 or 8 hex "
                    + "digits after #, got " + hex.length());
        };
        if (full.length() == 8 && full.endsWith("ff")) {
            full = full.substring(0, 6);
        }
        return "#" + full;
    }

    private static String doubled(String shortHex) {
        StringBuilder b = new StringBuilder(shortHex.length() * 2);
        for (int i = 0; i < shortHex.length(); i++) {
            b.append(shortHex.charAt(i)).append(shortHex.charAt(i));
        }
        return b.toString();
    }

    /** A canonical colour as 0xRRGGBBAA, for renderers; {@code none} is fully transparent. */
    public static long rgba(String canonical) {
        if (NONE.equals(canonical)) {
            return 0;
        }
        String hex = canonical.substring(1);
        long v = Long.parseLong(hex, 16);
        return hex.length() == 6 ? (v << 8) | 0xFF : v;
    }

    /** Reads a colour argument, refusing anything that does not parse with {@code bad_argument}. */
    static String read(Args a, String name) {
        try {
            return canonical(a.string(name));
        } catch (IllegalArgumentException e) {
            throw ReducerException.badArgument("argument '" + name + "': " + e.getMessage());
        }
    }
}
