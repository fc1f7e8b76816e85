package dev.easel.app.edit;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.NodeView;
import dev.easel.app.export.PngExport;
import dev.easel.app.images.ImageInserter;
import dev.easel.app.images.Pictures;
import dev.easel.app.images.UploadLimit;
import dev.easel.host.canvas.ImageUpload;
import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Font;

/**
 * Copy, cut and paste through the system clipboard, so layers travel between Easel windows and documents
 * and to other apps (see {@link SystemClipboard}). A paste makes layers with fresh ids, keeping their nesting,
 * order and styles, in one undo step. Where they land: beside the originals when these are still here
 * ({@link EditCommands#OFFSET} further on with each paste, as before); at the same place in another document
 * or after a cut, offset only when pasted again; in the middle of the view when that place is out of sight.
 * A picture on the clipboard becomes an image layer, text a text layer. JavaFX thread only.
 */
public final class ClipboardCommands {
    private static final double TEXT_SIZE = 16;
    private static final String TEXT_FONT = "Inter";
    /** Largest side of the picture a copy puts on the clipboard for other apps, in pixels. */
    private static final double PICTURE_MAX_SIDE = 4096;

    private final Supplier<DocumentModel> model;
    private final CanvasView canvas;
    private final ImageInserter images;
    private final Function<String, byte[]> assetBytes;
    private final Consumer<String> status;

    /** The copy the paste counter counts for, and how many times it has been pasted. */
    private String counted;
    private int pastes;
    private List<String> copied = List.of();

    /** {@code assetBytes}: an image's bytes by hash when this app holds the document (else null). */
    public ClipboardCommands(Supplier<DocumentModel> model, CanvasView canvas, ImageInserter images,
            Function<String, byte[]> assetBytes, Consumer<String> status) {
        this.model = model;
        this.canvas = canvas;
        this.images = images;
        this.assetBytes = assetBytes;
        this.status = status;
    }

    /** The ids copied last (top-level nodes only), for tests. */
    public List<String> copiedIds() {
        return copied;
    }

    /** Puts the selection on the clipboard. */
    public boolean copy() {
        DocumentModel m = model.get();
        if (m == null || m.selection().isEmpty()) {
            return false;
        }
        List<String> roots = EditCommands.topLevel(m, m.selection().ids());
        if (roots.isEmpty()) {
            return false;
        }
        CopiedNodes nodes = CopiedNodes.of(m, roots, assetBytes);
        Bounds box = PngExport.box(m, roots);
        double scale = box == null ? 1 : Math.min(1, PICTURE_MAX_SIDE / Math.max(box.getWidth(), box.getHeight()));
        WritableImage picture = PngExport.renderNodes(m, roots, scale, canvas.images());
        SystemClipboard.put(nodes, picture, nodes.plainText());
        copied = roots;
        counted = nodes.copyId();
        pastes = 0;
        status.accept("Copied " + layers(roots.size()));
        return true;
    }

    /** Puts the selection on the clipboard and deletes it (one undo step). */
    public void cut() {
        DocumentModel m = model.get();
        if (m == null || !copy()) {
            return;
        }
        m.deleteNodes(new HashSet<>(copied));
        m.selection().clear();
        status.accept("Cut " + layers(copied.size()));
    }

    /** Pastes what the clipboard holds: Easel layers, image files, a picture or text. */
    public void paste() {
        DocumentModel m = model.get();
        if (m == null) {
            return;
        }
        SystemClipboard.Offer offer = SystemClipboard.read();
        if (offer instanceof SystemClipboard.Nodes n) {
            pasteNodes(m, n.nodes());
        } else if (offer instanceof SystemClipboard.Files f) {
            images.insertFiles(f.files().stream().map(File::toPath).toList(), null);
        } else if (offer instanceof SystemClipboard.Picture p) {
            images.insert(List.of(Pictures.loader(p.image(), "Pasted image.png")), null);
        } else if (offer instanceof SystemClipboard.Text t) {
            pasteText(m, t.text());
        } else {
            status.accept("Nothing to paste");
        }
    }

    // ---- layers ------------------------------------------------------------------------------------------

    private void pasteNodes(DocumentModel m, CopiedNodes c) {
        if (!Objects.equals(c.copyId(), counted)) {
            counted = c.copyId();
            pastes = 0;
        }
        pastes++;
        // Node ids are unique across documents: finding the originals here means this is their document.
        List<String> roots = c.roots();
        boolean originalsHere = roots.stream().allMatch(id -> {
            NodeView n = m.node(id);
            return n != null && Objects.equals(n.page(), m.page());
        });
        double[] shift = shift(c.pageBounds(), originalsHere ? pastes : pastes - 1);
        if (originalsHere) {
            List<String> newIds = new ArrayList<>();
            for (int i = 0; i < roots.size(); i++) {
                newIds.add(m.newId());
            }
            m.duplicate(roots, newIds, shift[0], shift[1]);
            m.selectWhenPresent(newIds);
            status.accept("Pasted " + layers(roots.size()));
            return;
        }
        storePictures(m, c).thenAcceptAsync(missing -> {
            if (model.get() == m) {
                recreate(m, c, shift, missing);
            }
        }, Platform::runLater);
    }

    /**
     * How far to move the copied layers: {@code steps} offsets from where they were, or, if that is out of
     * sight, to the middle of the view (offset as well when pasted there again).
     */
    private double[] shift(Bounds copied, int steps) {
        double d = EditCommands.OFFSET * steps;
        if (canvas.getWidth() <= 0 || canvas.getHeight() <= 0) {
            return new double[] {d, d};
        }
        Bounds visible = canvas.viewport().visibleWorld(canvas.getWidth(), canvas.getHeight());
        double w = Math.max(copied.getWidth(), 1e-6);
        double h = Math.max(copied.getHeight(), 1e-6);
        if (visible.intersects(copied.getMinX() + d, copied.getMinY() + d, w, h)) {
            return new double[] {d, d};
        }
        double again = EditCommands.OFFSET * Math.max(0, pastes - 1);
        return new double[] {visible.getCenterX() - copied.getCenterX() + again,
            visible.getCenterY() - copied.getCenterY() + again};
    }

    /**
     * Stores the pictures the copy carries in this document ({@code put_asset} keeps one of each, so storing
     * one it has already costs nothing). Completes with the hashes of pictures this document is known to
     * lack: image layers that use them are left out. (A joined document cannot tell; the host refuses a layer
     * whose picture it lacks, and says so.)
     */
    private CompletableFuture<Set<String>> storePictures(DocumentModel m, CopiedNodes c) {
        Set<String> missing = new HashSet<>();
        UploadLimit limit = images.uploadLimit();
        for (CopiedNodes.Entry e : c.nodes()) {
            if (e.fields().get("asset") instanceof String hash && !limit.joined()
                    && (!c.assets().containsKey(hash) || !limit.allows(c.assets().get(hash).length))
                    && assetBytes.apply(hash) == null) {
                missing.add(hash);
            }
        }
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (Map.Entry<String, byte[]> a : c.assets().entrySet()) {
            if (missing.contains(a.getKey()) || !limit.allows(a.getValue().length)) {
                continue;
            }
            calls.add(ImageUpload.put(m.connection(), a.getValue(), share -> { })
                    .exceptionally(e -> {
                        synchronized (missing) {
                            missing.add(a.getKey());
                        }
                        return null;
                    }));
        }
        if (!calls.isEmpty()) {
            status.accept("Copying " + calls.size() + (calls.size() == 1 ? " picture" : " pictures")
                    + " into this document\u2026");
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).handle((r, e) -> missing);
    }

    /** Makes the copied layers again with fresh ids, in one undo step, and selects the top-level ones. */
    private void recreate(DocumentModel m, CopiedNodes c, double[] shift, Set<String> missingPictures) {
        Map<String, String> renamed = new HashMap<>();
        List<String> made = new ArrayList<>();
        int skipped = 0;
        m.beginGesture();
        for (CopiedNodes.Entry e : c.nodes()) {
            String parent;
            if (e.root()) {
                // Back into the same parent when it is here (same document, same page), else onto the page.
                NodeView p = e.parent() != null ? m.node(e.parent()) : null;
                parent = p != null && Objects.equals(p.page(), m.page()) ? p.id() : null;
            } else {
                parent = renamed.get(e.parent());
                if (parent == null) {
                    continue;
                }
            }
            if (e.fields().get("asset") instanceof String hash && missingPictures.contains(hash)) {
                skipped++;
                continue;
            }
            Map<String, Object> fields = new HashMap<>(e.fields());
            if (e.root()) {
                double x = parent == null ? e.pageX() : ((Number) fields.getOrDefault("x", 0.0)).doubleValue();
                double y = parent == null ? e.pageY() : ((Number) fields.getOrDefault("y", 0.0)).doubleValue();
                fields.put("x", x + shift[0]);
                fields.put("y", y + shift[1]);
            }
            String id = m.createNode(e.kind(), parent, fields);
            renamed.put(e.id(), id);
            if (e.root()) {
                made.add(id);
            }
        }
        m.endGesture();
        m.selectWhenPresent(made);
        String done = "Pasted " + layers(made.size());
        status.accept(skipped == 0 ? done : done + " \u00b7 " + skipped + (skipped == 1 ? " image was" : " images were")
                + " left out: its picture could not be brought into this document");
    }

    // ---- text --------------------------------------------------------------------------------------------

    /** A text layer with the clipboard's text, sized to it, in the middle of the view. */
    private void pasteText(DocumentModel m, String text) {
        String t = text.replace("\r\n", "\n").replace('\r', '\n');
        if (t.length() > 100_000) {
            status.accept("The text on the clipboard is too long for a text layer (" + t.length()
                    + " characters; at most 100,000)");
            return;
        }
        javafx.scene.text.Text probe = new javafx.scene.text.Text(t);
        probe.setFont(Font.font(TEXT_FONT, TEXT_SIZE));
        double w = Math.ceil(Math.max(probe.getLayoutBounds().getWidth(), 1)) + 2;
        double h = Math.ceil(t.split("\n", -1).length * TEXT_SIZE * 1.25);
        Point2D centre = viewCentre();
        Map<String, Object> fields = new HashMap<>();
        String firstLine = t.strip().lines().findFirst().orElse("Text");
        fields.put("name", firstLine.length() > 60 ? firstLine.substring(0, 60) : firstLine);
        fields.put("text", t);
        fields.put("font_family", TEXT_FONT);
        fields.put("font_size", TEXT_SIZE);
        fields.put("x", Math.round(centre.getX() - w / 2) * 1.0);
        fields.put("y", Math.round(centre.getY() - h / 2) * 1.0);
        fields.put("w", w);
        fields.put("h", h);
        String id = m.createNode("text", null, fields);
        m.selectWhenPresent(List.of(id));
        status.accept("Pasted text");
    }

    private Point2D viewCentre() {
        if (canvas.getWidth() <= 0 || canvas.getHeight() <= 0) {
            return new Point2D(0, 0);
        }
        Bounds v = canvas.viewport().visibleWorld(canvas.getWidth(), canvas.getHeight());
        return new Point2D(v.getCenterX(), v.getCenterY());
    }

    private static String layers(int n) {
        return n == 1 ? "1 layer" : n + " layers";
    }
}
