package dev.easel.host.canvas;

import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.ReducerException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Argument checks every canvas reducer shares. Each reads one argument through the typed getters of
 * {@link Args} (which already refuse wrong types and non-finite numbers) and throws {@code bad_argument}
 * naming the argument and the rule it broke.
 */
final class Validation {
    /** Coordinates beyond this lose sub-pixel precision in a double; nobody draws that far out. */
    static final double MAX_COORDINATE = 1e9;
    static final double MAX_SIZE = 1e6;
    static final int MAX_TEXT = 100_000;
    static final int MAX_NAME = 1_000;
    /** How many nodes one call may name; far above any real selection, low enough to bound a call's work. */
    static final int MAX_LIST = 100_000;

    private Validation() {
    }

    static double coordinate(Args a, String name) {
        return range(a, name, -MAX_COORDINATE, MAX_COORDINATE);
    }

    static double size(Args a, String name) {
        return range(a, name, 0, MAX_SIZE);
    }

    static double range(Args a, String name, double min, double max) {
        double v = a.f64(name);
        if (v < min || v > max) {
            throw ReducerException.badArgument("argument '" + name + "' must be between " + plain(min) + " and "
                    + plain(max) + ", got " + v);
        }
        return v;
    }

    static long integer(Args a, String name, long min, long max) {
        long v = a.i64(name);
        if (v < min || v > max) {
            throw ReducerException.badArgument("argument '" + name + "' must be between " + min + " and " + max
                    + ", got " + v);
        }
        return v;
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    static String text(Args a, String name, int maxChars) {
        String s = a.string(name);
        if (s.length() > maxChars) {
            throw ReducerException.badArgument("argument '" + name + "' is " + s.length()
                    + " characters long; the limit is " + maxChars);
        }
        return s;
    }

    static String oneOf(Args a, String name, Set<String> allowed) {
        String s = a.string(name);
        if (!allowed.contains(s)) {
            throw ReducerException.badArgument("argument '" + name + "' must be one of " + allowed + ", got '"
                    + s + "'");
        }
        return s;
    }

    /** A non-empty list of distinct node (or page) ids, in the order given. */
    static List<String> ids(Args a, String name) {
        List<String> ids = idList(a, name);
        if (ids.isEmpty()) {
            throw ReducerException.badArgument("argument '" + name + "' must name at least one node");
        }
        return ids;
    }

    /** A possibly empty list of distinct ids, in the order given. */
    static List<String> idList(Args a, String name) {
        List<Object> raw = a.list(name);
        if (raw.size() > MAX_LIST) {
            throw ReducerException.badArgument("argument '" + name + "' names " + raw.size()
                    + " items; the limit is " + MAX_LIST);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            if (!(raw.get(i) instanceof String s) || !NodeIds.isValid(s)) {
                throw ReducerException.badArgument("argument '" + name + "[" + i + "]' is not a valid id: "
                        + dev.easel.engine.schema.Values.describe(raw.get(i)));
            }
            if (!ids.add(s)) {
                throw ReducerException.badArgument("argument '" + name + "' names '" + s + "' twice");
            }
        }
        return new ArrayList<>(ids);
    }

    static List<Args> objects(Args a, String name) {
        List<Args> list = a.objects(name);
        if (list.isEmpty()) {
            throw ReducerException.badArgument("argument '" + name + "' must not be empty");
        }
        if (list.size() > MAX_LIST) {
            throw ReducerException.badArgument("argument '" + name + "' has " + list.size()
                    + " items; the limit is " + MAX_LIST);
        }
        return list;
    }

    /** Runs {@code action} on each item of a list argument, naming the item in any refusal. */
    static void eachItem(List<Args> items, String listName, Consumer<Args> action) {
        for (int i = 0; i < items.size(); i++) {
            try {
                action.accept(items.get(i));
            } catch (ReducerException e) {
                throw new ReducerException(e.code(), listName + "[" + i + "]: " + e.getMessage());
            }
        }
    }

    /** An id argument in the form ids take (it may or may not name an existing row). */
    static String id(Args a, String name) {
        String s = a.string(name);
        if (!NodeIds.isValid(s)) {
            throw ReducerException.badArgument("argument '" + name + "' is not a valid id: '"
                    + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "' (" + NodeIds.RULE + ")");
        }
        return s;
    }

    /** Refuses arguments the reducer does not know, so a misspelt field is an error instead of a no-op. */
    static void onlyKnown(Args a, Set<String> known) {
        for (String k : a.asMap().keySet()) {
            if (!known.contains(k)) {
                throw ReducerException.badArgument("unknown argument '" + k + "'; expected some of " + known);
            }
        }
    }
}
