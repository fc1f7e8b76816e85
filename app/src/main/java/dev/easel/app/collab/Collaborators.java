package dev.easel.app.collab;

import dev.easel.app.document.UiRefresh;
import dev.easel.engine.replica.ReplicaListener;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Row;
import dev.easel.host.identity.DisplayNames;
import dev.easel.host.session.Connection;
import dev.easel.host.session.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Who else is in the document and where they point: the replica's {@code presence} and {@code cursor} rows,
 * read into {@link Peer}s on the JavaFX thread. Like the document model, it hears the replica's callbacks on
 * whatever thread feeds it and batches them into one refresh on the UI thread.
 */
public final class Collaborators implements AutoCloseable {
    /**
     * One member present in the document, with their cursor (if they have moved it) and selection. The
     * identity is their installation key's fingerprint, which nobody else can use; the name is whatever they
     * chose ({@link DisplayNames#tidy tidied}, "" for none), so views show it with {@link #label()} or
     * {@link #listLabel()}, marked unverified until a team server vouches for it ({@code verified}). The role is
     * the one their link gave them ("editor" or "viewer").
     */
    public record Peer(String identity, String name, boolean verified, String role, String color, String status,
            boolean self,
            String page, double zoom, double viewX, double viewY, double viewW, double viewH, boolean hasCursor,
            double cursorX, double cursorY, String cursorPage, List<String> selection) {

        public Peer {
            name = DisplayNames.tidy(name);
        }

        /** One or two letters for the avatar and lock badge. */
        public String initials() {
            return Collaborators.initials(name.isEmpty() ? identity : name);
        }

        /** Joined with a view link: may look and point, not edit. */
        public boolean viewOnly() {
            return Role.VIEWER.label().equals(role);
        }

        /** The name to show where space is short (cursor labels, sentences): the chosen one, or the ID. */
        public String displayName() {
            return name.isEmpty() ? "ID " + shortId() : name;
        }

        /** The start of the identity, grouped for reading aloud: "3f9a c27e". */
        public String shortId() {
            return DisplayNames.shortId(identity);
        }

        /** Who this is, for tooltips: "Ada (unverified name) · ID 3f9a c27e", "Ada (you) · ID 3f9a c27e". */
        public String label() {
            return describe(" (unverified name)", "ID ");
        }

        /** The same, shorter, for lists such as View > Follow: "Ada (unverified) · 3f9a c27e". */
        public String listLabel() {
            return describe(" (unverified)", "");
        }

        private String describe(String unverified, String idPrefix) {
            if (name.isEmpty()) {
                return "ID " + shortId() + (self ? " (you)" : "");
            }
            return name + (self ? " (you)" : verified ? "" : unverified) + " \u00b7 " + idPrefix + shortId();
        }
    }

    private final Connection connection;
    private final String self;
    private final TableSchema presence;
    private final TableSchema cursor;
    /** Everyone who ever joined, with the role their link gave them. */
    private final TableSchema member;
    private final List<Runnable> listeners = new ArrayList<>();
    private final UiRefresh flushes;
    private final ReplicaListener feed = new ReplicaListener() {
        @Override
        public void onInsert(TableSchema table, Row row) {
            note(table);
        }

        @Override
        public void onUpdate(TableSchema table, Row before, Row after) {
            note(table);
        }

        @Override
        public void onDelete(TableSchema table, Row row) {
            note(table);
        }

        @Override
        public void onApplied(long offset) {
            if (dirty) {
                flushes.request();
            }
        }
    };
    private volatile boolean dirty;
    // UI thread only.
    private Map<String, Peer> peers = Map.of();

    public Collaborators(Connection connection, Executor uiThread) {
        this.connection = connection;
        this.flushes = new UiRefresh(uiThread, this::flush);
        this.self = connection.identity().id();
        this.presence = connection.schema().require("presence");
        this.cursor = connection.schema().require("cursor");
        this.member = connection.schema().require("member");
    }

    /** Subscribes to presence and cursors; completes once their rows are in the replica. */
    public CompletableFuture<Void> open() {
        connection.replica().addListener(feed);
        return connection.subscribe("SELECT * FROM presence")
                .thenCompose(q -> connection.subscribe("SELECT * FROM cursor"))
                .thenCompose(q -> connection.subscribe("SELECT * FROM member"))
                .thenRun(() -> {
                    dirty = true;
                    flushes.request();
                });
    }

    public String selfIdentity() {
        return self;
    }

    public void addListener(Runnable l) {
        listeners.add(l);
    }

    public void removeListener(Runnable l) {
        listeners.remove(l);
    }

    /** Everyone present, this installation first, then by name. UI thread. */
    public List<Peer> all() {
        List<Peer> out = new ArrayList<>(peers.values());
        out.sort(Comparator.comparing((Peer p) -> !p.self()).thenComparing(p -> String.valueOf(p.name()))
                .thenComparing(Peer::identity));
        return out;
    }

    /** Everyone present but this installation. UI thread. */
    public List<Peer> others() {
        return all().stream().filter(p -> !p.self()).toList();
    }

    public Peer peer(String identity) {
        return identity == null ? null : peers.get(identity);
    }

    private void note(TableSchema table) {
        if (table.id() == presence.id() || table.id() == cursor.id() || table.id() == member.id()) {
            dirty = true;
        }
    }

    private void flush() {
        dirty = false;
        Map<String, Row> cursors = new LinkedHashMap<>();
        int cId = cursor.columnIndex("identity");
        for (Row r : connection.replica().rows("cursor")) {
            cursors.put((String) r.get(cId), r);
        }
        Map<String, Peer> next = new LinkedHashMap<>();
        for (Row r : connection.replica().rows("presence")) {
            String id = str(r, presence, "identity");
            Row c = cursors.get(id);
            String sel = c == null ? "" : str(c, cursor, "selection");
            Row m = connection.replica().find("member", id);
            // No team server vouches for names yet: every chosen name is unverified.
            next.put(id, new Peer(id, str(r, presence, "name"), false, m == null ? null : str(m, member, "role"),
                    str(r, presence, "color"),
                    str(r, presence, "status"), id.equals(self), str(r, presence, "page"), num(r, presence, "zoom"),
                    num(r, presence, "view_x"),
                    num(r, presence, "view_y"), num(r, presence, "view_w"), num(r, presence, "view_h"),
                    c != null && (num(c, cursor, "x") != 0 || num(c, cursor, "y") != 0),
                    c == null ? 0 : num(c, cursor, "x"), c == null ? 0 : num(c, cursor, "y"),
                    c == null ? null : str(c, cursor, "page"),
                    sel == null || sel.isEmpty() ? List.of() : List.copyOf(Arrays.asList(sel.split(",")))));
        }
        peers = next;
        for (Runnable l : List.copyOf(listeners)) {
            l.run();
        }
    }

    private static String str(Row r, TableSchema t, String col) {
        Object o = r.get(t.columnIndex(col));
        return o == null ? null : o.toString();
    }

    private static double num(Row r, TableSchema t, String col) {
        return r.get(t.columnIndex(col)) instanceof Number n ? n.doubleValue() : 0;
    }

    /** "Ada Lovelace" gives "AL", "ada" gives "AD", "" gives "?". */
    public static String initials(String name) {
        if (name == null || name.isBlank()) {
            return "?";
        }
        String[] parts = name.trim().split("[\\s._-]+");
        if (parts.length >= 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
            return (parts[0].substring(0, 1) + parts[1].substring(0, 1)).toUpperCase(java.util.Locale.ROOT);
        }
        String p = parts[0].isEmpty() ? name.trim() : parts[0];
        return p.substring(0, Math.min(2, p.length())).toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public void close() {
        flushes.close();
        connection.replica().removeListener(feed);
    }
}
