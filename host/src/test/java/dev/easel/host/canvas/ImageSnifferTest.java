package dev.easel.host.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageSnifferTest {
    @Test
    void readsTypeAndPixelSizeFromHeaders() {
        assertEquals(new ImageSniffer.Info("image/png", 31, 17), ImageSniffer.sniff(Images.encode("png", 31, 17)));
        assertEquals(new ImageSniffer.Info("image/jpeg", 40, 9), ImageSniffer.sniff(Images.encode("jpg", 40, 9)));
        assertEquals(new ImageSniffer.Info("image/gif", 7, 300), ImageSniffer.sniff(Images.encode("gif", 7, 300)));
        assertEquals(new ImageSniffer.Info("image/webp", 3, 5), ImageSniffer.sniff(Images.webpLossless(3, 5)));
        assertEquals(new ImageSniffer.Info("image/webp", 640, 480), ImageSniffer.sniff(Images.webpLossy(640, 480)));
        assertEquals(new ImageSniffer.Info("image/webp", 70000, 2), ImageSniffer.sniff(Images.webpExtended(70000, 2)));
    }

    @Test
    void refusesWhatIsNotAnImage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageSniffer.sniff("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("not a PNG, JPEG, GIF or WebP"));
        assertThrows(IllegalArgumentException.class, () -> ImageSniffer.sniff(new byte[0]));
    }

    @Test
    void refusesDamagedHeaders() {
        byte[] png = Images.encode("png", 4, 4);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ImageSniffer.sniff(Arrays.copyOf(png, 20)))
                .getMessage().contains("cut short"));
        byte[] jpeg = Images.encode("jpg", 4, 4);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ImageSniffer.sniff(Arrays.copyOf(jpeg, 4)))
                .getMessage().contains("no frame header"));
        byte[] webp = Images.webpLossless(3, 3);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ImageSniffer.sniff(Arrays.copyOf(webp, 29)))
                .getMessage().contains("cut short"));
        byte[] gif = Images.encode("gif", 4, 4);
        gif[13 + ((gif[10] & 0x80) != 0 ? 3 << ((gif[10] & 0x07) + 1) : 0)] = 'x';
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ImageSniffer.sniff(gif))
                .getMessage().contains("damaged"));
        byte[] zeroWide = Images.webpLossy(0, 10);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ImageSniffer.sniff(zeroWide))
                .getMessage().contains("no pixel size"));
    }
}
