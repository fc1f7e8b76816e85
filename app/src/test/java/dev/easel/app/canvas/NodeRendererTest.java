package dev.easel.app.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.app.document.NodeView;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** Drawing nodes on a real canvas (the UI tests' headless JavaFX), pixels compared. */
class NodeRendererTest {
    private static final int SIZE = 200;

    /** Through TestFX, as the other UI tests start JavaFX: whichever runs first, the others find it running. */
    @BeforeAll
    static void startJavaFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static NodeView node(String kind, double x, double y, double w, double h, double rotation,
            double opacity, String text) {
        return new NodeView(kind, "p", null, kind, kind, x, y, w, h, rotation, "a", "#14ae5c", null, 0, 0, opacity,
                text, "System", 16, 400, "left", true, false, null, null, null);
    }

    /** The nodes drawn in order over a light background, as pixels. */
    private static WritableImage drawn(NodeView... nodes) throws Exception {
        CompletableFuture<WritableImage> image = new CompletableFuture<>();
        Platform.runLater(() -> {
            Canvas canvas = new Canvas(SIZE, SIZE);
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.setFill(Color.web("#f4f4f4"));
            g.fillRect(0, 0, SIZE, SIZE);
            for (NodeView n : nodes) {
                NodeRenderer.draw(g, n, n.x(), n.y(), 1);
            }
            image.complete(canvas.snapshot(new SnapshotParameters(), null));
        });
        return image.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRotatedTextRightAfterAHalfTransparentNodeKeepsItsOwnOpacity() throws Exception {
        NodeView veil = node("rect", 10, 10, 60, 30, 0, 0.5, null);
        NodeView label = node("text", 40, 100, 120, 30, 85, 1, "Label 32");
        WritableImage alone = drawn(label);
        WritableImage afterVeil = drawn(veil, label);
        int differing = 0;
        int darkest = 255;
        for (int y = 60; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int pixel = afterVeil.getPixelReader().getArgb(x, y);
                differing += pixel != alone.getPixelReader().getArgb(x, y) ? 1 : 0;
                darkest = Math.min(darkest, (pixel >> 16) & 0xff);
            }
        }
        assertTrue(darkest < 60, "the text is drawn at all, in its own green (darkest red channel " + darkest + ")");
        assertEquals(0, differing, "pixels of the text that the node before it changed");
    }
}
