package dev.easel.app.export;

import dev.easel.app.document.DocumentModel;
import dev.easel.app.images.ImageCache;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * File > Export Frame: asks which frame and format ({@link ExportFrameDialog}), then where, then writes the
 * file off the JavaFX thread and says so in the status bar.
 */
public final class ExportFrameCommand {
    /** Asks where to write (a save dialog; tests answer without one). Null: cancelled. */
    public interface SaveAsker {
        Path ask(Window owner, String fileName, FrameExport.Format format);
    }

    private final Supplier<DocumentModel> model;
    private final Supplier<ImageCache> pictures;
    private final Consumer<String> status;
    private final Executor io;
    private SaveAsker asker = this::chooseFile;
    private FrameExport.Format lastFormat = FrameExport.Format.PNG_2X;
    private File lastFolder;
    private ExportFrameDialog dialog;

    /** {@code pictures}: the shown document's images (null: drawn as placeholders). */
    public ExportFrameCommand(Supplier<DocumentModel> model, Supplier<ImageCache> pictures, Consumer<String> status,
            Executor io) {
        this.model = model;
        this.pictures = pictures;
        this.status = status;
        this.io = io;
    }

    /** Replaces the save dialog (tests: the headless toolkit has none). */
    public void setSaveAsker(SaveAsker asker) {
        this.asker = asker;
    }

    /** The dialog while it is shown (tests). */
    public ExportFrameDialog dialog() {
        return dialog;
    }

    /** Runs the command; completes with the written file, or null when cancelled or nothing was written. */
    public CompletableFuture<Path> run(Window owner) {
        DocumentModel m = model.get();
        if (m == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (FrameExport.frames(m).isEmpty()) {
            status.accept("This page has no frames to export \u2014 draw one with the frame tool (F)");
            return CompletableFuture.completedFuture(null);
        }
        dialog = new ExportFrameDialog(owner, m, lastFormat);
        Optional<ExportFrameDialog.Choice> choice;
        try {
            choice = dialog.showAndWait();
        } finally {
            dialog = null;
        }
        if (choice.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        ExportFrameDialog.Choice c = choice.get();
        lastFormat = c.format();
        Path file = asker.ask(owner, c.format().fileName(c.frameName()), c.format());
        if (file == null) {
            return CompletableFuture.completedFuture(null);
        }
        status.accept("Exporting " + file.getFileName() + "\u2026");
        CompletableFuture<Path> out = new CompletableFuture<>();
        ImageCache images = pictures.get();
        FrameExport.export(m, c.frameId(), c.format(), file, io, images).whenComplete((p, e) -> Platform.runLater(() -> {
            if (e != null) {
                status.accept("Export failed: " + reason(e));
                out.complete(null);
                return;
            }
            int missing = FrameExport.missingPictures(m, c.frameId(), images);
            status.accept("Exported " + p.getFileName() + (missing == 0 ? ""
                    : missing == 1 ? " (1 picture could not be loaded and shows as a placeholder)"
                    : " (" + missing + " pictures could not be loaded and show as placeholders)"));
            out.complete(p);
        }));
        return out;
    }

    /** The innermost message of a failure, for people. */
    private static String reason(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.io.UncheckedIOException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    private Path chooseFile(Window owner, String fileName, FrameExport.Format format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export Frame");
        chooser.setInitialFileName(fileName);
        String ext = format.extension();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase(java.util.Locale.ROOT)
                + " images", "*." + ext));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File f = chooser.showSaveDialog(owner);
        if (f == null) {
            return null;
        }
        lastFolder = f.getParentFile();
        return f.getName().contains(".") ? f.toPath() : f.toPath().resolveSibling(f.getName() + "." + ext);
    }
}
