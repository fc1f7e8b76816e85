package dev.easel.app;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Real image files for the tests: PNGs of a given size, plain or full of noise (which does not compress). */
final class TestImages {
    private TestImages() {
    }

    /** A PNG of one colour (0xRRGGBB). */
    static byte[] png(int w, int h, int rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        return encode(img, "png");
    }

    /** A PNG of random pixels: about 3 bytes a pixel, whatever the compression. */
    static byte[] noise(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.nextInt(0x1000000));
            }
        }
        return encode(img, "png");
    }

    /** A small landscape (sky, sun, two hills), for pictures that should look like a photo. */
    static byte[] landscape(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            double t = (double) y / h;
            int sky = rgb(90 + 120 * t, 150 + 80 * t, 235 - 20 * t);
            for (int x = 0; x < w; x++) {
                double far = h * (0.62 - 0.08 * Math.sin(x * 3.0 / w));
                double near = h * (0.78 + 0.07 * Math.cos(x * 5.0 / w + 1));
                double sun = Math.hypot(x - w * 0.72, y - h * 0.3);
                int c = y > near ? rgb(60, 140 - 40 * t, 70) : y > far ? rgb(110, 170, 110) : sun < h * 0.12
                        ? rgb(255, 214, 90) : sky;
                img.setRGB(x, y, c);
            }
        }
        return encode(img, "png");
    }

    private static int rgb(double r, double g, double b) {
        return ((int) r << 16) | ((int) g << 8) | (int) b;
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
