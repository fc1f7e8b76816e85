package dev.easel.app;

import static dev.easel.app.AppFixture.TIMEOUT;
import static dev.easel.app.AppFixture.fx;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.app.document.LocalDocuments;
import dev.easel.app.document.OpenDocument;
import dev.easel.app.edit.SystemClipboard;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Identity;
import dev.easel.host.canvas.Canvas;
import dev.easel.host.canvas.ImageStore;
import dev.easel.host.session.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javafx.geometry.Bounds;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Copy, cut and paste through the system clipboard, by their shortcuts: layers copied in one window's
 * document arrive in another window's document with their fields, nesting and pictures; cut and paste in
 * place; pastes out of sight land in the view; text and pictures from other apps become layers. Each checks
 * the rows of the documents' replicas.
 */
@ExtendWith(ApplicationExtension.class)
class ClipboardTest {
    private AppFixture app;
    private MainWindow other;
    private OpenDocument otherDoc;

    @Start
    void start(Stage stage) {
        app = new AppFixture(stage);
    }

    @AfterEach
    void close() {
        if (other != null) {
            MainWindow w = other;
            fx(() -> {
                w.model().close();
                w.stage().hide();
                return null;
            });
            otherDoc.close();
        }
        app.close();
    }

    /** A second window on its own document (another user, another file), like a second Easel window. */
    private MainWindow openOtherWindow() {
        Identity who = new Identity("other" + Long.toHexString(System.nanoTime()));
        otherDoc = LocalDocuments.createUnsaved(who, "Other");
        other = fx(() -> {
            Stage s = new Stage();
            MainWindow w = new MainWindow(s, who, "Other");
            s.setX(0);
            s.setY(0);
            s.setWidth(1200);
            s.setHeight(800);
            w.show(otherDoc);
            s.show();
            return w;
        });
        await().atMost(TIMEOUT).until(() -> fx(() -> other.model().page() != null));
        return other;
    }

    private void focus(MainWindow w) {
        fx(() -> {
            w.stage().toFront();
            w.stage().requestFocus();
            w.canvas().requestFocus();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String create(MainWindow w, String kind, String parent, Map<String, Object> fields) {
        String id = fx(() -> w.model().createNode(kind, parent, new HashMap<>(fields)));
        Connection c = w.document().connection();
        await().atMost(TIMEOUT).until(() -> !c.replica().hasPredictions() && c.replica().find("node", id) != null);
        WaitForAsyncUtils.waitForFxEvents();
        return id;
    }

    private static List<Row> rows(Connection c, Predicate<Row> p) {
        return c.replica().confirmedRows("node").stream().filter(p).toList();
    }

    private static Object get(Connection c, Row r, String column) {
        return r.get(c.schema().require("node").columnIndex(column));
    }

    private static double num(Connection c, Row r, String column) {
        return ((Number) get(c, r, column)).doubleValue();
    }

    private static Predicate<Row> kind(Connection c, String kind) {
        return r -> kind.equals(get(c, r, "kind"));
    }

    private Bounds visible(MainWindow w) {
        return fx(() -> w.canvas().viewport().visibleWorld(w.canvas().getWidth(), w.canvas().getHeight()));
    }

    @Test
    void layersCopiedInOneDocumentArriveInAnother(FxRobot robot) throws Exception {
        app.awaitReady();
        MainWindow a = app.window;
        Connection ac = app.document.connection();
        byte[] png = TestImages.png(60, 40, 0x00aa55);
        String hash = (String) ((Map<?, ?>) ac.call("put_asset", Map.of("bytes", png)).get()).get("hash");
        String frame = create(a, "frame", null, Map.of("name", "Card", "x", 100.0, "y", 80.0, "w", 300.0,
                "h", 200.0, "fill", "#ffeecc", "corner_radius", 8.0));
        create(a, "rect", frame, Map.of("name", "Swatch", "x", 20.0, "y", 30.0, "w", 50.0, "h", 40.0,
                "fill", "#ff0000", "stroke", "#000000", "stroke_width", 2.0, "opacity", 0.5, "rotation", 15.0));
        create(a, "text", frame, Map.of("x", 80.0, "y", 30.0, "w", 150.0, "h", 50.0, "text", "Hello\nWorld",
                "font_size", 20.0, "font_weight", 700L, "align", "center", "fill", "#112233"));
        String image = create(a, "image", null, Map.of("name", "Logo", "x", 500.0, "y", 100.0, "w", 60.0,
                "h", 40.0, "asset", hash));
        fx(() -> {
            a.model().selection().set(List.of(frame, image));
            return null;
        });
        focus(a);
        shortcut(robot, KeyCode.C);

        // For other apps: the text of the text layers and a picture of the selection (460 x 200).
        assertEquals("Hello\nWorld", fx(() -> Clipboard.getSystemClipboard().getString()));
        Image picture = fx(() -> Clipboard.getSystemClipboard().getImage());
        assertEquals(460, picture.getWidth(), 0.5);
        assertEquals(200, picture.getHeight(), 0.5);
        assertTrue(fx(() -> Clipboard.getSystemClipboard().hasContent(SystemClipboard.NODES)));

        // Paste in another window's document: the same layers, with fresh ids, at the same place.
        MainWindow b = openOtherWindow();
        Connection bc = otherDoc.connection();
        focus(b);
        shortcut(robot, KeyCode.V);
        await().atMost(TIMEOUT).until(() -> rows(bc, r -> true).size() == 4 && !bc.replica().hasPredictions());
        Row f = rows(bc, kind(bc, "frame")).get(0);
        Row r = rows(bc, kind(bc, "rect")).get(0);
        Row t = rows(bc, kind(bc, "text")).get(0);
        Row i = rows(bc, kind(bc, "image")).get(0);
        String newFrame = (String) get(bc, f, "id");
        assertNotEquals(frame, newFrame);
        for (Row row : List.of(f, r, t, i)) {
            assertTrue(((String) get(bc, row, "id")).startsWith(otherDoc.connection().identity().id().substring(0, 5)));
            assertEquals(fx(() -> b.model().page()), get(bc, row, "page"));
        }
        assertEquals("Card", get(bc, f, "name"));
        assertEquals(100, num(bc, f, "x"), 0.001);
        assertEquals(80, num(bc, f, "y"), 0.001);
        assertEquals("#ffeecc", get(bc, f, "fill"));
        assertEquals(8, num(bc, f, "corner_radius"), 0.001);
        assertNull(get(bc, f, "parent"));
        assertEquals(newFrame, get(bc, r, "parent"));
        assertEquals("Swatch", get(bc, r, "name"));
        assertEquals(20, num(bc, r, "x"), 0.001);
        assertEquals(30, num(bc, r, "y"), 0.001);
        assertEquals("#ff0000", get(bc, r, "fill"));
        assertEquals("#000000", get(bc, r, "stroke"));
        assertEquals(2, num(bc, r, "stroke_width"), 0.001);
        assertEquals(0.5, num(bc, r, "opacity"), 0.001);
        assertEquals(15, num(bc, r, "rotation"), 0.001);
        assertEquals(newFrame, get(bc, t, "parent"));
        assertEquals("Hello\nWorld", get(bc, t, "text"));
        assertEquals(20, num(bc, t, "font_size"), 0.001);
        assertEquals(700L, ((Number) get(bc, t, "font_weight")).longValue());
        assertEquals("center", get(bc, t, "align"));
        assertNull(get(bc, i, "parent"));
        assertEquals(500, num(bc, i, "x"), 0.001);
        assertEquals(hash, get(bc, i, "asset"));
        // The picture came along: the other document now holds it too.
        assertArrayEquals(png, Canvas.asset(otherDoc.engine(), hash).orElseThrow().bytes());
        // The rect stays below the text, as in the original.
        assertTrue(((String) get(bc, r, "z")).compareTo((String) get(bc, t, "z")) < 0);
        Set<String> pastedRoots = Set.of(newFrame, (String) get(bc, i, "id"));
        await().atMost(TIMEOUT).until(() -> fx(() -> b.model().selection().ids()).equals(pastedRoots));

        // Pasting again lands a step further on; each paste is one undo step.
        shortcut(robot, KeyCode.V);
        await().atMost(TIMEOUT).until(() -> rows(bc, r2 -> true).size() == 8 && !bc.replica().hasPredictions());
        assertTrue(rows(bc, kind(bc, "frame")).stream().anyMatch(x -> num(bc, x, "x") == 110 && num(bc, x, "y") == 90));
        shortcut(robot, KeyCode.Z);
        await().atMost(TIMEOUT).until(() -> rows(bc, r2 -> true).size() == 4 && !bc.replica().hasPredictions());
        // The first document is untouched.
        assertEquals(4, rows(ac, x -> true).size());
    }

    @Test
    void cutPastesInPlaceAndPastesOutOfSightLandInTheView(FxRobot robot) {
        app.awaitReady();
        Connection c = app.document.connection();
        String rect = create(app.window, "rect", null, Map.of("x", 100.0, "y", 100.0, "w", 80.0, "h", 60.0,
                "fill", "#0d99ff"));
        fx(() -> {
            app.window.model().selection().set(List.of(rect));
            return null;
        });
        focus(app.window);

        // Cut, then paste: the layer comes back where it was, under a new id; again: a step further on.
        shortcut(robot, KeyCode.X);
        await().atMost(TIMEOUT).until(() -> c.replica().find("node", rect) == null && !c.replica().hasPredictions());
        assertTrue(fx(() -> app.window.model().selection().isEmpty()));
        shortcut(robot, KeyCode.V);
        Row back = app.awaitNode(r -> "rect".equals(r.get(app.col("kind"))));
        assertNotEquals(rect, back.get(app.col("id")));
        assertEquals(100, app.num(back, "x"), 0.001);
        assertEquals(100, app.num(back, "y"), 0.001);
        assertEquals("#0d99ff", back.get(app.col("fill")));
        shortcut(robot, KeyCode.V);
        app.awaitNode(r -> "rect".equals(r.get(app.col("kind"))) && app.num(r, "x") == 110);
        // Undo the second paste, the first, then the cut.
        shortcut(robot, KeyCode.Z);
        shortcut(robot, KeyCode.Z);
        await().atMost(TIMEOUT).until(() -> rows(c, kind(c, "rect")).isEmpty() && !c.replica().hasPredictions());
        shortcut(robot, KeyCode.Z);
        await().atMost(TIMEOUT).until(() -> c.replica().find("node", rect) != null && !c.replica().hasPredictions());

        // Copy, move the view far away, paste: the copy lands in the middle of the view.
        fx(() -> {
            app.window.model().selection().set(List.of(rect));
            return null;
        });
        shortcut(robot, KeyCode.C);
        fx(() -> {
            app.window.canvas().viewport().panBy(-5000, -3000);
            return null;
        });
        shortcut(robot, KeyCode.V);
        Bounds v = visible(app.window);
        Row far = app.awaitNode(r -> "rect".equals(r.get(app.col("kind"))) && !rect.equals(r.get(app.col("id"))));
        assertEquals(v.getCenterX(), app.num(far, "x") + 40, 0.01);
        assertEquals(v.getCenterY(), app.num(far, "y") + 30, 0.01);
    }

    @Test
    void textAndPicturesFromOtherAppsBecomeLayers(FxRobot robot) {
        app.awaitReady();
        focus(app.window);
        fx(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("Pasted from elsewhere");
            Clipboard.getSystemClipboard().setContent(content);
            return null;
        });
        shortcut(robot, KeyCode.V);
        Row text = app.awaitNode(r -> "text".equals(r.get(app.col("kind"))));
        assertEquals("Pasted from elsewhere", text.get(app.col("text")));
        Bounds v = visible(app.window);
        assertEquals(v.getCenterX(), app.num(text, "x") + app.num(text, "w") / 2, 1.0);
        assertTrue(app.num(text, "w") > 50, "sized to its text");

        fx(() -> {
            WritableImage img = new WritableImage(64, 48);
            for (int y = 0; y < 48; y++) {
                for (int x = 0; x < 64; x++) {
                    img.getPixelWriter().setColor(x, y, Color.ORANGE);
                }
            }
            ClipboardContent content = new ClipboardContent();
            content.putImage(img);
            Clipboard.getSystemClipboard().setContent(content);
            return null;
        });
        shortcut(robot, KeyCode.V);
        Row image = app.awaitNode(r -> "image".equals(r.get(app.col("kind"))));
        assertEquals(64, app.num(image, "w"), 0.01);
        assertEquals(48, app.num(image, "h"), 0.01);
        String hash = (String) image.get(app.col("asset"));
        var stored = Canvas.asset(app.document.engine(), hash).orElseThrow();
        assertEquals("image/png", stored.mime());
        assertEquals(64, stored.width());
        assertEquals(hash, ImageStore.hash(stored.bytes()));

        // An empty clipboard says so.
        fx(() -> {
            Clipboard.getSystemClipboard().clear();
            return null;
        });
        shortcut(robot, KeyCode.V);
        assertEquals("Nothing to paste", fx(() -> app.window.status().message()));
    }
}
