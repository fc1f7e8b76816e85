package dev.easel.host.identity;

/**
 * Display names as participants choose them, made fit to show, and the short form of an identity shown beside
 * them. A name is not checked by anyone (until a team
 * server vouches for it), so it must not be able to pass for something else: control and invisible formatting
 * characters (line breaks, text-direction overrides, zero-width joiners) go, runs of spaces become one, and a
 * long name is cut.
 */
public final class DisplayNames {
    /** The longest name kept, in characters; longer ones end in an ellipsis. */
    public static final int MAX_LENGTH = 40;

    private DisplayNames() {
    }

    /** {@code name} tidied as above; "" for none. */
    public static String tidy(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length(); i += Character.charCount(name.codePointAt(i))) {
            int c = name.codePointAt(i);
            int type = Character.getType(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (!b.isEmpty() && b.charAt(b.length() - 1) != ' ') {
                    b.append(' ');
                }
            } else if (type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                    && type != Character.PRIVATE_USE && type != Character.SURROGATE) {
                b.appendCodePoint(c);
            }
        }
        String s = b.toString().trim();
        if (s.codePointCount(0, s.length()) > MAX_LENGTH) {
            s = s.substring(0, s.offsetByCodePoints(0, MAX_LENGTH - 1)).trim() + "\u2026";
        }
        return s;
    }

    /**
     * The start of an identity (a key fingerprint in hex) as people read it out to tell two members apart: its
     * first 8 characters in two groups of 4, "3f9a c27e".
     */
    public static String shortId(String identity) {
        if (identity == null) {
            return "?";
        }
        String s = identity.substring(0, Math.min(8, identity.length()));
        return s.length() > 4 ? s.substring(0, 4) + " " + s.substring(4) : s;
    }
}
