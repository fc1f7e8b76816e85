package dev.easel.host.canvas;

import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.ReducerContext;
import dev.easel.engine.tx.ReducerException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The node fields a client may set by name (in {@code create_node} and {@code update_node}), each with the
 * rule its value must pass. Structure (page, parent, z) and locks have reducers of their own.
 */
enum NodeField {
    NAME((ctx, a, k) -> Validation.text(a, k, Validation.MAX_NAME)),
    X((ctx, a, k) -> Validation.coordinate(a, k)),
    Y((ctx, a, k) -> Validation.coordinate(a, k)),
    W((ctx, a, k) -> Validation.size(a, k)),
    H((ctx, a, k) -> Validation.size(a, k)),
    ROTATION((ctx, a, k) -> normalizedDegrees(Validation.range(a, k, -Validation.MAX_SIZE, Validation.MAX_SIZE))),
    FILL((ctx, a, k) -> Colors.read(a, k)),
    STROKE((ctx, a, k) -> Colors.read(a, k)),
    STROKE_WIDTH((ctx, a, k) -> Validation.range(a, k, 0.0, 1_000.0)),
    CORNER_RADIUS((ctx, a, k) -> Validation.size(a, k)),
    OPACITY((ctx, a, k) -> Validation.range(a, k, 0.0, 1.0)),
    TEXT(NodeKind.TEXT, (ctx, a, k) -> Validation.text(a, k, Validation.MAX_TEXT)),
    FONT_FAMILY((ctx, a, k) -> fontFamily(a, k)),
    FONT_SIZE((ctx, a, k) -> Validation.range(a, k, 1.0, 10_000.0)),
    FONT_WEIGHT((ctx, a, k) -> Validation.integer(a, k, 1, 1_000)),
    ALIGN((ctx, a, k) -> Validation.oneOf(a, k, Set.of("left", "center", "right", "justify"))),
    ASSET(NodeKind.IMAGE, (ctx, a, k) -> ImageStore.requireHash(ctx, a.string(k))),
    VISIBLE((ctx, a, k) -> a.bool(k)),
    LOCKED((ctx, a, k) -> a.bool(k));

    /** Reads and checks one argument, returning the value to store. */
    @FunctionalInterface
    interface Reader {
        Object read(ReducerContext ctx, Args args, String key);
    }

    static final Set<String> NAMES;

    static {
        Set<String> names = new TreeSet<>();
        for (NodeField f : values()) {
            names.add(f.column());
        }
        NAMES = java.util.Collections.unmodifiableSet(names);
    }

    private final NodeKind onlyFor;
    private final Reader reader;

    NodeField(Reader reader) {
        this(null, reader);
    }

    NodeField(NodeKind onlyFor, Reader reader) {
        this.onlyFor = onlyFor;
        this.reader = reader;
    }

    /** The node column this field writes. */
    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The field of that name, or {@code bad_argument} listing the ones that exist. */
    static NodeField named(String name) {
        for (NodeField f : values()) {
            if (f.column().equals(name)) {
                return f;
            }
        }
        throw ReducerException.badArgument("unknown node field '" + name + "'; fields that can be set: " + NAMES);
    }

    /** Reads the argument {@code key} of {@code args} as this field's value for a node of {@code kind}. */
    Object read(ReducerContext ctx, Args args, NodeKind kind) {
        if (onlyFor != null && kind != onlyFor) {
            throw ReducerException.badArgument("field '" + column() + "' applies to " + onlyFor.label()
                    + " nodes only, not to a " + kind.label());
        }
        String key = column();
        if (!args.has(key)) {
            throw ReducerException.badArgument("field '" + key + "' cannot be null");
        }
        return reader.read(ctx, args, key);
    }

    private static double normalizedDegrees(double degrees) {
        double d = degrees % 360.0;
        return d < 0 ? d + 360.0 : d + 0.0;
    }

    private static String fontFamily(Args a, String k) {
        String s = Validation.text(a, k, 200);
        if (s.isBlank()) {
            throw ReducerException.badArgument("argument '" + k + "' must name a font");
        }
        return s;
    }
}
