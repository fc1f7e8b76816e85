package dev.easel.app;

import static dev.easel.app.AppFixture.TIMEOUT;
import static dev.easel.app.AppFixture.fx;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.app.document.OpenDocument;
import dev.easel.app.files.RecentFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Closing a document that lives only in memory asks first (quit, closing the window, New, Open), and Cancel
 * keeps the window and the document; a document with a file has nothing unsaved and closes without asking.
 */
class UnsavedChangesTest extends OneWindowTest {
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private void drawARect() {
        String page = fx(() -> app.window.model().page());
        app.document.connection().call("create_node", Map.of("id", "r1", "kind", "rect", "page", page, "x", 10.0,
                "y", 10.0, "w", 40.0, "h", 40.0)).join();
        app.awaitNode(r -> "r1".equals(r.get(app.col("id"))));
    }

    @Test
    void anEmptyNewDocumentClosesWithoutAsking() {
        app.awaitReady();
        assertFalse(app.document.hasUnsavedChanges());
        fx(() -> {
            app.window.newDocument();
            return null;
        });
        assertNull(fx(() -> app.window.unsavedPrompt()));
        await().atMost(TIMEOUT).until(() -> fx(() -> app.window.document()) != app.document);
    }

    @Test
    void quitAndCloseAskAndCancelKeepsTheWindowAndTheDocument(FxRobot robot) {
        app.awaitReady();
        drawARect();
        assertTrue(app.document.hasUnsavedChanges());

        // File > Quit asks; Cancel keeps everything.
        fx(() -> {
            app.window.quit();
            return null;
        });
        Alert prompt = fx(() -> app.window.unsavedPrompt());
        assertNotNull(prompt);
        assertEquals("Save changes to \u201cUntitled\u201d before closing?", fx(prompt::getHeaderText));
        assertTrue(fx(prompt::isShowing));
        assertEquals("Save", robot.lookup("#unsaved-save").queryAs(Button.class).getText());
        assertEquals("Don\u2019t Save", robot.lookup("#unsaved-dont-save").queryAs(Button.class).getText());
        robot.clickOn(robot.lookup("#unsaved-cancel").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(prompt::isShowing));
        assertNull(fx(() -> app.window.unsavedPrompt()));
        assertTrue(fx(() -> app.window.stage().isShowing()));
        assertSame(app.document, fx(() -> app.window.document()));
        assertNotNull(app.document.connection().replica().find("node", "r1"));

        // Closing the window asks the same.
        fx(() -> {
            app.window.stage().fireEvent(new WindowEvent(app.window.stage(), WindowEvent.WINDOW_CLOSE_REQUEST));
            return null;
        });
        assertTrue(fx(() -> app.window.unsavedPrompt() != null && app.window.unsavedPrompt().isShowing()));
        robot.clickOn(robot.lookup("#unsaved-cancel").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> app.window.stage().isShowing()));
        assertSame(app.document, fx(() -> app.window.document()));
        assertEquals(1, app.confirmedNodes().size());
    }

    @Test
    void newAsksAndDontSaveReplacesTheDocument(FxRobot robot) {
        app.awaitReady();
        drawARect();
        fx(() -> {
            app.window.newDocument();
            return null;
        });
        assertTrue(fx(() -> app.window.unsavedPrompt() != null));
        assertSame(app.document, fx(() -> app.window.document()), "nothing happens before the answer");
        robot.clickOn(robot.lookup("#unsaved-dont-save").queryAs(Button.class));
        await().atMost(TIMEOUT).until(() -> fx(() -> app.window.document()) != app.document);
        OpenDocument fresh = fx(() -> app.window.document());
        await().atMost(TIMEOUT).until(() -> fx(() -> app.window.model().page() != null));
        assertTrue(fresh.connection().replica().rows("node").isEmpty());
        assertNull(fresh.file());
    }

    @Test
    void openAsksCancelKeepsTheDocumentAndASavedDocumentClosesWithoutAsking(FxRobot robot) throws Exception {
        app.awaitReady();
        fx(() -> {
            app.window.recentFiles().setStore(new RecentFiles(dir.resolve("home")));
            return null;
        });
        drawARect();
        Path other = dir.resolve("other.easel");
        dev.easel.app.document.LocalDocuments.create(other, app.identity, "Tester").close();
        fx(() -> {
            app.window.openFile(other);
            return null;
        });
        assertTrue(fx(() -> app.window.unsavedPrompt() != null));
        robot.clickOn(robot.lookup("#unsaved-cancel").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(app.document, fx(() -> app.window.document()));

        // Saved to a file, every edit is on disk: opening another document does not ask.
        Path saved = dir.resolve("saved.easel");
        OpenDocument copy = fx(() -> app.window.saveAsTo(saved)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(saved, copy.file());
        assertTrue(Files.isRegularFile(saved));
        assertNotNull(copy.connection().replica().find("node", "r1"));
        assertFalse(copy.hasUnsavedChanges());
        fx(() -> {
            app.window.openFile(other);
            return null;
        });
        assertNull(fx(() -> app.window.unsavedPrompt()));
        await().atMost(TIMEOUT).until(() -> other.equals(fx(() -> app.window.document()).file()));
    }
}
