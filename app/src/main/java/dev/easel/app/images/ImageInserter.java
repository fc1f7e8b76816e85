package dev.easel.app.images;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.NodeView;
import dev.easel.host.canvas.ImageUpload;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Adds images to the page: from files (the Place Image command, a drop on the canvas) or from bytes (a
 * picture on the clipboard). Files are read off the JavaFX thread; each image is stored in the document with
 * {@code put_asset}, the status bar saying which one is on its way; then one {@code image} node per image is
 * made at its natural size (scaled down to fit the view), all in one undo step, and selected.
 */
public final class ImageInserter {
    /** Asks which image files to add (a file chooser; tests answer without one). */
    public interface FileAsker {
        List<Path> ask(Window owner);
    }

    /** Produces one image to add, or says why it cannot. Runs off the JavaFX thread. */
    @FunctionalInterface
    public interface Loader {
        ImageFile load(UploadLimit limit) throws ImageFile.Refused;
    }

    private final Supplier<DocumentModel> model;
    private final Supplier<UploadLimit> limit;
    private final CanvasView canvas;
    private final Consumer<String> status;
    private final Executor io;
    private final Executor fx;
    private File lastFolder;
    private FileAsker asker = this::chooseFiles;

    public ImageInserter(Supplier<DocumentModel> model, Supplier<UploadLimit> limit, CanvasView canvas,
            Consumer<String> status, Executor io) {
        this(model, limit, canvas, status, io, Platform::runLater);
    }

    ImageInserter(Supplier<DocumentModel> model, Supplier<UploadLimit> limit, CanvasView canvas,
            Consumer<String> status, Executor io, Executor fx) {
        this.model = model;
        this.limit = limit;
        this.canvas = canvas;
        this.status = status;
        this.io = io;
        this.fx = fx;
    }

    /** The largest image the shown document takes now. */
    public UploadLimit uploadLimit() {
        return limit.get();
    }

    /** Replaces the file chooser (tests: the headless toolkit has none). */
    public void setFileAsker(FileAsker asker) {
        this.asker = asker;
    }

    /** Place Image: asks for image files, then adds them in the middle of the view. */
    public CompletableFuture<List<String>> chooseAndInsert(Window owner) {
        if (model.get() == null || !model.get().editable(status)) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<Path> files = asker.ask(owner);
        if (files == null || files.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return insertFiles(files, null);
    }

    /**
     * Adds image files: centred on the page point {@code at} (into the top-level frame there, if any) or, for
     * null, in the middle of the view. Call on the JavaFX thread; completes on it with the new nodes' ids.
     */
    public CompletableFuture<List<String>> insertFiles(List<Path> files, Point2D at) {
        List<Loader> loaders = new ArrayList<>();
        for (Path p : files) {
            loaders.add(l -> ImageFile.read(p, l));
        }
        return insert(loaders, at);
    }

    /** Adds images from loaders, as {@link #insertFiles} adds files. */
    public CompletableFuture<List<String>> insert(List<Loader> loaders, Point2D at) {
        DocumentModel m = model.get();
        if (m == null || !m.editable(status) || loaders.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        UploadLimit max = limit.get();
        Bounds visible = canvas.getWidth() > 0
                ? canvas.viewport().visibleWorld(canvas.getWidth(), canvas.getHeight()) : null;
        Point2D centre = at != null ? at
                : visible != null ? new Point2D(visible.getCenterX(), visible.getCenterY()) : new Point2D(0, 0);
        NodeView frame = at == null ? null : m.frameAt(at.getX(), at.getY());
        Batch batch = new Batch();
        status.accept(loaders.size() == 1 ? "Reading the image\u2026" : "Reading " + loaders.size() + " images\u2026");
        CompletableFuture<List<String>> done = CompletableFuture.runAsync(() -> batch.load(loaders, max), io)
                .thenComposeAsync(v -> upload(m, batch), fx)
                .thenApplyAsync(v -> place(m, batch, centre, visible, frame), fx);
        done.whenCompleteAsync((ids, e) -> {
            if (e != null) {
                status.accept("Could not add the images: " + reason(e));
            }
        }, fx);
        return done;
    }

    /** Stores the images one after the other, so the status bar can say which one is on its way. */
    private CompletableFuture<Void> upload(DocumentModel m, Batch batch) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        int n = batch.images.size();
        for (int i = 0; i < n; i++) {
            ImageFile img = batch.images.get(i);
            String what = (n > 1 ? (i + 1) + " of " + n + ": " : "") + img.name() + " ("
                    + Sizes.describe(img.bytes().length) + ")";
            chain = chain.thenComposeAsync(v -> {
                if (closedOrSwapped(m)) {
                    return CompletableFuture.completedFuture(null);
                }
                status.accept("Uploading " + what + "\u2026");
                // A large picture goes in parts (a joiner's messages are limited to 1 MiB): say how far it got.
                DoubleConsumer progress = share -> fx.execute(() -> status.accept("Uploading " + what + "\u2026 "
                        + Math.round(share * 100) + "%"));
                return ImageUpload.put(m.connection(), img.bytes(), progress)
                        .handleAsync((r, e) -> {
                            if (e != null) {
                                batch.problems.add("Could not add " + img.name() + ": " + reason(e));
                            } else {
                                batch.stored.add(new Stored(img, (String) r.get("hash")));
                            }
                            return null;
                        }, fx);
            }, fx);
        }
        return chain;
    }

    private List<String> place(DocumentModel m, Batch batch, Point2D centre, Bounds visible, NodeView frame) {
        if (closedOrSwapped(m)) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        if (!batch.stored.isEmpty()) {
            List<double[]> sizes = new ArrayList<>();
            for (Stored s : batch.stored) {
                sizes.add(new double[] {s.image.info().width(), s.image.info().height()});
            }
            List<Bounds> boxes = ImagePlacement.row(sizes, centre.getX(), centre.getY(), visible);
            // Inside a frame, positions are relative to it.
            NodeView parent = frame == null ? null : m.node(frame.id());
            double ox = parent == null ? 0 : m.worldX(parent);
            double oy = parent == null ? 0 : m.worldY(parent);
            boolean several = boxes.size() > 1;
            if (several) {
                m.beginGesture();
            }
            for (int i = 0; i < boxes.size(); i++) {
                Bounds b = boxes.get(i);
                Stored s = batch.stored.get(i);
                Map<String, Object> fields = new HashMap<>();
                fields.put("x", ImagePlacement.round(b.getMinX() - ox));
                fields.put("y", ImagePlacement.round(b.getMinY() - oy));
                fields.put("w", b.getWidth());
                fields.put("h", b.getHeight());
                fields.put("name", s.image.layerName());
                fields.put("asset", s.hash);
                ids.add(m.createNode("image", parent == null ? null : parent.id(), fields));
            }
            if (several) {
                m.endGesture();
            }
            m.selectWhenPresent(ids);
        }
        status.accept(summary(batch));
        return ids;
    }

    private static String summary(Batch batch) {
        List<String> parts = new ArrayList<>();
        int n = batch.stored.size();
        if (n == 1) {
            parts.add("Added " + batch.stored.get(0).image.name());
        } else if (n > 1) {
            parts.add("Added " + n + " images");
        }
        parts.addAll(batch.problems);
        return String.join(" \u00b7 ", parts);
    }

    private boolean closedOrSwapped(DocumentModel m) {
        return model.get() != m;
    }

    private List<Path> chooseFiles(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Place Image");
        chooser.getExtensionFilters().add(
                new FileChooser.ExtensionFilter("Images (PNG, JPEG, GIF)", "*.png", "*.jpg", "*.jpeg", "*.gif"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        List<File> files = chooser.showOpenMultipleDialog(owner);
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        lastFolder = files.get(0).getParentFile();
        return files.stream().map(File::toPath).toList();
    }

    private static String reason(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** One image stored in the document, under its content hash. */
    private record Stored(ImageFile image, String hash) {
    }

    /** What one insertion has read, stored and refused so far (each stage hands it on to the next). */
    private static final class Batch {
        final List<ImageFile> images = new ArrayList<>();
        final List<Stored> stored = new ArrayList<>();
        final List<String> problems = new ArrayList<>();

        void load(List<Loader> loaders, UploadLimit max) {
            for (Loader l : loaders) {
                try {
                    images.add(l.load(max));
                } catch (ImageFile.Refused r) {
                    problems.add(r.getMessage());
                } catch (RuntimeException e) {
                    problems.add("Could not read an image (" + e.getMessage() + ")");
                }
            }
        }
    }
}
