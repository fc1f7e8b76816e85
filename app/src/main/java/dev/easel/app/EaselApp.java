package dev.easel.app;

import dev.easel.app.document.LocalDocuments;
import dev.easel.app.document.OpenDocument;
import dev.easel.host.identity.DataFolder;
import dev.easel.host.identity.KeyIdentity;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/**
 * The desktop app. It opens the main window at once, then (off the JavaFX thread) loads this installation's
 * identity and opens the document: a new unsaved one, or the file named on the command line.
 */
public final class EaselApp extends Application {
    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        Path file = args.isEmpty() ? null : Path.of(args.get(0));
        String name = System.getProperty("user.name", "Designer");
        CompletableFuture.supplyAsync(() -> {
            try {
                KeyIdentity key = KeyIdentity.loadOrCreate(DataFolder.identityKey());
                OpenDocument doc = file == null ? LocalDocuments.createUnsaved(key.identity(), name)
                        : java.nio.file.Files.exists(file) ? LocalDocuments.open(file, key.identity(), name)
                        : LocalDocuments.create(file, key.identity(), name);
                return new Object[] {key, doc};
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).whenComplete((r, e) -> Platform.runLater(() -> {
            if (e != null) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                Alert a = new Alert(Alert.AlertType.ERROR, String.valueOf(cause.getMessage()));
                a.setHeaderText("Easel could not open " + (file == null ? "a new document" : file.toString()));
                a.showAndWait();
                Platform.exit();
                return;
            }
            KeyIdentity key = (KeyIdentity) r[0];
            OpenDocument doc = (OpenDocument) r[1];
            MainWindow window = new MainWindow(stage, key, name);
            window.show(doc);
            stage.show();
        }));
    }
}
