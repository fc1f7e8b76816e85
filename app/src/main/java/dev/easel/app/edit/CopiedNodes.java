package dev.easel.app.edit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.NodeView;
import dev.easel.engine.schema.TableSchema;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;

/**
 * Copied layers as they travel on the clipboard: each node's kind, its settable fields (styles, text, size
 * and position relative to its parent) and its place in the copied tree, parents before children and
 * siblings bottom to top; the top-level ones also carry their position on the page. Pictures of image layers
 * ride along when their bytes are at hand, so a paste into another document can store them there. Written
 * as JSON, so another Easel window (or process) reads it back.
 */
public record CopiedNodes(String copyId, List<Entry> nodes, Map<String, byte[]> assets) {
    /** The clipboard format's version; a reader refuses others. */
    static final int VERSION = 1;
    /** Pictures carried on the clipboard at most, in bytes altogether: more is left in the document. */
    static final long MAX_CARRIED_ASSETS = 16L << 20;

    /** The fields a copy keeps (what create_node takes); text only on text, asset only on images. */
    static final List<String> FIELDS = List.of("name", "x", "y", "w", "h", "rotation", "fill", "stroke",
            "stroke_width", "corner_radius", "opacity", "font_family", "font_size", "font_weight", "align",
            "visible", "text", "asset");
    private static final Set<String> INTEGERS = Set.of("font_weight");
    private static final Set<String> STRINGS =
            Set.of("name", "fill", "stroke", "font_family", "align", "text", "asset");
    private static final Set<String> KINDS = Set.of("frame", "rect", "ellipse", "line", "text", "image", "group");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One copied node. {@code parent} is the original parent's id (for a top-level node, perhaps outside the
     * copy); {@code pageX}, {@code pageY} its position on the page.
     */
    public record Entry(String id, String parent, boolean root, String kind, double pageX, double pageY,
            Map<String, Object> fields) {
    }

    /**
     * Copies these top-level nodes (in drawing order) and everything inside them. {@code assetBytes} gives an
     * image's bytes by hash when this app holds them (null when it does not).
     */
    public static CopiedNodes of(DocumentModel m, List<String> roots, Function<String, byte[]> assetBytes) {
        List<Entry> entries = new ArrayList<>();
        Map<String, byte[]> assets = new LinkedHashMap<>();
        long[] carried = {0};
        for (String id : roots) {
            collect(m, m.node(id), true, entries, assets, assetBytes, carried, 0);
        }
        return new CopiedNodes(UUID.randomUUID().toString(), List.copyOf(entries), assets);
    }

    private static void collect(DocumentModel m, NodeView n, boolean root, List<Entry> out, Map<String, byte[]> assets,
            Function<String, byte[]> assetBytes, long[] carried, int depth) {
        if (n == null || depth > 64) {
            return;
        }
        Map<String, Object> fields = fields(m.columns().table(), n);
        out.add(new Entry(n.id(), n.parent(), root, n.kind(), m.worldX(n), m.worldY(n), fields));
        Object asset = fields.get("asset");
        if (asset instanceof String hash && !assets.containsKey(hash)) {
            byte[] bytes = assetBytes.apply(hash);
            if (bytes != null && carried[0] + bytes.length <= MAX_CARRIED_ASSETS) {
                assets.put(hash, bytes);
                carried[0] += bytes.length;
            }
        }
        for (NodeView c : m.children(n.id())) {
            collect(m, c, false, out, assets, assetBytes, carried, depth + 1);
        }
    }

    /** The settable fields of a node's row that have a value. */
    private static Map<String, Object> fields(TableSchema table, NodeView n) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (String name : FIELDS) {
            if ("text".equals(name) && !"text".equals(n.kind()) || "asset".equals(name) && !"image".equals(n.kind())) {
                continue;
            }
            Object v = n.row().get(table.columnIndex(name));
            if (v != null) {
                f.put(name, v);
            }
        }
        return f;
    }

    /** The ids of the top-level copied nodes, bottom to top. */
    public List<String> roots() {
        return nodes.stream().filter(Entry::root).map(Entry::id).toList();
    }

    /** The box on the page of the top-level copied nodes (rotation ignored). */
    public Bounds pageBounds() {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Entry e : nodes) {
            if (e.root) {
                double w = num(e.fields.get("w"));
                double h = num(e.fields.get("h"));
                minX = Math.min(minX, Math.min(e.pageX, e.pageX + w));
                minY = Math.min(minY, Math.min(e.pageY, e.pageY + h));
                maxX = Math.max(maxX, Math.max(e.pageX, e.pageX + w));
                maxY = Math.max(maxY, Math.max(e.pageY, e.pageY + h));
            }
        }
        return minX > maxX ? new BoundingBox(0, 0, 0, 0) : new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    /** The text of the copied text layers, one per line, for other apps; null when there is none. */
    public String plainText() {
        List<String> texts = new ArrayList<>();
        for (Entry e : nodes) {
            if ("text".equals(e.kind) && e.fields.get("text") instanceof String s && !s.isEmpty()) {
                texts.add(s);
            }
        }
        return texts.isEmpty() ? null : String.join("\n", texts);
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }

    // ---- JSON --------------------------------------------------------------------------------------------

    public String toJson() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("easel", VERSION);
        doc.put("copy", copyId);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Entry e : nodes) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("id", e.id);
            n.put("parent", e.parent);
            n.put("root", e.root);
            n.put("kind", e.kind);
            n.put("page_x", e.pageX);
            n.put("page_y", e.pageY);
            n.put("fields", e.fields);
            list.add(n);
        }
        doc.put("nodes", list);
        Map<String, String> pictures = new LinkedHashMap<>();
        assets.forEach((hash, bytes) -> pictures.put(hash, Base64.getEncoder().encodeToString(bytes)));
        doc.put("assets", pictures);
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("copied layers could not be written as JSON", e);
        }
    }

    /**
     * Reads copied layers back; null when the text is not a copy this version understands (another program's
     * data, a newer Easel). Fields other than those a copy keeps, and values of the wrong type, are dropped.
     */
    public static CopiedNodes fromJson(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            Object parsed = JSON.readValue(json, Object.class);
            if (!(parsed instanceof Map<?, ?> doc) || !Integer.valueOf(VERSION).equals(doc.get("easel"))
                    || !(doc.get("nodes") instanceof List<?> list)) {
                return null;
            }
            List<Entry> entries = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> n) || !(n.get("id") instanceof String id) || !seen.add(id)
                        || !(n.get("kind") instanceof String kind) || !KINDS.contains(kind)) {
                    return null;
                }
                boolean root = Boolean.TRUE.equals(n.get("root"));
                String parent = n.get("parent") instanceof String p ? p : null;
                if (!root && (parent == null || !seen.contains(parent))) {
                    return null;
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                if (n.get("fields") instanceof Map<?, ?> f) {
                    for (String name : FIELDS) {
                        Object v = typed(name, f.get(name));
                        if (v != null) {
                            fields.put(name, v);
                        }
                    }
                }
                entries.add(new Entry(id, parent, root, kind, num(n.get("page_x")), num(n.get("page_y")), fields));
            }
            Map<String, byte[]> assets = new LinkedHashMap<>();
            if (doc.get("assets") instanceof Map<?, ?> a) {
                for (Map.Entry<?, ?> e : a.entrySet()) {
                    if (e.getKey() instanceof String hash && e.getValue() instanceof String b64) {
                        assets.put(hash, Base64.getDecoder().decode(b64));
                    }
                }
            }
            String copy = doc.get("copy") instanceof String c ? c : "";
            return entries.isEmpty() ? null : new CopiedNodes(copy, List.copyOf(entries), assets);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Object typed(String name, Object v) {
        if (v == null) {
            return null;
        }
        if (STRINGS.contains(name)) {
            return v instanceof String ? v : null;
        }
        if ("visible".equals(name)) {
            return v instanceof Boolean ? v : null;
        }
        if (!(v instanceof Number n)) {
            return null;
        }
        return INTEGERS.contains(name) ? (Object) n.longValue() : (Object) n.doubleValue();
    }
}
