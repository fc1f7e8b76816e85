package dev.easel.app.edit;

import java.io.File;
import java.util.List;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;

/**
 * The system clipboard as Easel uses it. Copying puts three things there: the layers in Easel's own format
 * (for a paste in any Easel window), a picture of them and the text of their text layers (for other apps).
 * Reading prefers Easel layers, then image files, then a picture, then text. JavaFX thread only.
 */
public final class SystemClipboard {
    /** Easel's clipboard format: {@link CopiedNodes} as JSON. */
    public static final DataFormat NODES = format("application/x-easel-nodes+json");

    /** What the clipboard offers to a paste, best first. */
    public sealed interface Offer permits Nodes, Files, Picture, Text, Nothing {
    }

    public record Nodes(CopiedNodes nodes) implements Offer {
    }

    public record Files(List<File> files) implements Offer {
    }

    public record Picture(Image image) implements Offer {
    }

    public record Text(String text) implements Offer {
    }

    public record Nothing() implements Offer {
    }

    private SystemClipboard() {
    }

    /** A data format by its MIME type, made once per process (JavaFX refuses to make one twice). */
    private static DataFormat format(String mime) {
        DataFormat known = DataFormat.lookupMimeType(mime);
        return known != null ? known : new DataFormat(mime);
    }

    /** Replaces the clipboard's content with copied layers, a picture of them and their text (each optional). */
    public static void put(CopiedNodes nodes, Image picture, String text) {
        ClipboardContent c = new ClipboardContent();
        c.put(NODES, nodes.toJson());
        if (picture != null) {
            c.putImage(picture);
        }
        if (text != null) {
            c.putString(text);
        }
        Clipboard.getSystemClipboard().setContent(c);
    }

    /** What a paste would take from the clipboard now. */
    public static Offer read() {
        Clipboard cb = Clipboard.getSystemClipboard();
        if (cb.hasContent(NODES) && cb.getContent(NODES) instanceof String json) {
            CopiedNodes nodes = CopiedNodes.fromJson(json);
            if (nodes != null) {
                return new Nodes(nodes);
            }
        }
        if (cb.hasFiles() && !cb.getFiles().isEmpty()) {
            return new Files(List.copyOf(cb.getFiles()));
        }
        if (cb.hasImage() && cb.getImage() != null) {
            return new Picture(cb.getImage());
        }
        if (cb.hasString() && cb.getString() != null && !cb.getString().isBlank()) {
            return new Text(cb.getString());
        }
        return new Nothing();
    }
}
