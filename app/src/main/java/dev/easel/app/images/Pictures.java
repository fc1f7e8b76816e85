package dev.easel.app.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;

/** Pictures that come as pixels (the clipboard, a drag from a browser) rather than as files: stored as PNG. */
public final class Pictures {
    private Pictures() {
    }

    /**
     * A loader for a picture: its pixels are copied now (call on the JavaFX thread), and encoded as PNG when
     * the loader runs (off it).
     */
    public static ImageInserter.Loader loader(Image picture, String name) {
        BufferedImage pixels = SwingFXUtils.fromFXImage(picture, null);
        return limit -> ImageFile.of(name, png(pixels), limit);
    }

    /** PNG bytes of an image. */
    public static byte[] png(BufferedImage image) throws ImageFile.Refused {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new ImageFile.Refused("This Java cannot write PNG images");
            }
        } catch (IOException e) {
            throw new ImageFile.Refused("Could not convert the picture to PNG (" + e.getMessage() + ")");
        }
        return out.toByteArray();
    }
}
