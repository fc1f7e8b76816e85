package dev.easel.bench.engine;

import dev.easel.engine.Engine;
import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.TableHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * The benchmark's document: one {@code node} table of 15 columns shaped like a canvas node, rows with
 * realistic varied values (deterministic for a seed), and the reducers the benchmarks call. Frames have the
 * ids {@code frame_0 .. frame_(F-1)}; every other node sits in one of them, so a subscription to
 * {@code parent = 'frame_i'} watches one frame's children.
 */
public final class NodeTable {
    public static final String TABLE = "node";
    public static final int ID = 0;
    public static final int PAGE = 1;
    public static final int PARENT = 2;
    public static final int KIND = 3;
    public static final int NAME = 4;
    public static final int X = 5;
    public static final int Y = 6;
    public static final int W = 7;
    public static final int H = 8;
    public static final int ROTATION = 9;
    public static final int Z = 10;
    public static final int FILL = 11;
    public static final int STROKE = 12;
    public static final int OPACITY = 13;
    public static final int TEXT = 14;

    /** What the generated values look like; printed with the figures that depend on them. */
    public static final String VALUES = "12-char random ids (frames: frame_N); 5 pages; 1 frame per 20 nodes, others"
            + " children of a frame; kinds rect/text/ellipse/line/image/group; names like 'Rectangle 812';"
            + " x,y,w,h 70% whole numbers, 30% 2-decimal fractions; rotation 0 (90%) or whole degrees; z keys"
            + " 'a'+3-5 base62 chars; fill from a 16-colour palette (10% unique colours); stroke 'none' (60%) or"
            + " palette; opacity 1 (85%) or a fraction; text '' except text nodes (5-60 chars of words)";

    public static final Schema SCHEMA = Schema.builder()
            .table(TABLE, t -> t.column("id", ColumnType.STRING).primaryKey("id")
                    .column("page", ColumnType.STRING)
                    .column("parent", ColumnType.STRING, "")
                    .column("kind", ColumnType.STRING)
                    .column("name", ColumnType.STRING, "")
                    .column("x", ColumnType.F64, 0.0)
                    .column("y", ColumnType.F64, 0.0)
                    .column("w", ColumnType.F64, 100.0)
                    .column("h", ColumnType.F64, 100.0)
                    .column("rotation", ColumnType.F64, 0.0)
                    .column("z", ColumnType.STRING)
                    .column("fill", ColumnType.STRING, "#ffffff")
                    .column("stroke", ColumnType.STRING, "none")
                    .column("opacity", ColumnType.F64, 1.0)
                    .column("text", ColumnType.STRING, "")
                    .hashIndex("node_parent", "parent")
                    .hashIndex("node_page", "page"))
            .build();

    public static final Identity CALLER = new Identity("bench-caller");

    private static final String[] KINDS = {"rect", "rect", "rect", "rect", "rect", "rect", "rect", "rect",
        "text", "text", "text", "text", "ellipse", "ellipse", "ellipse", "line", "line", "image", "group", "group"};
    private static final String[] PALETTE = {"#ffffff", "#000000", "#1e1e1e", "#f24e1e", "#ff7262", "#a259ff",
        "#1abcfe", "#0acf83", "#ffc700", "#e5e5e5", "#c4c4c4", "#333333", "#0d99ff", "#14ae5c", "#f5f5f5", "#9747ff"};
    private static final String[] WORDS = {"the", "quick", "design", "review", "button", "label", "title",
        "sign", "in", "with", "email", "continue", "settings", "profile", "save", "cancel", "new", "project",
        "welcome", "back", "dashboard", "revenue", "users", "this", "week", "total", "search", "help"};
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private NodeTable() {
    }

    /** An engine builder with this schema and the benchmark reducers: {@code move} and {@code insert_many}. */
    public static Engine.Builder engine() {
        return Engine.builder(SCHEMA)
                .runScheduler(false)
                // A drag step: set x and y of one node. Two single-column writes, as a host's move reducer does.
                .reducer("move", (ctx, a) -> {
                    TableHandle t = ctx.table(TABLE);
                    String id = a.string("id");
                    t.set(id, X, a.f64("x"));
                    t.set(id, Y, a.f64("y"));
                    return null;
                })
                // Bulk creation, used to build documents: a list of full rows in column order.
                .reducer("insert_many", (ctx, a) -> {
                    TableHandle t = ctx.table(TABLE);
                    for (Object row : a.list("rows")) {
                        t.insert(((List<?>) row).toArray());
                    }
                    return null;
                });
    }

    /** The primary keys of the rows {@link #rows} makes. */
    public static String[] ids(int count, long seed) {
        List<Object[]> rows = rows(count, seed);
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = (String) rows.get(i)[ID];
        }
        return ids;
    }

    /** {@code count} rows; one in 20 is a frame, the rest are children of the frames, round-robin. */
    public static List<Object[]> rows(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int frames = Math.max(1, count / 20);
        List<Object[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean frame = i < frames;
            String kind = frame ? "frame" : KINDS[r.nextInt(KINDS.length)];
            Object[] v = new Object[15];
            v[ID] = frame ? "frame_" + i : randomId(r);
            v[PAGE] = "page_" + (frame ? i % 5 : (i % frames) % 5);
            v[PARENT] = frame ? "" : "frame_" + (i % frames);
            v[KIND] = kind;
            v[NAME] = label(kind) + " " + (1 + r.nextInt(2000));
            v[X] = coordinate(r, -500, 4000);
            v[Y] = coordinate(r, -500, 4000);
            v[W] = coordinate(r, 1, 800);
            v[H] = coordinate(r, 1, 800);
            v[ROTATION] = r.nextInt(10) == 0 ? (double) (1 + r.nextInt(359)) : 0.0;
            v[Z] = zKey(r);
            v[FILL] = r.nextInt(10) == 0 ? String.format("#%06x", r.nextInt(1 << 24)) : PALETTE[r.nextInt(PALETTE.length)];
            v[STROKE] = r.nextInt(10) < 6 ? "none" : PALETTE[r.nextInt(PALETTE.length)];
            v[OPACITY] = r.nextInt(100) < 85 ? 1.0 : (1 + r.nextInt(99)) / 100.0;
            v[TEXT] = kind.equals("text") ? sentence(r) : "";
            out.add(v);
        }
        return out;
    }

    /** Loads rows into an engine, {@code perCall} rows per {@code insert_many} call, and waits until durable. */
    public static void load(Engine engine, List<Object[]> rows, int perCall) {
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += perCall) {
            List<Object> batch = new ArrayList<>(perCall);
            for (Object[] row : rows.subList(i, Math.min(rows.size(), i + perCall))) {
                batch.add(List.of(row));
            }
            pending.add(engine.call(CALLER, "insert_many", new Args(Map.of("rows", batch))));
        }
        for (CompletableFuture<?> f : pending) {
            f.join();
        }
    }

    private static String randomId(SplittableRandom r) {
        char[] c = new char[12];
        for (int i = 0; i < c.length; i++) {
            c[i] = BASE62.charAt(r.nextInt(62));
        }
        return new String(c);
    }

    private static String zKey(SplittableRandom r) {
        int n = 3 + r.nextInt(3);
        StringBuilder b = new StringBuilder("a");
        for (int i = 0; i < n; i++) {
            b.append(BASE62.charAt(r.nextInt(62)));
        }
        return b.toString();
    }

    private static double coordinate(SplittableRandom r, int low, int high) {
        int whole = low + r.nextInt(high - low);
        return r.nextInt(10) < 7 ? whole : whole + r.nextInt(1, 100) / 100.0;
    }

    private static String label(String kind) {
        return switch (kind) {
            case "rect" -> "Rectangle";
            case "text" -> "Text";
            case "ellipse" -> "Ellipse";
            case "line" -> "Line";
            case "image" -> "Image";
            case "group" -> "Group";
            default -> "Frame";
        };
    }

    private static String sentence(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        int target = 5 + r.nextInt(56);
        while (b.length() < target) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return b.toString();
    }
}
