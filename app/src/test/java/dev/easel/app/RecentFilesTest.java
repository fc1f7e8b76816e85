package dev.easel.app;

import static dev.easel.app.AppFixture.TIMEOUT;
import static dev.easel.app.AppFixture.fx;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.app.document.LocalDocuments;
import dev.easel.app.document.OpenDocument;
import dev.easel.app.files.RecentFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.Start;

/** File > Open Recent: documents opened or saved, newest first, kept in the data folder across restarts. */
class RecentFilesTest extends OneWindowTest {
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theListKeepsTenNewestFirstAndSurvivesARestart() throws Exception {
        Path home = dir.resolve("home");
        RecentFiles recent = new RecentFiles(home);
        assertTrue(recent.entries().isEmpty(), "no file yet: an empty list");
        Path a = Files.createFile(dir.resolve("a.easel"));
        Path b = Files.createFile(dir.resolve("b.easel"));
        recent.add(a);
        recent.add(b);
        assertEquals(List.of(b, a), files(recent.entries()));
        recent.add(a);
        assertEquals(List.of(a, b), files(recent.entries()), "opening again moves it up, once");
        assertEquals(List.of(a, b), files(new RecentFiles(home).entries()), "read back by a new list object");
        assertEquals(List.of(a.toString(), b.toString()),
                Files.readAllLines(home.resolve("recent-files.txt"), StandardCharsets.UTF_8));
        try (var leftovers = Files.list(home)) {
            assertEquals(1, leftovers.count(), "the temporary file of the atomic write is gone");
        }

        for (int i = 0; i < 12; i++) {
            recent.add(dir.resolve("n" + i + ".easel"));
        }
        List<RecentFiles.Entry> full = new RecentFiles(home).entries();
        assertEquals(RecentFiles.MAX, full.size());
        assertEquals(dir.resolve("n11.easel"), full.get(0).file());
        assertFalse(full.get(0).exists(), "a file that is not there is flagged");

        recent.clear();
        assertTrue(new RecentFiles(home).entries().isEmpty());
    }

    @Test
    void openAndSaveAsFillTheMenuNewestFirst() throws Exception {
        app.awaitReady();
        Path home = dir.resolve("home");
        fx(() -> {
            app.window.recentFiles().setStore(new RecentFiles(home));
            return null;
        });
        Path first = dir.resolve("first.easel");
        Path second = dir.resolve("second.easel");
        LocalDocuments.create(first, app.identity, "Tester").close();
        LocalDocuments.create(second, app.identity, "Tester").close();

        openAndWait(first);
        openAndWait(second);
        await().atMost(TIMEOUT).until(() -> shownFiles().equals(List.of(second, first)));

        // Save As puts the copy first; the rows travel with it.
        String page = fx(() -> app.window.model().page());
        app.window.document().connection().call("create_node", Map.of("id", "r1", "kind", "rect", "page", page))
                .join();
        Path copy = dir.resolve("copy.easel");
        OpenDocument saved = fx(() -> app.window.saveAsTo(copy)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(saved.connection().replica().find("node", "r1") != null);
        await().atMost(TIMEOUT).until(() -> shownFiles().equals(List.of(copy, second, first)));
        assertEquals(List.of(copy, second, first), files(new RecentFiles(home).entries()), "on disk, for a restart");

        // The menu: one item per document, newest first; a document whose file is gone is greyed out.
        Files.delete(first);
        fx(() -> {
            app.window.recentFiles().refresh();
            return null;
        });
        await().atMost(TIMEOUT).until(() -> fx(() -> app.window.recentFiles().shown().get(2).exists()) == false);
        List<MenuItem> items = fx(() -> List.copyOf(app.window.recentFiles().getItems()));
        assertTrue(items.get(0).getText().startsWith("copy.easel"), items.get(0).getText());
        assertFalse(items.get(0).isDisable());
        assertTrue(items.get(2).isDisable());
        assertTrue(items.get(2).getText().endsWith("(missing)"));

        // Choosing an item opens it.
        fx(() -> {
            items.get(1).fire();
            return null;
        });
        await().atMost(TIMEOUT).until(() -> second.equals(fx(() -> app.window.document()).file()));
        await().atMost(TIMEOUT).until(() -> shownFiles().equals(List.of(second, copy, first)));

        // Clear Recent empties the menu and the file.
        fx(() -> {
            app.window.recentFiles().getItems().stream().filter(i -> "menu-clear-recent".equals(i.getId()))
                    .findFirst().orElseThrow().fire();
            return null;
        });
        await().atMost(TIMEOUT).until(() -> shownFiles().isEmpty());
        assertTrue(new RecentFiles(home).entries().isEmpty());
    }

    private void openAndWait(Path file) {
        fx(() -> {
            app.window.openFile(file);
            return null;
        });
        await().atMost(TIMEOUT).until(() -> file.equals(fx(() -> app.window.document()).file()));
    }

    private List<Path> shownFiles() {
        return files(fx(() -> app.window.recentFiles().shown()));
    }

    private static List<Path> files(List<RecentFiles.Entry> entries) {
        return entries.stream().map(RecentFiles.Entry::file).toList();
    }
}
