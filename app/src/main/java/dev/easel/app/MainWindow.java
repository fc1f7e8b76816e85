package dev.easel.app;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.collab.Collaborators;
import dev.easel.app.collab.FollowMode;
import dev.easel.app.collab.LinkStatus;
import dev.easel.app.collab.LinkWatcher;
import dev.easel.app.collab.PresenceSender;
import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.LocalDocuments;
import dev.easel.app.document.NodeView;
import dev.easel.app.document.OpenDocument;
import dev.easel.app.export.PngExport;
import dev.easel.app.files.RecentFiles;
import dev.easel.app.files.RecentFilesMenu;
import dev.easel.app.files.UnsavedChangesPrompt;
import dev.easel.app.edit.ClipboardCommands;
import dev.easel.app.edit.EditCommands;
import dev.easel.app.export.ExportFrameCommand;
import dev.easel.app.images.AssetLoader;
import dev.easel.app.images.CanvasPictures;
import dev.easel.app.images.ImageCache;
import dev.easel.app.images.ImageDrop;
import dev.easel.app.images.ImageInserter;
import dev.easel.app.images.UploadLimit;
import dev.easel.app.export.SvgExport;
import dev.easel.app.gesture.GestureController;
import dev.easel.app.gesture.TextEditor;
import dev.easel.app.panels.ConnectionBanner;
import dev.easel.app.panels.FollowIndicator;
import dev.easel.app.panels.LayersPanel;
import dev.easel.app.panels.PagesPanel;
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
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The editor window: menus and tools on top, pages and layers on the left, the canvas in the middle,
 * properties on the right, the status bar below. It shows one {@link OpenDocument} at a time; opening, saving and closing
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

    /** Fetching and decoding images: off the JavaFX thread, two at a time, never behind disk or session work. */
    private final ExecutorService imageLoads = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "easel-images");
        t.setDaemon(true);
        return t;
    });
    private ImageCache pictures;

    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(Tool.SELECT);
    /** The document shown is not {@link DocumentModel#editable}: the editing tools and commands are off. */
    private final ReadOnlyBooleanWrapper viewOnly = new ReadOnlyBooleanWrapper();
    private final CanvasView canvas = new CanvasView();
    private final LayersPanel layers = new LayersPanel();
    private final PagesPanel pages = new PagesPanel();
    private final PropertiesPanel properties = new PropertiesPanel();
    private final StatusBar status = new StatusBar();
    private final PresenceBar presenceBar = new PresenceBar();
    private final TextEditor textEditor = new TextEditor(canvas);
    private final EditCommands edits = new EditCommands(() -> this.model, m -> this.status.setMessage(m));
    private final ImageInserter images = new ImageInserter(() -> this.model,
            () -> UploadLimit.of(this.document != null && this.document.hosted()), canvas,
            m -> this.status.setMessage(m), io);
    private final ClipboardCommands clipboard = new ClipboardCommands(() -> this.model, canvas, images,
            this::assetBytes, m -> this.status.setMessage(m));
    private final ExportFrameCommand exportFrame = new ExportFrameCommand(() -> this.model, () -> this.pictures,
            m -> this.status.setMessage(m), io);
    private final FollowMode follow = new FollowMode(canvas);
    private final ConnectionBanner banner = new ConnectionBanner();
    private final RecentFilesMenu recentFiles = new RecentFilesMenu(RecentFiles.inDataFolder(), io, this::openFile);
    private LinkWatcher link;
    private javafx.scene.control.Alert unsavedPrompt;
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
        pages.setId("pages");
        properties.setId("properties");
        status.setId("status");
        GestureController gestures = new GestureController(canvas, tool);
        gestures.setOnEditText(textEditor::edit);
        ToolPalette palette = new ToolPalette(tool, viewOnly);
        palette.setOnPlaceImage(this::placeImage);
        ImageDrop.install(canvas, images);
        javafx.scene.layout.Region spring = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(spring, javafx.scene.layout.Priority.ALWAYS);
        presenceBar.setId("presence-bar");
        presenceBar.setOnJump(this::jumpTo);
        presenceBar.setOnFollow(follow::follow);
        presenceBar.setOnStopFollowing(follow::stop);
        follow.setPageSwitcher(page -> model.showPage(page));
        recentFiles.refresh();
        palette.getItems().addAll(spring, presenceBar);
        VBox top = new VBox(AppMenus.build(this), palette);
        root.setTop(top);
        javafx.scene.control.SplitPane left = new javafx.scene.control.SplitPane(pages, layers);
        left.setOrientation(javafx.geometry.Orientation.VERTICAL);
        left.setDividerPositions(0.22);
        left.getStyleClass().add("side-panels");
        root.setLeft(left);
        root.setCenter(canvasArea());
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

    public PagesPanel pages() {
        return pages;
    }

    public StatusBar status() {
        return status;
    }

    public ObjectProperty<Tool> tool() {
        return tool;
    }

    /** Whether the document shown may only be looked at (joined with a view link). */
    public ReadOnlyBooleanProperty viewOnly() {
        return viewOnly.getReadOnlyProperty();
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

    /** Place Image, image drops and pasted pictures. */
    public ImageInserter images() {
        return images;
    }

    public ClipboardCommands clipboard() {
        return clipboard;
    }

    /** The pictures of the shown document's images, as the canvas and exports draw them. */
    public ImageCache pictures() {
        return pictures;
    }

    public ExportFrameCommand frameExport() {
        return exportFrame;
    }

    /** An image's bytes by hash when this app hosts the document (so a copy can carry it), else null. */
    private byte[] assetBytes(String hash) {
        OpenDocument doc = document;
        return doc == null || !doc.hosted() ? null
                : dev.easel.host.canvas.Canvas.asset(doc.engine(), hash).map(a -> a.bytes()).orElse(null);
    }

    public PresenceBar presenceBar() {
        return presenceBar;
    }

    /** File > Open Recent. */
    public RecentFilesMenu recentFiles() {
        return recentFiles;
    }

    /** The banner shown over the canvas while the link to the host is down. */
    public ConnectionBanner connectionBanner() {
        return banner;
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
        if (link != null) {
            link.close();
        }
        document = doc;
        model = new DocumentModel(doc.connection(), Platform::runLater);
        model.setErrorHandler(this::callFailed);
        viewOnly.set(!model.editable());
        if (viewOnly.get() && tool.get().edits()) {
            tool.set(Tool.SELECT);
        }
        model.addListener((ids, structure) -> status.setNodeCount(model.nodeCount()));
        canvas.setModel(model);
        if (pictures != null) {
            pictures.close();
        }
        pictures = CanvasPictures.attach(canvas, model, AssetLoader.of(doc), imageLoads, Platform::runLater);
        collaborators = new Collaborators(doc.connection(), Platform::runLater);
        presence = new PresenceSender(doc.connection());
        Collaborators c = collaborators;
        c.addListener(() -> sessionChanged(c));
        canvas.setCollaborators(c);
        presenceBar.setCollaborators(c);
        follow.setCollaborators(c);
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
        pages.setModel(model);
        model.addPageListener(this::sendView);
        properties.setModel(model);
        link = new LinkWatcher(doc.connection(), this::linkChanged);
        if (doc.hosted() && doc.file() != null) {
            recentFiles.remember(doc.file());
        }
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

    /** Warns, in the status bar, when what was just selected is being edited by someone else (editors only). */
    private void warnIfLocked(DocumentModel m, Collaborators c) {
        if (!m.editable()) {
            return;
        }
        String self = c.selfIdentity();
        for (String id : m.selection().ids()) {
            NodeView n = m.node(id);
            if (n != null && n.lockedBy() != null && !n.lockedBy().equals(self)) {
                Collaborators.Peer p = c.peer(n.lockedBy());
                String who = p != null ? p.displayName() : "Someone else";
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
        if (follow.jumpTo(p)) {
            status.setMessage("Showing " + p.displayName() + "\u2019s view");
        } else {
            status.setMessage(p.displayName() + " has not shown where they are yet");
        }
    }

    /** Following another member's view (double-click on their avatar); Esc or moving the view stops it. */
    public FollowMode follow() {
        return follow;
    }

    /** The canvas, with the follow border and the connection banner laid over it. */
    private javafx.scene.layout.StackPane canvasArea() {
        javafx.scene.layout.StackPane area = new javafx.scene.layout.StackPane(canvas,
                new FollowIndicator(follow, status, presenceBar), banner);
        javafx.scene.layout.StackPane.setAlignment(banner, javafx.geometry.Pos.TOP_CENTER);
        javafx.scene.layout.StackPane.setMargin(banner, new javafx.geometry.Insets(12));
        return area;
    }

    /** The link to the document changed: the status bar says so, a banner while reconnecting, a dialog at the end. */
    private void linkChanged(LinkStatus s) {
        status.showLink(s);
        banner.showLink(s);
        if (s.phase() == LinkStatus.Phase.ENDED && stage.isShowing()) {
            status.setSession(null);
            follow.stop();
            Alert a = new Alert(Alert.AlertType.INFORMATION, s.detail());
            a.setTitle(s.text());
            a.setHeaderText(s.headline());
            a.getDialogPane().setId("link-ended");
            a.initOwner(stage);
            a.show();
        }
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
            presenceBar.setOnRemove(this::askRemove);
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
        HostedSession h = hosted;
        hostDialog = new SessionDialogs.HostDialog(stage, h.invite(Role.EDITOR).link(),
                h.invite(Role.VIEWER).link(), role -> h.revoke(role).link(), () -> stopHosting(true));
        hostDialog.show();
    }

    /** Menu: asks for a link and a name, then joins. */
    void joinSessionFromMenu() {
        SessionDialogs.askJoin(stage, displayName)
                .ifPresent(j -> whenSafeToClose(() -> joinSession(j.link(), j.name())));
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
            show(OpenDocument.joined(conn, invite)).whenComplete((r, e2) -> Platform.runLater(() -> {
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
        presenceBar.setOnRemove(null);
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

    /**
     * Asks the host whether to remove someone, then disconnects them; they cannot come back with any link
     * while this session lasts (their edits stay).
     */
    private void askRemove(Collaborators.Peer p) {
        HostedSession h = hosted;
        if (h == null) {
            return;
        }
        ButtonType remove = new ButtonType("Remove", ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, p.label() + "\n\nThey are disconnected at once and cannot "
                + "join again while this session lasts, even with a new link. Their edits stay.", remove,
                ButtonType.CANCEL);
        a.setHeaderText("Remove " + p.displayName() + " from the session?");
        a.initOwner(stage);
        a.getDialogPane().setId("remove-participant");
        a.resultProperty().addListener((o, was, answer) -> {
            if (answer == remove && hosted == h) {
                net.execute(() -> h.remove(new Identity(p.identity())));
                status.setMessage("Removed " + p.displayName() + " from the session");
            }
        });
        a.show();
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

    /** Keys typed into a text field, or an editable combo box's editor, are not the canvas's shortcuts. */
    private boolean typingInAField() {
        javafx.scene.Node focus = scene.getFocusOwner();
        return focus instanceof TextInputControl
                || focus instanceof javafx.scene.control.ComboBoxBase<?> box && box.isEditable();
    }

    private void keyPressed(KeyEvent e) {
        if (e.isConsumed() || typingInAField() || model == null) {
            return;
        }
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        KeyCode code = e.getCode();
        Tool t = Tool.forKey(code);
        if (t != null && !e.isShiftDown()) {
            if (!t.edits() || mayEdit()) {
                tool.set(t);
            }
            e.consume();
            return;
        }
        switch (code) {
            case ENTER -> {
                NodeView only = model.node(model.selection().single());
                if (only == null || !"text".equals(only.kind())) {
                    return;
                }
                if (mayEdit()) {
                    textEditor.edit(only);
                }
            }
            case BACK_SPACE -> deleteSelection();
            case ESCAPE -> {
                if (follow.isFollowing()) {
                    follow.stop();
                } else {
                    model.selection().clear();
                    tool.set(Tool.SELECT);
                }
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
        if (model.selection().isEmpty() || !mayEdit()) {
            return;
        }
        double step = big ? 10 : 1;
        Map<String, double[]> moves = new LinkedHashMap<>();
        for (String id : model.selection().ids()) {
            NodeView n = model.node(id);
            // Arrow keys move like a drag: a layer-locked node (selected from the layers panel) stays put.
            if (n != null && !model.lockedOnCanvas(n)) {
                moves.put(id, new double[] {n.x() + dx * step, n.y() + dy * step});
            }
        }
        if (!moves.isEmpty()) {
            model.moveNodes(moves);
        }
    }

    // ---- commands --------------------------------------------------------------------------------------

    void newDocument() {
        whenSafeToClose(() -> background("Creating a document",
                () -> LocalDocuments.createUnsaved(identity, displayName)));
    }

    void openDocument() {
        FileChooser chooser = documentChooser("Open Document");
        java.io.File f = chooser.showOpenDialog(stage);
        if (f != null) {
            openFile(f.toPath());
        }
    }

    /** Opens a document file, as {@code ./easel FILE} and File > Open Recent do (asking first about unsaved work). */
    public void openFile(Path file) {
        whenSafeToClose(() -> background("Opening " + file.getFileName(),
                () -> LocalDocuments.open(file, identity, displayName)));
    }

    /**
     * Runs {@code then} once the document shown may be closed: at once when closing it would lose nothing,
     * otherwise after asking: Save runs it once the document is saved, Don't Save at once, Cancel never.
     */
    private void whenSafeToClose(Runnable then) {
        OpenDocument doc = document;
        if (doc == null || !doc.hasUnsavedChanges()) {
            then.run();
            return;
        }
        if (unsavedPrompt != null && unsavedPrompt.isShowing()) {
            unsavedPrompt.getDialogPane().getScene().getWindow().requestFocus();
            return;
        }
        textEditor.commit();
        unsavedPrompt = UnsavedChangesPrompt.ask(stage, doc.title(), choice -> {
            unsavedPrompt = null;
            switch (choice) {
                case SAVE -> saveAs(then);
                case DISCARD -> then.run();
                case CANCEL -> status.setMessage("Kept " + doc.title() + " open");
            }
        });
    }

    /** The unsaved-changes question while it is shown, else null. */
    public Alert unsavedPrompt() {
        return unsavedPrompt;
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
        saveAs(() -> { });
    }

    /** Asks where to save a copy, saves it and edits the copy; then runs {@code then} (not if cancelled or failed). */
    private void saveAs(Runnable then) {
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
        saveAsTo(target).thenRun(then);
    }

    /**
     * Writes the document to {@code target} (off the JavaFX thread) and goes on editing that copy. Completes
     * on the JavaFX thread with the copy once it is shown.
     */
    public CompletableFuture<OpenDocument> saveAsTo(Path target) {
        if (document == null || !document.hosted()) {
            status.setMessage("Only a document you host can be saved here");
            return CompletableFuture.failedFuture(new IllegalStateException("not hosted here"));
        }
        if (target.equals(document.file())) {
            save();
            return CompletableFuture.completedFuture(document);
        }
        OpenDocument current = document;
        return background("Saving " + target.getFileName(),
                () -> LocalDocuments.saveAs(current, target, identity, displayName));
    }

    /** Runs a document-producing job off the JavaFX thread, then shows its result (the future completes after). */
    private CompletableFuture<OpenDocument> background(String what, Supplier<OpenDocument> job) {
        status.setMessage(what + "\u2026");
        CompletableFuture<OpenDocument> out = new CompletableFuture<>();
        CompletableFuture.supplyAsync(job, io).whenComplete((doc, e) -> Platform.runLater(() -> {
            if (e != null) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                status.setMessage(what + " failed");
                Alert a = new Alert(Alert.AlertType.ERROR, String.valueOf(cause.getMessage()));
                a.setHeaderText(what + " failed");
                a.initOwner(stage);
                a.show();
                out.completeExceptionally(cause);
            } else {
                show(doc);
                status.setMessage(doc.file() == null ? "New document" : doc.file().toString());
                out.complete(doc);
            }
        }));
        return out;
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
        WritableImage image = PngExport.render(model, area, scale, null, pictures);
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

    /** Menu and window close: closes the window and ends the app, asking first about unsaved work. */
    void quit() {
        whenSafeToClose(this::closeAndExit);
    }

    private void closeAndExit() {
        if (link != null) {
            link.close();
        }
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
        imageLoads.shutdown();
    }

    /** Whether an Edit command should act on the canvas (not on a text field that has the focus). */
    private boolean canvasCommand() {
        return model != null && !(scene.getFocusOwner() instanceof TextInputControl);
    }

    /** Whether a command that changes the document may run: not in a viewer's window (the status bar says why). */
    private boolean mayEdit() {
        return model != null && model.editable(status::setMessage);
    }

    /** An Edit command that changes the document acts on the canvas: see {@link #canvasCommand} and {@link #mayEdit}. */
    private boolean canvasEdit() {
        return canvasCommand() && mayEdit();
    }

    void copy() {
        if (canvasCommand()) {
            clipboard.copy();
        }
    }

    void cut() {
        if (canvasEdit()) {
            clipboard.cut();
        }
    }

    void paste() {
        if (canvasEdit()) {
            clipboard.paste();
        }
    }

    /** Place Image: asks for image files and adds them in the middle of the view. */
    void placeImage() {
        if (mayEdit()) {
            images.chooseAndInsert(stage);
        }
    }

    /** Export Frame: asks for a frame of the page and a format, then where to write it. */
    void exportFrame() {
        if (model != null) {
            exportFrame.run(stage);
        }
    }

    void duplicate() {
        if (canvasEdit()) {
            edits.duplicate();
        }
    }

    void group() {
        if (canvasEdit()) {
            edits.group();
        }
    }

    void ungroup() {
        if (canvasEdit()) {
            edits.ungroup();
        }
    }

    void bringForward() {
        if (canvasEdit()) {
            edits.bringForward();
        }
    }

    void sendBackward() {
        if (canvasEdit()) {
            edits.sendBackward();
        }
    }

    /** Exports the selection (or, with nothing selected, the whole page) as an SVG file. */
    void exportSvg() {
        if (model == null) {
            return;
        }
        String svg = SvgExport.render(model, model.selection().ids(), pictures::bytes);
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
        if (mayEdit()) {
            model.undo();
        }
    }

    void redo() {
        if (mayEdit()) {
            model.redo();
        }
    }

    void deleteSelection() {
        if (model != null && !model.selection().isEmpty() && mayEdit()) {
            model.deleteNodes(model.selection().ids());
            model.selection().clear();
        }
    }

    void selectAll() {
        if (model != null) {
            List<String> ids = new ArrayList<>();
            for (NodeView n : model.children(null)) {
                if (model.pickableOnCanvas(n)) {
                    ids.add(n.id());
                }
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
        List<NodeView> selected = new ArrayList<>();
        for (String id : model.selection().ids()) {
            NodeView n = model.node(id);
            if (n != null) {
                selected.add(n);
            }
        }
        return CanvasView.bounds(CanvasView.pageBox(model, selected));
    }
}
