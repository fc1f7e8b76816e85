package dev.easel.app.tool;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;

/**
 * The canvas tools, each with the key that picks it and, for drawing tools, the kind of node it makes. The
 * image tool is an action rather than a mode: picking it asks for image files and places them.
 */
public enum Tool {
    SELECT("Select", KeyCode.V, null),
    FRAME("Frame", KeyCode.F, "frame"),
    RECTANGLE("Rectangle", KeyCode.R, "rect"),
    ELLIPSE("Ellipse", KeyCode.O, "ellipse"),
    LINE("Line", KeyCode.L, "line"),
    TEXT("Text", KeyCode.T, "text"),
    IMAGE("Image", null, null),
    HAND("Hand", KeyCode.H, null);

    /** The shortcut of Place Image (the image tool), as Figma has it. */
    public static final String PLACE_IMAGE_SHORTCUT = "Shortcut+Shift+K";

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

    /** The key that picks this tool, or null for the image tool (see {@link #PLACE_IMAGE_SHORTCUT}). */
    public KeyCode key() {
        return key;
    }

    /** Whether picking this tool runs a command (place an image) instead of changing what a drag does. */
    public boolean isAction() {
        return this == IMAGE;
    }

    /** The shortcut as people read it ("R", "Ctrl+Shift+K"). */
    public String shortcutText() {
        return key != null ? key.getName() : KeyCombination.keyCombination(PLACE_IMAGE_SHORTCUT).getDisplayText();
    }

    /** Whether this tool changes the document (the drawing tools and the image tool): not in a viewer's window. */
    public boolean edits() {
        return kind != null || isAction();
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
