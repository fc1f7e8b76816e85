package dev.easel.app.files;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * File > Open Recent: the documents of a {@link RecentFiles} list, newest first, those whose file is gone
 * greyed out, and Clear Recent. The list is read and written on the given executor (it touches the disk); the
 * items are rebuilt on the JavaFX thread, and checked again each time the submenu opens.
 */
public final class RecentFilesMenu extends Menu {
    private final Executor io;
    private final Consumer<Path> open;
    private RecentFiles store;
    private List<RecentFiles.Entry> shown = List.of();

    public RecentFilesMenu(RecentFiles store, Executor io, Consumer<Path> open) {
        super("Open Recent");
        setId("menu-open-recent");
        this.store = store;
        this.io = io;
        this.open = open;
        setOnShowing(e -> refresh());
        rebuild();
    }

    /** Uses another list (tests use one in a temporary folder) and shows it. */
    public void setStore(RecentFiles store) {
        this.store = store;
        refresh();
    }

    /** Reads the list again, checking which files are still there. */
    public void refresh() {
        update(() -> store.entries());
    }

    /** Puts a document just opened or saved first. */
    public void remember(Path file) {
        update(() -> store.add(file));
    }

    /** Forgets a document that could not be opened. */
    public void forget(Path file) {
        update(() -> store.remove(file));
    }

    public void clear() {
        update(() -> store.clear());
    }

    /** The documents listed now, newest first (tests read this). */
    public List<RecentFiles.Entry> shown() {
        return shown;
    }

    private void update(Supplier<List<RecentFiles.Entry>> job) {
        RecentFiles s = store;
        try {
            io.execute(() -> run(s, job));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The window is closing.
        }
    }

    private void run(RecentFiles s, Supplier<List<RecentFiles.Entry>> job) {
        {
            List<RecentFiles.Entry> entries;
            try {
                entries = job.get();
            } catch (RuntimeException e) {
                // The list is a convenience: a disk problem must not get in the way of the document.
                return;
            }
            Platform.runLater(() -> {
                if (store == s) {
                    shown = entries;
                    rebuild();
                }
            });
        }
    }

    private void rebuild() {
        getItems().clear();
        for (int i = 0; i < shown.size(); i++) {
            RecentFiles.Entry entry = shown.get(i);
            Path file = entry.file();
            Path folder = file.getParent();
            MenuItem item = new MenuItem(file.getFileName() + (folder == null ? "" : "  \u2014  " + folder)
                    + (entry.exists() ? "" : "  (missing)"));
            item.setMnemonicParsing(false);
            item.setId("recent-" + i);
            item.setDisable(!entry.exists());
            item.setOnAction(e -> open.accept(file));
            getItems().add(item);
        }
        if (shown.isEmpty()) {
            MenuItem none = new MenuItem("No Recent Documents");
            none.setDisable(true);
            getItems().add(none);
        }
        MenuItem clear = new MenuItem("Clear Recent");
        clear.setId("menu-clear-recent");
        clear.setDisable(shown.isEmpty());
        clear.setOnAction(e -> clear());
        getItems().addAll(new SeparatorMenuItem(), clear);
    }
}
