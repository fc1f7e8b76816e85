package dev.easel.app.images;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.NodeView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Gives a canvas the pictures of its document's image nodes: a fresh {@link ImageCache} per document, whose
 * pictures, as each arrives, are painted into the nodes that show it (the canvas keeps its drawing between
 * frames, so those nodes must be painted again).
 */
public final class CanvasPictures {
    private CanvasPictures() {
    }

    /** Call on the JavaFX thread; close the cache returned when the document is no longer shown. */
    public static ImageCache attach(CanvasView canvas, DocumentModel model, AssetLoader loader, Executor background,
            Executor fxThread) {
        ImageCache cache = new ImageCache(loader, background, fxThread, ImageCache.DEFAULT_MAX_PIXELS);
        cache.setOnLoaded(hash -> {
            if (canvas.images() == cache && canvas.model() == model) {
                canvas.repaintNodes(nodesShowing(model, hash));
            }
        });
        canvas.setImages(cache);
        return cache;
    }

    /** The image nodes of the page shown whose picture has this hash. */
    static List<String> nodesShowing(DocumentModel model, String hash) {
        List<String> ids = new ArrayList<>();
        for (NodeView n : model.drawOrder()) {
            if ("image".equals(n.kind()) && hash.equals(n.asset())) {
                ids.add(n.id());
            }
        }
        return ids;
    }
}
