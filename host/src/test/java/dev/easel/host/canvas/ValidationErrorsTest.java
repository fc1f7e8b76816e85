package dev.easel.host.canvas;

import static dev.easel.host.canvas.CanvasFixture.ALICE;
import static dev.easel.host.canvas.CanvasFixture.PAGE;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.tx.ReducerException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refusal of every reducer: the right code, a message that names the problem, and nothing changed.
 * The document holds frame f (with rect inner), rect r, text t, group g (holding g1) and pages page-1 and p2.
 */
class ValidationErrorsTest {
    private static final String BAD = ReducerException.BAD_ARGUMENT;
    private static final String MISSING = ReducerException.NOT_FOUND;

    @TempDir
    Path dir;
    CanvasFixture doc;

    record Case(String reducer, String code, String message, Object[] args) {
        @Override
        public String toString() {
            return reducer + " " + Arrays.toString(args) + " -> " + message;
        }
    }

    private static Case refuse(String reducer, String code, String message, Object... args) {
        return new Case(reducer, code, message, args);
    }

    /** Arguments for a valid rect, with some replaced or added. */
    private static Object[] rect(Object... overrides) {
        Map<String, Object> a = new HashMap<>(Map.of("id", "new", "kind", "rect", "page", PAGE));
        for (int i = 0; i < overrides.length; i += 2) {
            a.put((String) overrides[i], overrides[i + 1]);
        }
        return a.entrySet().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue())).toArray();
    }

    private static Map<String, Object> nullValued(String key) {
        Map<String, Object> m = new HashMap<>();
        m.put(key, null);
        return m;
    }

    static Stream<Case> refusals() {
        String longText = "x".repeat(Validation.MAX_TEXT + 1);
        return Stream.of(
                refuse("create_node", BAD, "missing argument 'id'", "kind", "rect", "page", PAGE),
                refuse("create_node", BAD, "not a valid id", rect("id", "a,b")),
                refuse("create_node", BAD, "not a valid id", rect("id", "x".repeat(NodeIds.MAX_LENGTH + 1))),
                refuse("create_node", BAD, "node id 'r' is taken", rect("id", "r")),
                refuse("create_node", BAD, "unknown node kind 'star'", rect("kind", "star")),
                refuse("create_node", MISSING, "no page 'nope'", rect("page", "nope")),
                refuse("create_node", MISSING, "no node 'ghost'", rect("parent", "ghost")),
                refuse("create_node", BAD, "cannot hold other nodes", rect("parent", "r")),
                refuse("create_node", BAD, "is on page 'page-1', not on 'p2'", rect("parent", "f", "page", "p2")),
                refuse("create_node", BAD, "finite", rect("x", Double.NaN)),
                refuse("create_node", BAD, "finite", rect("y", Double.POSITIVE_INFINITY)),
                refuse("create_node", BAD, "'x' must be between", rect("x", 1e10)),
                refuse("create_node", BAD, "'x' must be a number", rect("x", "12")),
                refuse("create_node", BAD, "'w' must be between 0 and 1000000", rect("w", -1.0)),
                refuse("create_node", BAD, "'h' must be between 0 and 1000000", rect("h", 1e6 + 1)),
                refuse("create_node", BAD, "'opacity' must be between 0 and 1", rect("opacity", 1.5)),
                refuse("create_node", BAD, "'stroke_width'", rect("stroke_width", -2.0)),
                refuse("create_node", BAD, "not a colour", rect("fill", "red")),
                refuse("create_node", BAD, "expected 3, 4, 6 or 8 hex digits", rect("fill", "#12")),
                refuse("create_node", BAD, "not a hex digit", rect("stroke", "#12345g")),
                refuse("create_node", BAD, "'font_weight' must be between 1 and 1000", rect("font_weight", 0L)),
                refuse("create_node", BAD, "'align' must be one of", rect("align", "middle")),
                refuse("create_node", BAD, "must name a font", rect("font_family", "  ")),
                refuse("create_node", BAD, "characters long; the limit is 1000", rect("name", "n".repeat(1001))),
                refuse("create_node", BAD, "applies to text nodes only", rect("text", "hi")),
                refuse("create_node", BAD, "characters long; the limit is 100000", rect("kind", "text", "text", longText)),
                refuse("create_node", BAD, "needs 'asset'", rect("kind", "image")),
                refuse("create_node", MISSING, "no image with hash", rect("kind", "image", "asset", "ab".repeat(32))),
                refuse("create_node", BAD, "applies to image nodes only", rect("asset", "ab".repeat(32))),
                refuse("create_node", BAD, "unknown argument 'colour'", rect("colour", "#fff")),
                refuse("create_node", BAD, "'ghost' is not a sibling", rect("after", "ghost")),
                refuse("create_node", BAD, "only one of", rect("after", "r", "to", "first")),
                refuse("create_node", BAD, "'to' must be one of", rect("to", "middle")),

                refuse("update_node", MISSING, "no node 'ghost'", "id", "ghost", "patch", Map.of("x", 1.0)),
                refuse("update_node", BAD, "names no field", "id", "r", "patch", Map.of()),
                refuse("update_node", BAD, "unknown node field 'kind'", "id", "r", "patch", Map.of("kind", "text")),
                refuse("update_node", BAD, "unknown node field 'locked_by'", "id", "r", "patch", Map.of("locked_by", "me")),
                refuse("update_node", BAD, "'x' cannot be null", "id", "r", "patch", nullValued("x")),
                refuse("update_node", BAD, "not a hex digit", "id", "r", "patch", Map.of("fill", "#ggg")),
                refuse("update_node", BAD, "'visible' must be true or false", "id", "r", "patch", Map.of("visible", 1L)),
                refuse("update_node", BAD, "'patch' must be an object", "id", "r", "patch", "x=1"),

                refuse("move_nodes", BAD, "'moves' must not be empty", "moves", List.of()),
                refuse("move_nodes", MISSING, "moves[1]: no node 'ghost'", "moves",
                        List.of(Map.of("id", "r", "x", 1.0, "y", 1.0), Map.of("id", "ghost", "x", 1.0, "y", 1.0))),
                refuse("move_nodes", BAD, "moves[0]: argument 'x' must be a finite number", "moves",
                        List.of(Map.of("id", "r", "x", Double.NEGATIVE_INFINITY, "y", 1.0))),
                refuse("move_nodes", BAD, "moves[0]: missing argument 'y'", "moves", List.of(Map.of("id", "r", "x", 1.0))),
                refuse("move_nodes", BAD, "named twice", "moves",
                        List.of(Map.of("id", "r", "x", 1.0, "y", 1.0), Map.of("id", "r", "x", 2.0, "y", 1.0))),
                refuse("move_nodes", BAD, "'moves[0]' must be an object", "moves", List.of("r")),

                refuse("resize_nodes", BAD, "sizes[0]: argument 'h' must be between 0", "sizes",
                        List.of(Map.of("id", "r", "w", 1.0, "h", -1.0))),
                refuse("resize_nodes", BAD, "sizes[0]: argument 'w' must be between 0", "sizes",
                        List.of(Map.of("id", "r", "w", 2e6, "h", 1.0))),
                refuse("resize_nodes", MISSING, "no node 'ghost'", "sizes", List.of(Map.of("id", "ghost", "w", 1.0, "h", 1.0))),

                refuse("set_text", BAD, "applies to text nodes only", "id", "r", "text", "hi"),
                refuse("set_text", BAD, "the limit is 100000", "id", "t", "text", longText),
                refuse("set_text", MISSING, "no node 'ghost'", "id", "ghost", "text", "hi"),

                refuse("delete_nodes", BAD, "at least one", "ids", List.of()),
                refuse("delete_nodes", MISSING, "no node 'ghost'", "ids", List.of("r", "ghost")),
                refuse("delete_nodes", BAD, "names 'r' twice", "ids", List.of("r", "r")),
                refuse("delete_nodes", BAD, "'ids[0]' is not a valid id", "ids", List.of(5L)),

                refuse("duplicate", BAD, "one copy for each", "ids", List.of("r", "t"), "new_ids", List.of("r2")),
                refuse("duplicate", BAD, "node id 't' is taken", "ids", List.of("r"), "new_ids", List.of("t")),
                refuse("duplicate", MISSING, "no node 'ghost'", "ids", List.of("ghost"), "new_ids", List.of("g2")),
                refuse("duplicate", BAD, "too long", "ids", List.of("f"), "new_ids", List.of("x".repeat(NodeIds.MAX_LENGTH))),

                refuse("reparent", BAD, "inside itself", "ids", List.of("f"), "parent", "f"),
                refuse("reparent", BAD, "which lies inside it", "ids", List.of("g"), "parent", "g1"),
                refuse("reparent", BAD, "cannot hold other nodes", "ids", List.of("t"), "parent", "r"),
                refuse("reparent", MISSING, "no node 'ghost'", "ids", List.of("t"), "parent", "ghost"),
                refuse("reparent", MISSING, "no page 'nope'", "ids", List.of("t"), "page", "nope"),
                refuse("reparent", BAD, "different pages", "ids", List.of("t", "elsewhere")),

                refuse("reorder", BAD, "say where", "id", "r"),
                refuse("reorder", BAD, "'inner' is not a sibling", "id", "r", "after", "inner"),
                refuse("reorder", MISSING, "no node 'ghost'", "id", "ghost", "to", "first"),

                refuse("group", BAD, "node id 'r' is taken", "id", "r", "ids", List.of("t")),
                refuse("group", BAD, "share a parent", "id", "g2", "ids", List.of("r", "inner")),
                refuse("group", MISSING, "no node 'ghost'", "id", "g2", "ids", List.of("ghost")),
                refuse("ungroup", BAD, "'f' is a frame, not a group", "ids", List.of("f")),

                refuse("add_page", BAD, "page id 'p2' is taken", "id", "p2"),
                refuse("add_page", BAD, "needs a name", "id", "p3", "name", " "),
                refuse("add_page", BAD, "not a valid id", "id", ""),
                refuse("rename_page", MISSING, "no page 'nope'", "id", "nope", "name", "x"),
                refuse("reorder_page", BAD, "say where", "id", "p2"),
                refuse("reorder_page", BAD, "'nope' is not a sibling page", "id", "p2", "after", "nope"),
                refuse("delete_page", MISSING, "no page 'nope'", "id", "nope"),

                refuse("begin_gesture", BAD, "the limit is 100", "gesture", "g".repeat(101)),
                refuse("lock", MISSING, "no node 'ghost'", "ids", List.of("r", "ghost")),
                refuse("unlock", BAD, "at least one", "ids", List.of()),

                refuse("set_cursor", BAD, "finite", "x", Double.NaN, "y", 0.0),
                refuse("set_cursor", MISSING, "no page 'nope'", "x", 0.0, "y", 0.0, "page", "nope"),
                refuse("set_cursor", BAD, "'r' is a rect, not a frame", "x", 0.0, "y", 0.0, "frame", "r"),
                refuse("set_selection", MISSING, "no node 'ghost'", "ids", List.of("r", "ghost")),
                refuse("set_selection", BAD, "'ids' must be a list", "ids", "r"),
                refuse("set_view", BAD, "'zoom' must be between", "zoom", 0.0),
                refuse("set_view", BAD, "'w' must be between 0", "w", -5.0),
                refuse("set_view", MISSING, "no node 'ghost'", "frame", "ghost"),

                refuse("put_asset", BAD, "not a PNG, JPEG, GIF or WebP", "bytes", new byte[] {1, 2, 3}),
                refuse("put_asset", BAD, "'bytes' must be bytes", "bytes", "iVBORw0KGgo="),
                refuse("sweep_presence", ReducerException.FORBIDDEN, "run by the host itself"));
    }

    @BeforeEach
    void open() {
        doc = CanvasFixture.withTwoEditors(dir);
        doc.frame(ALICE, "f", null, 0, 0);
        doc.child(ALICE, "inner", "f", 0, 0);
        doc.rect(ALICE, "r", 0, 0);
        doc.call(ALICE, "create_node", "id", "t", "kind", "text", "page", PAGE);
        doc.call(ALICE, "create_node", "id", "g", "kind", "group", "page", PAGE);
        doc.call(ALICE, "create_node", "id", "g1", "kind", "group", "page", PAGE, "parent", "g");
        doc.call(ALICE, "add_page", "id", "p2");
        doc.call(ALICE, "create_node", "id", "elsewhere", "kind", "rect", "page", "p2");
    }

    @AfterEach
    void close() {
        doc.close();
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusedWithAClearMessageAndNothingChanged(Case c) {
        ReducerException e = doc.fails(c.code(), ALICE, c.reducer(), c.args());
        assertTrue(e.getMessage().contains(c.message()), "message was: " + e.getMessage());
    }

    @Test
    void theLastPageCannotBeDeleted() {
        doc.call(ALICE, "delete_page", "id", "p2");
        ReducerException e = doc.fails(BAD, ALICE, "delete_page", "id", PAGE);
        assertTrue(e.getMessage().contains("only page"), e.getMessage());
    }

    @Test
    void setViewNeedsAPresentCaller() {
        doc.fails(MISSING, CanvasFixture.CAROL, "set_view", "zoom", 2.0);
    }
}
