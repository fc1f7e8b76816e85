package dev.easel.app;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.LocalDocuments;
import dev.easel.app.document.NodeView;
import dev.easel.app.document.OpenDocument;
import dev.easel.app.export.PngExport;
import dev.easel.app.gesture.GestureController;
import dev.easel.app.panels.LayersPanel;
import dev.easel.app.panels.PropertiesPanel;
import dev.easel.app.panels.StatusBar;
import dev.easel.app.panels.ToolPalette;
import dev.easel.app.theme.Themes;
import dev.easel.app.tool.Tool;
import dev.easel.engine.tx.Identity;
import dev.easel.host.session.CallFailedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The editor window: menus and tools on top, layers on the left, the canvas in the middle, properties on the
 * right, the status bar below. It shows one {@link OpenDocument} at a time; opening, saving and closing
 * documents run on a background thread, never on the JavaFX thread.
 */
public final class MainWindow {
    private final Stage stage;
    private final Identity identity;
    private final String displayName;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "easel-io");
        t.setDaemon(true);
        return t;
    });

    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(Tool.SELECT);
    private final CanvasView canvas = new CanvasView();
    private final LayersPanel layers = new LayersPanel();
    private final PropertiesPanel properties = new PropertiesPanel();
    private final StatusBar status = new StatusBar();
    private final BorderPane root = new BorderPane();
    private final Scene scene;
    private Themes theme = Themes.LIGHT;

    private OpenDocument document;
    private DocumentModel model;

    public MainWindow(Stage stage, Identity identity, String displayName) {
        this.stage = stage;
        this.identity = identity;
        this.displayName = displayName;
        canvas.setId("canvas");
        layers.setId("layers");
        properties.setId("properties");
        status.setId("status");
        new GestureController(canvas, tool);
        VBox top = new VBox(AppMenus.build(this), new ToolPalette(tool));
        root.setTop(top);
        root.setLeft(layers);
        root.setCenter(canvas);
        root.setRight(properties);
        root.setBottom(status);
        root.getStyleClass().add("main-window");
        scene = new Scene(root, 1280, 800);
        scene.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        setTheme(theme);
        canvas.viewport().addListener(() -> status.setZoom(canvas.viewport().zoom()));
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(400);
        stage.setOnCloseRequest(e -> {
            e.consume();
            quit();
        });
        updateTitle();
    }

    public Stage stage() {
        return stage;
    }

    public Scene scene() {
        return scene;
    }

    public CanvasView canvas() {
        return canvas;
    }

    public LayersPanel layers() {
        return layers;
    }

    public StatusBar status() {
        return status;
    }

    public ObjectProperty<Tool> tool() {
        return tool;
    }

    public DocumentModel model() {
        return model;
    }

    public OpenDocument document() {
        return document;
    }

    public Themes theme() {
        return theme;
    }

    public void setTheme(Themes t) {
        theme = t;
        t.applyTo(scene);
        canvas.setBackgroundColor(t.canvasBackground());
    }

    /**
     * Shows a document, closing the one shown before (in the background). Call on the JavaFX thread;
     * completes when the document's rows are in its replica.
     */
    public CompletableFuture<Void> show(OpenDocument doc) {
        OpenDocument old = document;
        if (model != null) {
            model.close();
        }
        document = doc;
        model = new DocumentModel(doc.connection(), Platform::runLater);
        model.setErrorHandler(this::callFailed);
        model.addListener((ids, structure) -> status.setNodeCount(model.nodeCount()));
        canvas.setModel(model);
        layers.setModel(model);
        properties.setModel(model);
        status.watch(doc.connection());
        status.setNodeCount(0);
        updateTitle();
        if (old != null && old != doc) {
            io.execute(old::close);
        }
        DocumentModel m = model;
        return m.open().whenComplete((r, e) -> {
            if (e != null) {
                Platform.runLater(() -> callFailed(e));
            }
        });
    }

    private void updateTitle() {
        stage.setTitle((document == null ? "Easel" : document.title() + " \u2014 Easel"));
    }

    private void callFailed(Throwable e) {
        Throwable cause = e.getCause() != null && !(e instanceof CallFailedException) ? e.getCause() : e;
        status.setMessage(cause instanceof CallFailedException cf ? cf.getMessage() : String.valueOf(cause.getMessage()));
    }

    // ---- keys ------------------------------------------------------------------------------------------

    private void keyPressed(KeyEvent e) {
        if (e.isConsumed() || scene.getFocusOwner() instanceof TextInputControl || model == null) {
            return;
        }
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        KeyCode code = e.getCode();
        Tool t = Tool.forKey(code);
        if (t != null && !e.isShiftDown()) {
            tool.set(t);
            e.consume();
            return;
        }
        switch (code) {
            case BACK_SPACE -> deleteSelection();
            case ESCAPE -> {
                model.selection().clear();
                tool.set(Tool.SELECT);
            }
            case LEFT -> nudge(-1, 0, e.isShiftDown());
            case RIGHT -> nudge(1, 0, e.isShiftDown());
            case UP -> nudge(0, -1, e.isShiftDown());
            case DOWN -> nudge(0, 1, e.isShiftDown());
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Moves the selection by one pixel (ten with shift): one call, one undo step. */
    private void nudge(double dx, double dy, boolean big) {
        double step = big ? 10 : 1;
        Map<String, double[]> moves = new LinkedHashMap<>();
        for (String id : model.selection().ids()) {
            NodeView n = model.node(id);
            if (n != null) {
                moves.put(id, new double[] {n.x() + dx * step, n.y() + dy * step});
            }
        }
        if (!moves.isEmpty()) {
            model.moveNodes(moves);
        }
    }

    // ---- commands --------------------------------------------------------------------------------------

    void newDocument() {
        background("Creating a document", () -> LocalDocuments.createUnsaved(identity, displayName));
    }

    void openDocument() {
        FileChooser chooser = documentChooser("Open Document");
        java.io.File f = chooser.showOpenDialog(stage);
        if (f != null) {
            Path file = f.toPath();
            background("Opening " + file.getFileName(), () -> LocalDocuments.open(file, identity, displayName));
        }
    }

    /** Opens a document file, as {@code ./easel FILE} does. */
    public void openFile(Path file) {
        background("Opening " + file.getFileName(), () -> LocalDocuments.open(file, identity, displayName));
    }

    void save() {
        if (document == null || !document.hosted()) {
            status.setMessage("This document is saved by its host");
        } else if (document.file() == null) {
            saveAs();
        } else {
            status.setMessage("Saved \u2014 every change is written to " + document.file().getFileName() + " as you edit");
        }
    }

    void saveAs() {
        if (document == null || !document.hosted()) {
            status.setMessage("Only a document you host can be saved here");
            return;
        }
        FileChooser chooser = documentChooser("Save Document As");
        chooser.setInitialFileName(document.title() + ".easel");
        java.io.File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        Path target = f.getName().contains(".") ? f.toPath() : f.toPath().resolveSibling(f.getName() + ".easel");
        if (target.equals(document.file())) {
            save();
            return;
        }
        OpenDocument current = document;
        background("Saving " + target.getFileName(),
                () -> LocalDocuments.saveAs(current, target, identity, displayName));
    }

    /** Runs a document-producing job off the JavaFX thread, then shows its result. */
    private void background(String what, Supplier<OpenDocument> job) {
        status.setMessage(what + "\u2026");
        CompletableFuture.supplyAsync(job, io).whenComplete((doc, e) -> Platform.runLater(() -> {
            if (e != null) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                status.setMessage(what + " failed");
                Alert a = new Alert(Alert.AlertType.ERROR, String.valueOf(cause.getMessage()));
                a.setHeaderText(what + " failed");
                a.initOwner(stage);
                a.show();
            } else {
                show(doc);
                status.setMessage(doc.file() == null ? "New document" : doc.file().toString());
            }
        }));
    }

    private static FileChooser documentChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Easel documents", "*.easel"));
        return chooser;
    }

    void exportPng(double scale) {
        if (model == null) {
            return;
        }
        Bounds area = selectionBounds();
        WritableImage image = PngExport.render(model, area, scale, null);
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export PNG");
        chooser.setInitialFileName(document.title() + (scale == 1 ? "" : "@" + (int) scale + "x") + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG images", "*.png"));
        java.io.File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        io.execute(() -> {
            try {
                PngExport.write(image, f.toPath());
                Platform.runLater(() -> status.setMessage("Exported " + f.getName()));
            } catch (java.io.IOException e) {
                Platform.runLater(() -> status.setMessage("Export failed: " + e.getMessage()));
            }
        });
    }

    void quit() {
        OpenDocument doc = document;
        if (model != null) {
            model.close();
        }
        stage.hide();
        io.execute(() -> {
            if (doc != null) {
                doc.close();
            }
            Platform.exit();
        });
        io.shutdown();
    }

    void undo() {
        if (model != null) {
            model.undo();
        }
    }

    void redo() {
        if (model != null) {
            model.redo();
        }
    }

    void deleteSelection() {
        if (model != null) {
            model.deleteNodes(model.selection().ids());
            model.selection().clear();
        }
    }

    void selectAll() {
        if (model != null) {
            List<String> ids = new ArrayList<>();
            for (NodeView n : model.children(null)) {
                ids.add(n.id());
            }
            model.selection().set(ids);
        }
    }

    void zoomIn() {
        canvas.viewport().zoomIn(canvas.getWidth() / 2, canvas.getHeight() / 2);
    }

    void zoomOut() {
        canvas.viewport().zoomOut(canvas.getWidth() / 2, canvas.getHeight() / 2);
    }

    void actualSize() {
        canvas.viewport().zoomAt(1, canvas.getWidth() / 2, canvas.getHeight() / 2);
    }

    void zoomToFit() {
        canvas.viewport().fit(canvas.contentBounds(), canvas.getWidth(), canvas.getHeight());
    }

    void zoomToSelection() {
        Bounds b = selectionBounds();
        if (b != null) {
            canvas.viewport().fit(b, canvas.getWidth(), canvas.getHeight());
        }
    }

    private Bounds selectionBounds() {
        if (model == null || model.selection().isEmpty()) {
            return null;
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (String id : model.selection().ids()) {
            NodeView n = model.node(id);
            if (n != null) {
                Bounds b = canvas.worldBounds(n);
                minX = Math.min(minX, b.getMinX());
                minY = Math.min(minY, b.getMinY());
                maxX = Math.max(maxX, b.getMaxX());
                maxY = Math.max(maxY, b.getMaxY());
            }
        }
        return minX > maxX ? null : new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }
}
