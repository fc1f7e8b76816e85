package dev.easel.app.canvas;

import javafx.scene.image.Image;

/**
 * Decoded pictures of image nodes, by content hash, for drawing. A picture not at hand yet is null: the node is
 * drawn as a placeholder meanwhile, and whoever supplies the pictures asks the canvas to repaint it later.
 */
@FunctionalInterface
public interface ImageSource {
    ImageSource NONE = hash -> null;

    /** The picture with this content hash, or null while it is not available. */
    Image image(String hash);
}
