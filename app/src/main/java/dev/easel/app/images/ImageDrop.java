package dev.easel.app.images;

import dev.easel.app.canvas.CanvasView;
import java.io.File;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * Dropping image files (or a picture dragged from a browser) onto the canvas adds them where they are
 * dropped, side by side when there are several, inside the top-level frame there if any. A view-only
 * document takes no drop.
 */
public final class ImageDrop {
    private ImageDrop() {
    }

    public static void install(CanvasView canvas, ImageInserter images) {
        canvas.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (canvas.model() != null && canvas.model().editable() && carriesImages(e.getDragboard())) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        canvas.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            Dragboard board = e.getDragboard();
            if (canvas.model() == null || !carriesImages(board)) {
                return;
            }
            Point2D at = canvas.viewport().toWorld(e.getX(), e.getY());
            if (board.hasFiles()) {
                images.insertFiles(board.getFiles().stream().map(File::toPath).toList(), at);
            } else {
                images.insert(List.of(Pictures.loader(board.getImage(), "Dropped image.png")), at);
            }
            e.setDropCompleted(true);
            e.consume();
        });
    }

    private static boolean carriesImages(Dragboard board) {
        return board.hasFiles() && !board.getFiles().isEmpty() || board.hasImage();
    }
}
