package dev.easel.host.canvas;

import dev.easel.engine.tx.ReducerException;
import java.util.Locale;
import java.util.Map;

/** What a node is, whether it may hold children, and the look it starts with. */
enum NodeKind {
    FRAME(true, Map.of("fill", "#ffffff", "name", "Frame")),
    RECT(false, Map.of("fill", "#d9d9d9", "name", "Rectangle")),
    ELLIPSE(false, Map.of("fill", "#d9d9d9", "name", "Ellipse")),
    LINE(false, Map.of("stroke", "#000000", "stroke_width", 1.0, "name", "Line")),
    TEXT(false, Map.of("fill", "#000000", "name", "Text")),
    IMAGE(false, Map.of("name", "Image")),
    GROUP(true, Map.of("name", "Group"));

    private final boolean container;
    private final Map<String, Object> defaults;

    NodeKind(boolean container, Map<String, Object> defaults) {
        this.container = container;
        this.defaults = defaults;
    }

    /** Frames and groups hold children; shapes, text and images do not. */
    boolean container() {
        return container;
    }

    /** Column values a new node of this kind takes unless the call gives them. */
    Map<String, Object> defaults() {
        return defaults;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static NodeKind of(String label) {
        for (NodeKind k : values()) {
            if (k.label().equals(label)) {
                return k;
            }
        }
        throw ReducerException.badArgument("unknown node kind '" + label + "'; expected one of "
                + java.util.Arrays.stream(values()).map(NodeKind::label).toList());
    }
}
