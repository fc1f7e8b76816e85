package dev.easel.app.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFileTest {
    @TempDir
    Path dir;

    private static byte[] gif() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(7, 5,
                java.awt.image.BufferedImage.TYPE_BYTE_INDEXED);
        javax.imageio.ImageIO.write(img, "gif", out);
        return out.toByteArray();
    }

    @Test
    void readsAGifWithItsSizeAndLayerName() throws Exception {
        Path f = Files.write(dir.resolve("spinner.final.gif"), gif());
        ImageFile img = ImageFile.read(f, UploadLimit.HOSTED);
        assertEquals("image/gif", img.info().mime());
        assertEquals(7, img.info().width());
        assertEquals(5, img.info().height());
        assertEquals("spinner.final", img.layerName());
    }

    @Test
    void refusesWhatTheCanvasCannotShowOrTheDocumentCannotTake() throws Exception {
        byte[] webp = "RIFF\u0000\u0000\u0000\u0000WEBPVP8X".getBytes(StandardCharsets.ISO_8859_1);
        byte[] padded = java.util.Arrays.copyOf(webp, 64);
        padded[24] = 9; // canvas width - 1 (VP8X header), so the sniffer reads a real size
        padded[27] = 9;
        ImageFile.Refused r = assertThrows(ImageFile.Refused.class, () -> ImageFile.of("pic.webp", padded,
                UploadLimit.HOSTED));
        assertTrue(r.getMessage().startsWith("pic.webp is a WEBP image; Easel takes PNG, JPEG and GIF"),
                r.getMessage());

        Path big = Files.write(dir.resolve("big.gif"), gif());
        UploadLimit tiny = new UploadLimit(10, true);
        r = assertThrows(ImageFile.Refused.class, () -> ImageFile.read(big, tiny));
        assertTrue(r.getMessage().startsWith("big.gif is "), r.getMessage());
        assertTrue(r.getMessage().contains("; an image can be at most 10 bytes"), r.getMessage());

        r = assertThrows(ImageFile.Refused.class, () -> ImageFile.read(dir, UploadLimit.HOSTED));
        assertTrue(r.getMessage().endsWith("is not a file"), r.getMessage());
    }
}
