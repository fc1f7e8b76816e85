package dev.easel.host.canvas;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Small real images for tests: PNG, JPEG and GIF written by ImageIO, WebP headers built by hand. */
final class Images {
    private Images() {
    }

    static byte[] encode(String format, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PNG of random pixels: it hardly compresses (about 3 bytes a pixel), for tests that need a large image. */
    static byte[] noise(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.util.SplittableRandom random = new java.util.SplittableRandom(width * 31L + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A RIFF/WEBP container holding one chunk. */
    private static byte[] webp(String fourcc, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(12 + payload.length);
        b.put("WEBP".getBytes(StandardCharsets.US_ASCII));
        b.put(fourcc.getBytes(StandardCharsets.US_ASCII)).putInt(payload.length).put(payload);
        return b.array();
    }

    static byte[] webpLossless(int width, int height) {
        int bits = (width - 1) | (height - 1) << 14;
        ByteBuffer p = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        p.put((byte) 0x2F).putInt(bits);
        return webp("VP8L", p.array());
    }

    static byte[] webpLossy(int width, int height) {
        ByteBuffer p = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        p.put(new byte[] {0, 0, 0, (byte) 0x9D, 0x01, 0x2A}).putShort((short) width).putShort((short) height);
        return webp("VP8 ", p.array());
    }

    static byte[] webpExtended(int width, int height) {
        ByteBuffer p = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        p.put(new byte[4]);
        p.put((byte) (width - 1)).put((byte) ((width - 1) >> 8)).put((byte) ((width - 1) >> 16));
        p.put((byte) (height - 1)).put((byte) ((height - 1) >> 8)).put((byte) ((height - 1) >> 16));
        return webp("VP8X", p.array());
    }
}
