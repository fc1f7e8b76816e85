package dev.easel.host.canvas;

/**
 * Recognises PNG, JPEG, GIF and WebP data by its signature and reads the pixel size from its header,
 * without decoding the image. Anything else, or a header that does not hold together, is refused.
 */
public final class ImageSniffer {
    /** The type and pixel size of an image. */
    public record Info(String mime, int width, int height) {
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private ImageSniffer() {
    }

    /** What the data is, or an {@link IllegalArgumentException} saying why it is not an image we take. */
    public static Info sniff(byte[] data) {
        Info info;
        if (startsWith(data, 0, PNG)) {
            info = png(data);
        } else if (data.length >= 3 && u8(data, 0) == 0xFF && u8(data, 1) == 0xD8 && u8(data, 2) == 0xFF) {
            info = jpeg(data);
        } else if (startsWith(data, 0, ascii("GIF87a")) || startsWith(data, 0, ascii("GIF89a"))) {
            info = gif(data);
        } else if (startsWith(data, 0, ascii("RIFF")) && startsWith(data, 8, ascii("WEBP"))) {
            info = webp(data);
        } else {
            throw new IllegalArgumentException("the data is not a PNG, JPEG, GIF or WebP image");
        }
        if (info.width() <= 0 || info.height() <= 0) {
            throw new IllegalArgumentException("the " + info.mime() + " header gives no pixel size");
        }
        return info;
    }

    private static Info png(byte[] d) {
        need(d, 33, "PNG");
        if (be32(d, 8) != 13 || !startsWith(d, 12, ascii("IHDR"))) {
            throw new IllegalArgumentException("the PNG data does not start with its header chunk");
        }
        return new Info("image/png", be32(d, 16), be32(d, 20));
    }

    /** After the screen descriptor (and its colour table, if any) must come a block a GIF can hold. */
    private static Info gif(byte[] d) {
        need(d, 14, "GIF");
        int flags = u8(d, 10);
        int next = 13 + ((flags & 0x80) != 0 ? 3 << ((flags & 0x07) + 1) : 0);
        need(d, next + 1, "GIF");
        int block = u8(d, next);
        if (block != 0x21 && block != 0x2C && block != 0x3B) {
            throw new IllegalArgumentException("the GIF data is damaged after its header");
        }
        return new Info("image/gif", le16(d, 6), le16(d, 8));
    }

    /** Walks the JPEG segments to the first start-of-frame marker, which holds the size. */
    private static Info jpeg(byte[] d) {
        int i = 2;
        while (i + 3 < d.length) {
            if (u8(d, i) != 0xFF) {
                throw new IllegalArgumentException("the JPEG data is damaged: no marker at byte " + i);
            }
            int marker = u8(d, i + 1);
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                i += 2;
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                break;
            }
            if (isStartOfFrame(marker)) {
                need(d, i + 9, "JPEG");
                return new Info("image/jpeg", be16(d, i + 7), be16(d, i + 5));
            }
            i += 2 + be16(d, i + 2);
        }
        throw new IllegalArgumentException("the JPEG data has no frame header");
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static Info webp(byte[] d) {
        need(d, 30, "WebP");
        long riffSize = le16(d, 4) | (long) le16(d, 6) << 16;
        if (riffSize + 8 > d.length) {
            throw new IllegalArgumentException("the WebP data is cut short (" + d.length + " of " + (riffSize + 8)
                    + " bytes)");
        }
        if (startsWith(d, 12, ascii("VP8 "))) {
            if (u8(d, 23) != 0x9D || u8(d, 24) != 0x01 || u8(d, 25) != 0x2A) {
                throw new IllegalArgumentException("the WebP (lossy) frame header is damaged");
            }
            return new Info("image/webp", le16(d, 26) & 0x3FFF, le16(d, 28) & 0x3FFF);
        }
        if (startsWith(d, 12, ascii("VP8L"))) {
            if (u8(d, 20) != 0x2F) {
                throw new IllegalArgumentException("the WebP (lossless) header is damaged");
            }
            int bits = u8(d, 21) | u8(d, 22) << 8 | u8(d, 23) << 16 | u8(d, 24) << 24;
            return new Info("image/webp", (bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1);
        }
        if (startsWith(d, 12, ascii("VP8X"))) {
            return new Info("image/webp", le24(d, 24) + 1, le24(d, 27) + 1);
        }
        throw new IllegalArgumentException("the WebP data has no image chunk");
    }

    private static void need(byte[] d, int length, String type) {
        if (d.length < length) {
            throw new IllegalArgumentException("the " + type + " data is cut short (" + d.length + " bytes)");
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(byte[] d, int at, byte[] prefix) {
        if (d.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (d[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u8(byte[] d, int i) {
        return d[i] & 0xFF;
    }

    private static int be16(byte[] d, int i) {
        return u8(d, i) << 8 | u8(d, i + 1);
    }

    private static int be32(byte[] d, int i) {
        return u8(d, i) << 24 | u8(d, i + 1) << 16 | u8(d, i + 2) << 8 | u8(d, i + 3);
    }

    private static int le16(byte[] d, int i) {
        return u8(d, i) | u8(d, i + 1) << 8;
    }

    private static int le24(byte[] d, int i) {
        return u8(d, i) | u8(d, i + 1) << 8 | u8(d, i + 2) << 16;
    }
}
