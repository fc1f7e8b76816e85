package dev.easel.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.app.canvas.SnapIndex;
import dev.easel.app.document.NodeView;
import dev.easel.engine.table.Row;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Edit menu's commands through their shortcuts (copy, paste, duplicate, group, ungroup, bring forward,
 * send backward), inline text editing and snapping while moving; each checks the replica's rows.
 */
class EditCommandsTest extends OneWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private String create(String kind, double x, double y, double w, double h, Map<String, Object> more) {
        String id = AppFixture.fx(() -> {
            java.util.Map<String, Object> f = new java.util.HashMap<>(more);
            f.put("x", x);
            f.put("y", y);
            f.put("w", w);
            f.put("h", h);
            return app.window.model().createNode(kind, null, f);
        });
        app.awaitNode(r -> id.equals(r.get(app.col("id"))));
        WaitForAsyncUtils.waitForFxEvents();
        return id;
    }

    private void select(String... ids) {
        AppFixture.fx(() -> {
            app.window.model().selection().set(List.of(ids));
            app.window.canvas().requestFocus();
            return null;
        });
    }

    private void shortcut(FxRobot robot, KeyCode... keys) {
        KeyCode[] all = new KeyCode[keys.length];
        robot.press(KeyCode.CONTROL);
        for (int i = 0; i < keys.length - 1; i++) {
            robot.press(keys[i]);
            all[i] = keys[i];
        }
        robot.type(keys[keys.length - 1]);
        for (int i = keys.length - 2; i >= 0; i--) {
            robot.release(keys[i]);
        }
        robot.release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private long count(String kind) {
        return app.confirmedNodes().stream().filter(r -> kind.equals(r.get(app.col("kind")))).count();
    }

    private Row row(String id) {
        return app.confirmedNodes().stream().filter(r -> id.equals(r.get(app.col("id")))).findFirst().orElse(null);
    }

    /** The ids of the page's top-level nodes, bottom to top. */
    private List<String> stack() {
        return AppFixture.fx(() -> app.window.model().children(null).stream().map(NodeView::id).toList());
    }

    @Test
    void copyPasteDuplicateAndUndo(FxRobot robot) {
        app.awaitReady();
        String a = create("rect", 100, 100, 80, 60, Map.of("fill", "#ff0000"));
        select(a);
        shortcut(robot, KeyCode.C);
        shortcut(robot, KeyCode.V);
        Row pasted = app.awaitNode(r -> "rect".equals(r.get(app.col("kind"))) && app.num(r, "x") == 110);
        assertEquals(110, app.num(pasted, "y"), 0.01);
        assertEquals("#ff0000", pasted.get(app.col("fill")));
        String pastedId = (String) pasted.get(app.col("id"));
        assertTrue(pastedId.startsWith(app.identity.id().substring(0, 6)), pastedId);
        await().atMost(AppFixture.TIMEOUT).until(() -> pastedId.equals(AppFixture.fx(
                () -> app.window.model().selection().single())));

        // A second paste lands further on; duplicate copies the selection (the second paste).
        shortcut(robot, KeyCode.V);
        app.awaitNode(r -> "rect".equals(r.get(app.col("kind"))) && app.num(r, "x") == 120);
        shortcut(robot, KeyCode.D);
        app.awaitNode(r -> "rect".equals(r.get(app.col("kind"))) && app.num(r, "x") == 130 && app.num(r, "y") == 130);
        assertEquals(4, count("rect"));

        // Each is one undo step.
        shortcut(robot, KeyCode.Z);
        await().atMost(AppFixture.TIMEOUT).until(() -> count("rect") == 3 && !app.document.connection().replica().hasPredictions());
        shortcut(robot, KeyCode.SHIFT, KeyCode.Z);
        await().atMost(AppFixture.TIMEOUT).until(() -> count("rect") == 4);

        // Pasting after the original is deleted makes it again from the copied rows, still one undo step.
        AppFixture.fx(() -> app.window.model().deleteNodes(java.util.Set.of(a)));
        await().atMost(AppFixture.TIMEOUT).until(() -> row(a) == null && count("rect") == 3);
        shortcut(robot, KeyCode.V);
        await().atMost(AppFixture.TIMEOUT).until(() -> count("rect") == 4);
        shortcut(robot, KeyCode.Z);
        await().atMost(AppFixture.TIMEOUT).until(() -> count("rect") == 3);
    }

    @Test
    void groupUngroupAndRestack(FxRobot robot) {
        app.awaitReady();
        String a = create("rect", 100, 100, 50, 50, Map.of());
        String b = create("ellipse", 200, 120, 60, 40, Map.of());
        String c = create("rect", 300, 300, 20, 20, Map.of());
        assertEquals(List.of(a, b, c), stack());

        // Bring forward: a goes above b; send backward: c goes below b.
        select(a);
        shortcut(robot, KeyCode.CLOSE_BRACKET);
        await().atMost(AppFixture.TIMEOUT).until(() -> stack().equals(List.of(b, a, c)));
        select(c);
        shortcut(robot, KeyCode.OPEN_BRACKET);
        await().atMost(AppFixture.TIMEOUT).until(() -> stack().equals(List.of(b, c, a)));
        shortcut(robot, KeyCode.Z);
        await().atMost(AppFixture.TIMEOUT).until(() -> stack().equals(List.of(b, a, c)));

        // Group a and b: one group row holding both, selected; its box fits them.
        select(a, b);
        shortcut(robot, KeyCode.G);
        Row group = app.awaitNode(r -> "group".equals(r.get(app.col("kind"))));
        String g = (String) group.get(app.col("id"));
        assertEquals(100, app.num(group, "x"), 0.01);
        assertEquals(160, app.num(group, "w"), 0.01);
        assertEquals(g, row(a).get(app.col("parent")));
        assertEquals(g, row(b).get(app.col("parent")));
        await().atMost(AppFixture.TIMEOUT).until(() -> g.equals(AppFixture.fx(() -> app.window.model().selection().single())));

        // Ungroup puts them back where they were, selected.
        shortcut(robot, KeyCode.SHIFT, KeyCode.G);
        await().atMost(AppFixture.TIMEOUT).until(() -> count("group") == 0 && row(a) != null
                && row(a).get(app.col("parent")) == null && !app.document.connection().replica().hasPredictions());
        assertEquals(100, app.num(row(a), "x"), 0.01);
        assertEquals(200, app.num(row(b), "x"), 0.01);
        assertEquals(2, (int) AppFixture.fx(() -> app.window.model().selection().ids().size()));

        // Undo the ungroup, then the group: each one step.
        shortcut(robot, KeyCode.Z);
        await().atMost(AppFixture.TIMEOUT).until(() -> count("group") == 1);
        shortcut(robot, KeyCode.Z);
        await().atMost(AppFixture.TIMEOUT).until(() -> count("group") == 0 && row(a).get(app.col("parent")) == null);
    }

    @Test
    void inlineTextEditing(FxRobot robot) {
        app.awaitReady();
        String t = create("text", 100, 100, 200, 30, Map.of("text", "Hello", "font_size", 20.0));
        // Double-click opens the editor over the node; typing and Enter commit one set_text.
        robot.doubleClickOn(app.onCanvas(120, 110));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(AppFixture.fx(() -> app.window.textEditor().isEditing()));
        assertEquals(t, AppFixture.fx(() -> app.window.textEditor().nodeId()));
        robot.write("Goodbye");
        robot.type(KeyCode.ENTER);
        app.awaitNode(r -> t.equals(r.get(app.col("id"))) && "Goodbye".equals(r.get(app.col("text"))));
        assertFalse(AppFixture.fx(() -> app.window.textEditor().isEditing()));
        // The lock taken while editing is given back.
        await().atMost(AppFixture.TIMEOUT).until(() -> row(t).get(app.col("locked_by")) == null);

        // Escape cancels.
        robot.doubleClickOn(app.onCanvas(120, 110));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(AppFixture.fx(() -> app.window.textEditor().isEditing()));
        robot.write("Nope");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(AppFixture.fx(() -> app.window.textEditor().isEditing()));
        assertEquals("Goodbye", row(t).get(app.col("text")));

        // Focus leaving the field commits; the edit is one undo step.
        robot.doubleClickOn(app.onCanvas(120, 110));
        robot.write("Third");
        AppFixture.fx(() -> {
            app.window.canvas().requestFocus();
            return null;
        });
        app.awaitNode(r -> t.equals(r.get(app.col("id"))) && "Third".equals(r.get(app.col("text"))));
        shortcut(robot, KeyCode.Z);
        app.awaitNode(r -> t.equals(r.get(app.col("id"))) && "Goodbye".equals(r.get(app.col("text"))));
    }

    @Test
    void movingSnapsToOtherNodesWithGuides(FxRobot robot) {
        app.awaitReady();
        create("rect", 100, 100, 100, 100, Map.of());
        String b = create("rect", 300, 400, 50, 50, Map.of());
        // Drag b so its left edge comes 3 px right of a's right edge (203) and its top 2 px below a's top.
        Point2D from = app.onCanvas(320, 420);
        robot.drag(from, MouseButton.PRIMARY).moveTo(app.onCanvas(270, 260)).moveTo(app.onCanvas(223, 122));
        WaitForAsyncUtils.waitForFxEvents();
        List<SnapIndex.Guide> guides = AppFixture.fx(() -> app.window.canvas().guides());
        assertTrue(guides.stream().anyMatch(g -> g.vertical() && g.at() == 200), guides.toString());
        assertTrue(guides.stream().anyMatch(g -> !g.vertical() && g.at() == 100), guides.toString());
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Row moved = app.awaitNode(r -> b.equals(r.get(app.col("id"))) && app.num(r, "x") == 200);
        assertEquals(100, app.num(moved, "y"), 0.01);
        assertTrue(AppFixture.fx(() -> app.window.canvas().guides().isEmpty()));
        assertNotNull(moved);
        assertNull(Objects.requireNonNull(row(b)).get(app.col("parent")));
    }
}
