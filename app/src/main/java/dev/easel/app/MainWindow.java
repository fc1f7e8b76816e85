package dev.easel.app;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.collab.Collaborators;
import dev.easel.app.collab.PresenceSender;
import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.LocalDocuments;
import dev.easel.app.document.NodeView;
import dev.easel.app.document.OpenDocument;
import dev.easel.app.export.PngExport;
import dev.easel.app.edit.EditCommands;
import dev.easel.app.export.SvgExport;
import dev.easel.app.gesture.GestureController;
import dev.easel.app.gesture.TextEditor;
import dev.easel.app.panels.LayersPanel;
import dev.easel.app.panels.PresenceBar;
import dev.easel.app.panels.PropertiesPanel;
import dev.easel.app.panels.StatusBar;
import dev.easel.app.panels.ToolPalette;
import dev.easel.app.theme.Themes;
import dev.easel.app.tool.Tool;
import dev.easel.engine.tx.Identity;
import dev.easel.host.client.RemoteConnection;
import dev.easel.host.identity.KeyIdentity;
import dev.easel.host.server.HostedSession;
import dev.easel.host.server.SessionServer;
import dev.easel.host.session.CallFailedException;
import dev.easel.host.session.Invite;
import dev.easel.host.session.Role;
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
    private KeyIdentity keys;
    /** Network work (hosting, joining, leaving): never on the JavaFX thread, never behind disk work. */
    private final ExecutorService net = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "easel-net");
        t.setDaemon(true);
        return t;
    });
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
    private final PresenceBar presenceBar = new PresenceBar();
    private final TextEditor textEditor = new TextEditor(canvas);
    private final EditCommands edits = new EditCommands(() -> this.model, m -> this.status.setMessage(m));
    private Collaborators collaborators;
    private PresenceSender presence;
    private SessionServer server;
    private HostedSession hosted;
    private SessionDialogs.HostDialog hostDialog;
    private final BorderPane root = new BorderPane();
    private final Scene scene;
    private Themes theme = Themes.LIGHT;

    private OpenDocument document;
    private DocumentModel model;

    /** A window for this installation's key pair: it can host and join sessions as that identity. */
    public MainWindow(Stage stage, KeyIdentity keys, String displayName) {
        this(stage, keys.identity(), displayName);
        this.keys = keys;
    }

    public MainWindow(Stage stage, Identity identity, String displayName) {
        this.stage = stage;
        this.identity = identity;
        this.displayName = displayName;
        canvas.setId("canvas");
        layers.setId("layers");
        properties.setId("properties");
        status.setId("status");
        GestureController gestures = new GestureController(canvas, tool);
        gestures.setOnEditText(textEditor::edit);
        ToolPalette palette = new ToolPalette(tool);
        javafx.scene.layout.Region spring = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(spring, javafx.scene.layout.Priority.ALWAYS);
        presenceBar.setId("presence-bar");
        presenceBar.setOnJump(this::jumpTo);
        palette.getItems().addAll(spring, presenceBar);
        VBox top = new VBox(AppMenus.build(this), palette);
        root.setTop(top);
        root.setLeft(layers);
        root.setCenter(canvas);
        root.setRight(properties);
        root.setBottom(status);
        root.getStyleClass().add("main-window");
        scene = new Scene(root, 1280, 800);
        scene.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        setTheme(theme);
        canvas.viewport().addListener(() -> {
            status.setZoom(canvas.viewport().zoom());
            sendView();
        });
        canvas.widthProperty().addListener((o, a, b) -> sendView());
        canvas.heightProperty().addListener((o, a, b) -> sendView());
        canvas.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_MOVED, this::pointerMoved);
        canvas.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_DRAGGED, this::pointerMoved);
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

    public TextEditor textEditor() {
        return textEditor;
    }

    public EditCommands edits() {
        return edits;
    }

    public PresenceBar presenceBar() {
        return presenceBar;
    }

    public Collaborators collaborators() {
        return collaborators;
    }

    public PresenceSender presence() {
        return presence;
    }

    /** The session this window hosts, or null. */
    public HostedSession hostedSession() {
        return hosted;
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
        textEditor.commit();
        if (model != null) {
            model.close();
        }
        if (old != null && old != doc && hosted != null) {
            stopHosting(false);
        }
        if (collaborators != null) {
            collaborators.close();
        }
        if (presence != null) {
            presence.close();
        }
        document = doc;
        model = new DocumentModel(doc.connection(), Platform::runLater);
        model.setErrorHandler(this::callFailed);
        model.addListener((ids, structure) -> status.setNodeCount(model.nodeCount()));
        canvas.setModel(model);
        collaborators = new Collaborators(doc.connection(), Platform::runLater);
        presence = new PresenceSender(doc.connection());
        Collaborators c = collaborators;
        c.addListener(() -> sessionChanged(c));
        canvas.setCollaborators(c);
        presenceBar.setCollaborators(c);
        DocumentModel selModel = model;
        PresenceSender sender = presence;
        model.selection().addListener(() -> {
            sender.selectionChanged(List.copyOf(selModel.selection().ids()));
            warnIfLocked(selModel, c);
        });
        if (hosted == null) {
            status.setSession(doc.hosted() ? null : "Joined as " + doc.connection().role());
        }
        layers.setModel(model);
        properties.setModel(model);
        status.watch(doc.connection());
        status.setNodeCount(0);
        updateTitle();
        if (old != null && old != doc) {
            io.execute(old::close);
        }
        DocumentModel m = model;
        return m.open().thenCompose(r -> c.open()).thenRun(() -> Platform.runLater(this::sendView))
                .whenComplete((r, e) -> {
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

    // ---- collaboration --------------------------------------------------------------------------------

    private void pointerMoved(javafx.scene.input.MouseEvent e) {
        if (presence != null && model != null) {
            javafx.geometry.Point2D w = canvas.viewport().toWorld(e.getX(), e.getY());
            presence.pointerMoved(w.getX(), w.getY(), model.page());
        }
    }

    private void sendView() {
        if (presence != null && model != null && canvas.getWidth() > 0) {
            Bounds v = canvas.viewport().visibleWorld(canvas.getWidth(), canvas.getHeight());
            presence.viewChanged(model.page(), canvas.viewport().zoom(), v.getMinX(), v.getMinY(), v.getWidth(),
                    v.getHeight());
        }
    }

    /** Warns, in the status bar, when what was just selected is being edited by someone else. */
    private void warnIfLocked(DocumentModel m, Collaborators c) {
        String self = c.selfIdentity();
        for (String id : m.selection().ids()) {
            NodeView n = m.node(id);
            if (n != null && n.lockedBy() != null && !n.lockedBy().equals(self)) {
                Collaborators.Peer p = c.peer(n.lockedBy());
                String who = p != null && p.name() != null ? p.name() : "Someone else";
                String what = n.name() == null || n.name().isBlank() ? "this " + n.kind() : "\u201c" + n.name() + "\u201d";
                status.setWarning(who + " is editing " + what + " \u2014 your changes may overwrite theirs");
                return;
            }
        }
    }

    private void sessionChanged(Collaborators c) {
        if (hosted != null) {
            int n = c.all().size();
            status.setSession("Hosting \u00b7 " + n + (n == 1 ? " person" : " people"));
        }
    }

    /** Shows what another member is looking at: their viewport fitted into this canvas, at most their zoom. */
    public void jumpTo(Collaborators.Peer p) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        double z;
        double cx;
        double cy;
        if (p.viewW() > 0 && p.viewH() > 0) {
            z = Math.min(p.zoom() > 0 ? p.zoom() : 1, Math.min(w / p.viewW(), h / p.viewH()));
            cx = p.viewX() + p.viewW() / 2;
            cy = p.viewY() + p.viewH() / 2;
        } else if (p.hasCursor()) {
            z = p.zoom() > 0 ? p.zoom() : canvas.viewport().zoom();
            cx = p.cursorX();
            cy = p.cursorY();
        } else {
            status.setMessage((p.name() == null ? "They" : p.name()) + " has not shown where they are yet");
            return;
        }
        z = Math.max(dev.easel.app.canvas.Viewport.MIN_ZOOM, Math.min(dev.easel.app.canvas.Viewport.MAX_ZOOM, z));
        canvas.viewport().set(z, w / 2 - cx * z, h / 2 - cy * z);
        status.setMessage("Showing " + (p.name() == null ? "their" : p.name() + "\u2019s") + " view");
    }

    // ---- sessions -------------------------------------------------------------------------------------

    /** Menu: hosts the current document on the LAN (the default port, or any free one if it is taken). */
    void hostSessionFromMenu() {
        if (hosted != null) {
            showHostDialog();
            return;
        }
        hostSession(null, true);
    }

    /**
     * Hosts the current document: starts a session server (off the JavaFX thread) with {@code options}, or
     * on the LAN at the default port (any free port if that is taken) when null. Completes on the JavaFX
     * thread with the session; shows the invite dialog if asked.
     */
    public CompletableFuture<HostedSession> hostSession(SessionServer.Options options, boolean showDialog) {
        CompletableFuture<HostedSession> out = new CompletableFuture<>();
        OpenDocument doc = document;
        if (doc == null || !doc.hosted()) {
            error("Cannot host this document", "Only a document this app opened can be hosted; "
                    + "this one is hosted by someone else.");
            out.completeExceptionally(new IllegalStateException("not hosted here"));
            return out;
        }
        if (hosted != null) {
            out.complete(hosted);
            return out;
        }
        status.setMessage("Starting the session\u2026");
        CompletableFuture.supplyAsync(() -> {
            SessionServer s;
            if (options != null) {
                s = SessionServer.start(options);
            } else {
                try {
                    s = SessionServer.start(SessionServer.Options.lan(SessionServer.DEFAULT_PORT));
                } catch (IllegalStateException taken) {
                    s = SessionServer.start(SessionServer.Options.lan(0));
                }
            }
            try {
                return new Object[] {s, s.host(doc.engine(), dev.easel.host.canvas.CanvasAssets.of(doc.engine()))};
            } catch (RuntimeException e) {
                s.close();
                throw e;
            }
        }, net).whenComplete((r, e) -> Platform.runLater(() -> {
            if (e != null) {
                status.setMessage("Could not host the session");
                error("Could not host the session", message(e));
                out.completeExceptionally(e);
                return;
            }
            SessionServer s = (SessionServer) r[0];
            HostedSession session = (HostedSession) r[1];
            if (document != doc) {
                net.execute(s::close);
                out.completeExceptionally(new IllegalStateException("the document changed"));
                return;
            }
            server = s;
            hosted = session;
            status.setMessage("Hosting on port " + s.port());
            if (collaborators != null) {
                sessionChanged(collaborators);
            }
            if (showDialog) {
                showHostDialog();
            }
            out.complete(session);
        }));
        return out;
    }

    /** The invite dialog of the hosted session (null if none is shown). */
    public SessionDialogs.HostDialog hostDialog() {
        return hostDialog;
    }

    private void showHostDialog() {
        if (hosted == null) {
            return;
        }
        if (hostDialog != null && hostDialog.isShowing()) {
            ((javafx.stage.Stage) hostDialog.getDialogPane().getScene().getWindow()).toFront();
            return;
        }
        hostDialog = new SessionDialogs.HostDialog(stage, hosted.invite(Role.EDITOR).link(),
                hosted.invite(Role.VIEWER).link(), () -> stopHosting(true));
        hostDialog.show();
    }

    /** Menu: asks for a link and a name, then joins. */
    void joinSessionFromMenu() {
        SessionDialogs.askJoin(stage, displayName).ifPresent(j -> joinSession(j.link(), j.name()));
    }

    /**
     * Joins the session an invite link names (off the JavaFX thread) and shows its document in this window.
     * Completes on the JavaFX thread once the document is shown; a bad link or a refused join is shown in a
     * dialog and fails the future.
     */
    public CompletableFuture<Void> joinSession(String link, String name) {
        CompletableFuture<Void> out = new CompletableFuture<>();
        Invite invite;
        try {
            invite = Invite.parse(link);
        } catch (IllegalArgumentException e) {
            error("Cannot join", e.getMessage());
            out.completeExceptionally(e);
            return out;
        }
        String who = name == null || name.isBlank() ? displayName : name.trim();
        status.setMessage("Joining " + invite.host() + ":" + invite.port() + "\u2026");
        CompletableFuture.supplyAsync(() -> {
            synchronized (this) {
                if (keys == null) {
                    keys = KeyIdentity.generate();
                }
            }
            return RemoteConnection.join(invite, keys, who, RemoteConnection.Options.DEFAULT);
        }, net).whenComplete((conn, e) -> Platform.runLater(() -> {
            if (e != null) {
                status.setMessage("Could not join the session");
                error("Could not join the session", message(e));
                out.completeExceptionally(e);
                return;
            }
            if (hosted != null) {
                stopHosting(false);
            }
            show(new OpenDocument(conn, null, null)).whenComplete((r, e2) -> Platform.runLater(() -> {
                if (e2 != null) {
                    out.completeExceptionally(e2);
                } else {
                    status.setMessage("Joined as " + who);
                    out.complete(null);
                }
            }));
        }));
        return out;
    }

    /** Menu: ends the session this window hosts, or leaves the one it joined (opening a new document). */
    void leaveSession() {
        if (hosted != null) {
            stopHosting(true);
        } else if (document != null && !document.hosted()) {
            status.setSession(null);
            background("Leaving the session", () -> LocalDocuments.createUnsaved(identity, displayName));
        } else {
            status.setMessage("This window is not in a session");
        }
    }

    /** Ends hosting: everyone who joined is disconnected; the document stays open here. */
    private void stopHosting(boolean tell) {
        SessionServer s = server;
        HostedSession h = hosted;
        server = null;
        hosted = null;
        if (hostDialog != null) {
            hostDialog.close();
            hostDialog = null;
        }
        status.setSession(null);
        if (tell) {
            status.setMessage("Session ended \u2014 the document stays open here");
        }
        if (s != null) {
            net.execute(() -> {
                try {
                    s.end(h);
                } finally {
                    s.close();
                }
            });
        }
    }

    private void error(String header, String text) {
        Alert a = new Alert(Alert.AlertType.ERROR, text);
        a.setHeaderText(header);
        a.initOwner(stage);
        a.show();
    }

    /** The message of a failure, for people: the innermost cause's message, never a stack trace. */
    private static String message(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
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
            case ENTER -> {
                NodeView only = model.node(model.selection().single());
                if (only == null || !"text".equals(only.kind())) {
                    return;
                }
                textEditor.edit(only);
            }
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
        if (hosted != null) {
            stopHosting(false);
        }
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

    /** Whether an Edit command should act on the canvas (not on a text field that has the focus). */
    private boolean canvasCommand() {
        return model != null && !(scene.getFocusOwner() instanceof TextInputControl);
    }

    void copy() {
        if (canvasCommand()) {
            edits.copy();
        }
    }

    void paste() {
        if (canvasCommand()) {
            edits.paste();
        }
    }

    void duplicate() {
        if (canvasCommand()) {
            edits.duplicate();
        }
    }

    void group() {
        if (canvasCommand()) {
            edits.group();
        }
    }

    void ungroup() {
        if (canvasCommand()) {
            edits.ungroup();
        }
    }

    void bringForward() {
        if (canvasCommand()) {
            edits.bringForward();
        }
    }

    void sendBackward() {
        if (canvasCommand()) {
            edits.sendBackward();
        }
    }

    /** Exports the selection (or, with nothing selected, the whole page) as an SVG file. */
    void exportSvg() {
        if (model == null) {
            return;
        }
        String svg = SvgExport.render(model, model.selection().ids());
        if (svg == null) {
            status.setMessage("Nothing to export");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export SVG");
        chooser.setInitialFileName(document.title() + ".svg");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("SVG images", "*.svg"));
        java.io.File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        io.execute(() -> {
            try {
                SvgExport.write(svg, f.toPath());
                Platform.runLater(() -> status.setMessage("Exported " + f.getName()));
            } catch (java.io.IOException e) {
                Platform.runLater(() -> status.setMessage("Export failed: " + e.getMessage()));
            }
        });
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
