package dev.easel.app.tool;

import javafx.scene.input.KeyCode;

/** The canvas tools, each with the key that picks it and, for drawing tools, the kind of node it makes. */
public enum Tool {
    SELECT("Select", KeyCode.V, null),
    FRAME("Frame", KeyCode.F, "frame"),
    RECTANGLE("Rectangle", KeyCode.R, "rect"),
    ELLIPSE("Ellipse", KeyCode.O, "ellipse"),
    LINE("Line", KeyCode.L, "line"),
    TEXT("Text", KeyCode.T, "text"),
    HAND("Hand", KeyCode.H, null);

    private final String label;
    private final KeyCode key;
    private final String kind;

    Tool(String label, KeyCode key, String kind) {
        this.label = label;
        this.key = key;
        this.kind = kind;
    }

    public String label() {
        return label;
    }

    public KeyCode key() {
        return key;
    }

    /** The node kind this tool draws, or null for select and hand. */
    public String kind() {
        return kind;
    }

    /** The tool a key picks, or null. */
    public static Tool forKey(KeyCode code) {
        for (Tool t : values()) {
            if (t.key == code) {
                return t;
            }
        }
        return null;
    }
}
