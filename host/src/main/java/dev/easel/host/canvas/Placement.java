package dev.easel.host.canvas;

import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.ReducerException;
import java.util.List;
import java.util.Set;

/**
 * Where items (nodes in a parent, or pages in the document) go among their siblings, named by one of the
 * arguments {@code after} (a sibling id: just above it), {@code before} (a sibling id: just below it) or
 * {@code to} ({@code first} or {@code last}; the last is drawn on top), and turned into z-order keys.
 * Only the placed items get keys, so a reorder touches one row.
 */
final class Placement {
    static final Placement NODES = new Placement(Nodes.ID, Nodes.Z, "node");
    static final Placement PAGES = new Placement(Pages.ID, Pages.Z, "page");
    static final Set<String> ARGS = Set.of("after", "before", "to");

    private final int idColumn;
    private final int zColumn;
    private final String what;

    private Placement(int idColumn, int zColumn, String what) {
        this.idColumn = idColumn;
        this.zColumn = zColumn;
        this.what = what;
    }

    /** Whether the call names a place at all. */
    static boolean given(Args a) {
        return a.has("after") || a.has("before") || a.has("to");
    }

    /**
     * {@code n} ascending keys for items placed together where the arguments say (at the end if they say
     * nothing). {@code siblings} are in order and do not include the items being placed.
     */
    List<String> keys(Args a, List<Row> siblings, int n) {
        int named = (a.has("after") ? 1 : 0) + (a.has("before") ? 1 : 0) + (a.has("to") ? 1 : 0);
        if (named > 1) {
            throw ReducerException.badArgument("give only one of 'after', 'before' and 'to'");
        }
        if (a.has("after")) {
            int i = indexOf(siblings, a.string("after"));
            return FractionalIndex.between(z(siblings, i), above(siblings, i), n);
        }
        if (a.has("before")) {
            int i = indexOf(siblings, a.string("before"));
            return FractionalIndex.between(below(siblings, i), z(siblings, i), n);
        }
        String to = a.has("to") ? Validation.oneOf(a, "to", Set.of("first", "last")) : "last";
        if (siblings.isEmpty()) {
            return FractionalIndex.between(null, null, n);
        }
        return to.equals("first") ? FractionalIndex.between(null, z(siblings, 0), n)
                : FractionalIndex.between(z(siblings, siblings.size() - 1), null, n);
    }

    /** A key just above the sibling at {@code index}: between it and the next higher key. */
    String justAbove(List<Row> siblings, int index) {
        return FractionalIndex.between(z(siblings, index), above(siblings, index));
    }

    /** {@code n} keys taking the place of the sibling at {@code index}, between its neighbours' keys. */
    List<String> inPlaceOf(List<Row> siblings, int index, int n) {
        return FractionalIndex.between(below(siblings, index), above(siblings, index), n);
    }

    int indexOf(List<Row> siblings, String id) {
        for (int i = 0; i < siblings.size(); i++) {
            if (siblings.get(i).get(idColumn).equals(id)) {
                return i;
            }
        }
        throw ReducerException.badArgument("'" + id + "' is not a sibling " + what + " to place next to");
    }

    private String z(List<Row> siblings, int i) {
        return (String) siblings.get(i).get(zColumn);
    }

    /** The first key above the sibling's own (skipping equal keys), or null at the top. */
    private String above(List<Row> siblings, int index) {
        String own = z(siblings, index);
        for (int i = index + 1; i < siblings.size(); i++) {
            if (z(siblings, i).compareTo(own) > 0) {
                return z(siblings, i);
            }
        }
        return null;
    }

    /** The first key below the sibling's own (skipping equal keys), or null at the bottom. */
    private String below(List<Row> siblings, int index) {
        String own = z(siblings, index);
        for (int i = index - 1; i >= 0; i--) {
            if (z(siblings, i).compareTo(own) < 0) {
                return z(siblings, i);
            }
        }
        return null;
    }
}
