package dev.easel.app.panels;

import java.util.List;
import javafx.util.StringConverter;

/** The font weights the panel offers (100 to 900) and their usual names, e.g. "Regular 400", "Bold 700". */
final class FontWeightNames extends StringConverter<Long> {
    static final List<Long> WEIGHTS = List.of(100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L);
    private static final List<String> NAMES = List.of("Thin", "Extra Light", "Light", "Regular", "Medium",
            "Semi Bold", "Bold", "Extra Bold", "Black");

    /** "Bold 700" for a listed weight; just the number for any other weight a document may hold. */
    @Override
    public String toString(Long weight) {
        if (weight == null) {
            return "";
        }
        int i = WEIGHTS.indexOf(weight);
        return i < 0 ? Long.toString(weight) : NAMES.get(i) + " " + weight;
    }

    @Override
    public Long fromString(String s) {
        for (Long w : WEIGHTS) {
            if (toString(w).equalsIgnoreCase(s.trim())) {
                return w;
            }
        }
        return null;
    }
}
