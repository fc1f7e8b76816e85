package dev.easel.app.collab;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.canvas.Viewport;
import dev.easel.app.document.DocumentModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Jumping to another member's view, and following it: while following, every change of their presence row
 * (page, zoom, view rectangle, sent by their {@link PresenceSender}) moves this canvas to show the same part of
 * the page. Any other change of this canvas's viewport (the local user pans, zooms or scrolls) ends it, as do
 * {@link #stop()} (Esc), the member leaving and another document. JavaFX thread only.
 */
public final class FollowMode {
    /** Why following ended, for the status bar. */
    public enum Ended { BY_USER, MOVED, LEFT, DOCUMENT_CHANGED }

    private final CanvasView canvas;
    private final Runnable collaboratorsChanged = this::collaboratorsChanged;
    private final List<Runnable> listeners = new ArrayList<>();
    private Consumer<String> pageSwitcher = page -> { };
    private Collaborators collaborators;
    /** The member followed (their latest presence), or null. */
    private Collaborators.Peer followed;
    private Ended lastEnded;
    /** True while this class moves the viewport itself, so that the move does not end following. */
    private boolean applying;

    public FollowMode(CanvasView canvas) {
        this.canvas = canvas;
        canvas.viewport().addListener(() -> {
            if (!applying && followed != null) {
                end(Ended.MOVED);
            }
        });
        canvas.widthProperty().addListener((o, a, b) -> reapply());
        canvas.heightProperty().addListener((o, a, b) -> reapply());
    }

    /** How to show another page of the document when the followed member changes page. */
    public void setPageSwitcher(Consumer<String> switcher) {
        this.pageSwitcher = switcher;
    }

    /**
     * The members of the document shown now (call after the canvas got that document's model); following
     * whoever it was ends.
     */
    public void setCollaborators(Collaborators c) {
        if (followed != null) {
            end(Ended.DOCUMENT_CHANGED);
        }
        if (collaborators != null) {
            collaborators.removeListener(collaboratorsChanged);
        }
        collaborators = c;
        if (c != null) {
            c.addListener(collaboratorsChanged);
        }
        DocumentModel m = canvas.model();
        if (m != null) {
            m.addPageListener(() -> pageChanged(m));
        }
    }

    /** The local user went to another page than the one followed: that is moving too. */
    private void pageChanged(DocumentModel m) {
        if (followed != null && !applying && canvas.model() == m && followed.page() != null
                && !followed.page().equals(m.page())) {
            end(Ended.MOVED);
        }
    }

    /** The members of the document shown now (null before one is shown). */
    public Collaborators collaborators() {
        return collaborators;
    }

    /** Told when following starts, ends, or the followed member's presence changes. */
    public void addListener(Runnable l) {
        listeners.add(l);
    }

    /** The member followed now (their latest presence), or null. */
    public Collaborators.Peer followed() {
        return followed;
    }

    public boolean isFollowing() {
        return followed != null;
    }

    /** Why following ended the last time (null if it never did). */
    public Ended lastEnded() {
        return lastEnded;
    }

    /**
     * Shows what {@code p} is looking at, once (following, if any, ends). False if they have not sent a view or
     * a cursor yet, or the canvas has no size.
     */
    public boolean jumpTo(Collaborators.Peer p) {
        if (followed != null) {
            end(Ended.BY_USER);
        }
        return show(p);
    }

    /** Follows {@code p} until the local user moves, presses Esc or they leave. */
    public void follow(Collaborators.Peer p) {
        if (p == null || p.self()) {
            return;
        }
        Collaborators.Peer now = collaborators == null ? null : collaborators.peer(p.identity());
        followed = now != null ? now : p;
        show(followed);
        fire();
    }

    /** Stops following (Esc, or the presence bar's menu). */
    public void stop() {
        if (followed != null) {
            end(Ended.BY_USER);
        }
    }

    private void end(Ended why) {
        followed = null;
        lastEnded = why;
        fire();
    }

    private void collaboratorsChanged() {
        if (followed == null) {
            return;
        }
        Collaborators.Peer now = collaborators.peer(followed.identity());
        if (now == null) {
            end(Ended.LEFT);
            return;
        }
        Collaborators.Peer before = followed;
        followed = now;
        if (!sameView(now, before)) {
            show(now);
        }
        if (!Objects.equals(now.name(), before.name()) || now.verified() != before.verified()
                || !Objects.equals(now.color(), before.color())) {
            fire();
        }
    }

    private void reapply() {
        if (followed != null) {
            show(followed);
        }
    }

    /** Moves the viewport to show {@code p}'s view, fitted into this canvas and at most their zoom. */
    private boolean show(Collaborators.Peer p) {
        double[] v = fit(p, canvas.getWidth(), canvas.getHeight(), canvas.viewport().zoom());
        if (v == null) {
            return false;
        }
        applying = true;
        try {
            String page = p.page() != null ? p.page() : p.cursorPage();
            if (page != null && canvas.model() != null && !page.equals(canvas.model().page())) {
                pageSwitcher.accept(page);
            }
            canvas.viewport().set(v[0], v[1], v[2]);
        } finally {
            applying = false;
        }
        return true;
    }

    /**
     * The zoom and offsets that show {@code p}'s view rectangle whole and centred in a canvas of {@code w} by
     * {@code h} (no closer than their own zoom), or centre on their cursor when they sent no view; null when
     * they sent neither or the canvas has no size.
     */
    static double[] fit(Collaborators.Peer p, double w, double h, double currentZoom) {
        if (w <= 0 || h <= 0) {
            return null;
        }
        double z;
        double cx;
        double cy;
        if (p.viewW() > 0 && p.viewH() > 0) {
            z = Math.min(p.zoom() > 0 ? p.zoom() : 1, Math.min(w / p.viewW(), h / p.viewH()));
            cx = p.viewX() + p.viewW() / 2;
            cy = p.viewY() + p.viewH() / 2;
        } else if (p.hasCursor()) {
            z = p.zoom() > 0 ? p.zoom() : currentZoom;
            cx = p.cursorX();
            cy = p.cursorY();
        } else {
            return null;
        }
        z = Math.max(Viewport.MIN_ZOOM, Math.min(Viewport.MAX_ZOOM, z));
        return new double[] {z, w / 2 - cx * z, h / 2 - cy * z};
    }

    private static boolean sameView(Collaborators.Peer a, Collaborators.Peer b) {
        return Objects.equals(a.page(), b.page()) && a.zoom() == b.zoom() && a.viewX() == b.viewX()
                && a.viewY() == b.viewY() && a.viewW() == b.viewW() && a.viewH() == b.viewH()
                && (a.viewW() > 0 || a.cursorX() == b.cursorX() && a.cursorY() == b.cursorY());
    }

    private void fire() {
        for (Runnable l : List.copyOf(listeners)) {
            l.run();
        }
    }
}
