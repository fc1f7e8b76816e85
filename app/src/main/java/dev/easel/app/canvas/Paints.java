package dev.easel.app.canvas;

import java.util.concurrent.ConcurrentHashMap;
import javafx.scene.paint.Color;

/** Document colours ({@code #rrggbb}, {@code #rrggbbaa}, {@code none}) as JavaFX colours, cached. */
public final class Paints {
    private static final ConcurrentHashMap<String, Color> CACHE = new ConcurrentHashMap<>();
    private static final Color NONE = Color.TRANSPARENT;

    private Paints() {
    }

    /** The colour, or null for {@code none}, a transparent colour or anything unreadable. */
    public static Color color(String s) {
        if (s == null || s.isEmpty() || "none".equals(s)) {
            return null;
        }
        Color c = CACHE.computeIfAbsent(s, Paints::parse);
        return c == NONE ? null : c;
    }

    /** The document form of a colour: {@code #rrggbb}, or {@code #rrggbbaa} when not opaque. */
    public static String format(Color c) {
        if (c == null || c.getOpacity() == 0) {
            return "none";
        }
        int r = (int) Math.round(c.getRed() * 255);
        int g = (int) Math.round(c.getGreen() * 255);
        int b = (int) Math.round(c.getBlue() * 255);
        int a = (int) Math.round(c.getOpacity() * 255);
        return a == 255 ? String.format("#%02x%02x%02x", r, g, b) : String.format("#%02x%02x%02x%02x", r, g, b, a);
    }

    private static Color parse(String s) {
        try {
            Color c = Color.web(s);
            return c.getOpacity() == 0 ? NONE : c;
        } catch (IllegalArgumentException e) {
            return NONE;
        }
    }
}
