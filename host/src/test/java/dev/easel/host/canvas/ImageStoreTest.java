package dev.easel.host.canvas;

import static dev.easel.host.canvas.CanvasFixture.ALICE;
import static dev.easel.host.canvas.CanvasFixture.BOB;
import static dev.easel.host.canvas.CanvasFixture.PAGE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.tx.ReducerException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageStoreTest extends TwoEditorDocumentTest {
    private String placed(dev.easel.engine.tx.Identity who, String id, byte[] image) {
        String hash = (String) doc.call(who, "put_asset", "bytes", image).get("hash");
        doc.call(who, "create_node", "id", id, "kind", "image", "page", PAGE, "asset", hash, "w", 12.0, "h", 8.0);
        return hash;
    }

    @Test
    void imagesNothingRefersToAreDroppedWhenTheDocumentOpensAgain() {
        String shown = placed(ALICE, "shown", Images.encode("png", 12, 8));
        String undoable = placed(BOB, "undoable", Images.encode("png", 14, 8));
        doc.call(BOB, "delete_nodes", "ids", java.util.List.of("undoable"));
        String forgotten = placed(ALICE, "forgotten", Images.encode("png", 16, 8));
        doc.call(ALICE, "delete_nodes", "ids", java.util.List.of("forgotten"));
        String neverPlaced = (String) doc.call(BOB, "put_asset", "bytes", Images.encode("png", 18, 8)).get("hash");
        // Alice's undo history keeps her newest steps only: these push out the ones that made and deleted "forgotten".
        doc.rect(ALICE, "r", 0, 0);
        for (int i = 1; i <= History.LIMIT; i++) {
            doc.call(ALICE, "move_nodes", "moves", java.util.List.of(Map.of("id", "r", "x", (double) i, "y", 0.0)));
        }
        assertEquals(4, doc.engine.rows(CanvasSchema.ASSET).size(), "nothing is dropped while the document is open");

        doc.reopen();
        doc.connect(ALICE, "editor");

        assertTrue(ImageStore.find(doc.engine, shown).isPresent(), "a node shows it");
        assertTrue(ImageStore.find(doc.engine, undoable).isPresent(), "Bob can still undo its deletion");
        assertTrue(ImageStore.find(doc.engine, forgotten).isEmpty(), "no node and no undo step refers to it");
        assertTrue(ImageStore.find(doc.engine, neverPlaced).isEmpty(), "stored but never placed");
        doc.connect(BOB, "editor");
        doc.call(BOB, "undo");
        assertEquals(undoable, doc.field("undoable", "asset"), "the undone deletion brings the image back");
    }

    @Test
    void anImageIsStoredOnceHoweverOftenItIsPlaced() {
        byte[] png = Images.encode("png", 12, 8);
        Map<String, Object> first = doc.call(ALICE, "put_asset", "bytes", png);
        Map<String, Object> again = doc.call(BOB, "put_asset", "bytes", png.clone());
        String hash = (String) first.get("hash");
        assertEquals(ImageStore.hash(png), hash);
        assertEquals(hash, again.get("hash"));
        assertEquals(true, first.get("stored"));
        assertEquals(false, again.get("stored"));
        assertEquals(12L, first.get("width"));
        assertEquals(8L, first.get("height"));
        for (String id : new String[] {"i1", "i2", "i3"}) {
            doc.call(ALICE, "create_node", "id", id, "kind", "image", "page", PAGE, "asset", hash, "w", 12.0, "h", 8.0);
        }
        assertEquals(1, doc.engine.rows(CanvasSchema.ASSET).size());
        assertEquals(hash, doc.field("i3", "asset"));
    }

    @Test
    void theSessionFindsImagesByHashInsideTheDocumentFile() {
        byte[] gif = Images.encode("gif", 5, 6);
        String hash = (String) doc.call(ALICE, "put_asset", "bytes", gif).get("hash");
        doc.reopen();
        Asset a = Canvas.asset(doc.engine, hash).orElseThrow();
        assertArrayEquals(gif, a.bytes());
        assertEquals("image/gif", a.mime());
        assertEquals(5, a.width());
        assertEquals(gif.length, a.size());
        assertEquals(ALICE.id(), a.owner());
        assertTrue(Canvas.asset(doc.engine, "0".repeat(64)).isEmpty());
        assertTrue(Canvas.asset(doc.engine, "../etc/passwd").isEmpty());
    }

    @Test
    void everyKindOfImageIsTaken() {
        for (byte[] image : new byte[][] {Images.encode("jpg", 3, 3), Images.webpLossless(9, 9)}) {
            assertEquals(true, doc.call(ALICE, "put_asset", "bytes", image).get("stored"));
        }
    }

    @Test
    void whatIsNotAnImageIsRefused() {
        doc.fails(ReducerException.BAD_ARGUMENT, ALICE, "put_asset", "bytes", "GIF89a, or so it says: plain text".getBytes());
        ReducerException e = doc.fails(ReducerException.BAD_ARGUMENT, ALICE, "put_asset", "bytes",
                Arrays.copyOf(Images.encode("png", 2, 2), 16));
        assertTrue(e.getMessage().contains("cut short"), e.getMessage());
    }

    @Test
    void anImageOverFiftyMegabytesIsRefused() {
        byte[] png = Images.encode("png", 2, 2);
        byte[] huge = Arrays.copyOf(png, ImageStore.MAX_BYTES + 1);
        ReducerException e = doc.fails(ReducerException.BAD_ARGUMENT, ALICE, "put_asset", "bytes", huge);
        assertTrue(e.getMessage().contains("the limit is " + ImageStore.MAX_BYTES + " (50 MB)"), e.getMessage());
    }
}
