package dev.easel.app;

import static dev.easel.app.AppFixture.TIMEOUT;
import static dev.easel.app.AppFixture.fx;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.app.document.NodeView;
import dev.easel.app.panels.DropZone;
import dev.easel.app.panels.LayersPanel;
import dev.easel.engine.table.Row;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The layers panel through the real window: rename in place, drag to restack or nest, hide and lock. Each
 * assertion reads the node rows the in-process host committed (and the tree's rows), and each change is
 * undone again with Ctrl+Z.
 */
class LayersPanelTest extends OneWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    /** A node made through the model (as the tools do), waited for until the host has committed it. */
    private String create(String kind, String parent, String name, double x, double y, double w, double h) {
        String id = fx(() -> app.window.model().createNode(kind, parent, Map.of("name", name, "x", x, "y", y,
                "w", w, "h", h, "fill", "#808080")));
        app.awaitNode(r -> id.equals(r.get(app.col("id"))));
        await().atMost(TIMEOUT).until(() -> fx(() -> rowIds().contains(id)));
        return id;
    }

    private Row row(String id) {
        return app.confirmedNodes().stream().filter(r -> id.equals(r.get(app.col("id")))).findFirst().orElse(null);
    }

    private Object field(String id, String column) {
        Row r = row(id);
        return r == null ? null : r.get(app.col(column));
    }

    /** Waits until the host has committed {@code column} = {@code value} for the node, with nothing predicted. */
    private void awaitField(String id, String column, Object value) {
        await().atMost(TIMEOUT).until(() -> !app.document.connection().replica().hasPredictions()
                && java.util.Objects.equals(field(id, column), value));
    }

    private LayersPanel layers() {
        return app.window.layers();
    }

    private List<String> rowIds() {
        return layers().rows().stream().map(NodeView::id).toList();
    }

    @SuppressWarnings("unchecked")
    private TreeCell<NodeView> cell(FxRobot robot, String id) {
        WaitForAsyncUtils.waitForFxEvents();
        // Only rows on screen: the tree keeps an invisible cell aside for measuring.
        return (TreeCell<NodeView>) robot.lookup(".layer-cell").match(NodeQueryUtils.isVisible())
                .match((Node n) -> n instanceof TreeCell<?> c && c.getItem() instanceof NodeView v && v.id().equals(id))
                .query();
    }

    /** A point on a layer's row, {@code fraction} of the way down it, away from the toggles on the right. */
    private Point2D onRow(FxRobot robot, String id, double fraction) {
        TreeCell<NodeView> c = cell(robot, id);
        Bounds b = fx(() -> c.localToScreen(c.getBoundsInLocal()));
        return new Point2D(Math.round(b.getMinX() + b.getWidth() * 0.45),
                Math.round(b.getMinY() + b.getHeight() * fraction));
    }

    private boolean rowHas(FxRobot robot, String id, String pseudoClass) {
        TreeCell<NodeView> c = cell(robot, id);
        return fx(() -> c.getPseudoClassStates().contains(PseudoClass.getPseudoClass(pseudoClass)));
    }

    private void undo(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    }

    private Set<String> selected() {
        return fx(() -> Set.copyOf(app.window.model().selection().ids()));
    }

    private List<String> selectedRows() {
        return fx(() -> layers().tree().getSelectionModel().getSelectedItems().stream()
                .map(item -> item.getValue().id()).toList());
    }

    private void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, KeyCode.ALT).type(key).release(KeyCode.ALT, KeyCode.CONTROL);
    }

    // ---- tests -----------------------------------------------------------------------------------------

    @Test
    void renameInPlaceByDoubleClickAndF2(FxRobot robot) {
        app.awaitReady();
        String id = create("rect", null, "Box", 100, 100, 80, 60);

        robot.doubleClickOn(onRow(robot, id, 0.5), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(id, fx(() -> layers().renaming()));
        // The whole name is selected: typing replaces it; Enter commits one update_node.
        robot.write("Hero").type(KeyCode.ENTER);
        awaitField(id, "name", "Hero");
        await().atMost(TIMEOUT).until(() -> fx(() -> "Hero".equals(layers().rows().get(0).name())));
        assertNull(fx(() -> layers().renaming()));

        // F2 on the selected row opens it again; Escape leaves the name as it was.
        robot.clickOn(onRow(robot, id, 0.5));
        robot.type(KeyCode.F2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(id, fx(() -> layers().renaming()));
        robot.write("Nope").type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(fx(() -> layers().renaming()));
        assertEquals("Hero", field(id, "name"));
        assertEquals(Set.of(id), selected(), "Escape in the field does not clear the selection");

        // The rename was one undo step.
        undo(robot);
        awaitField(id, "name", "Box");
        assertTrue(app.confirmedNodes().size() == 1, "undo of the rename does not remove the node");
    }

    @Test
    void dragRestacksAndNestsWithAnIndicator(FxRobot robot) {
        app.awaitReady();
        String frame = create("frame", null, "Frame", 400, 80, 300, 300);
        String a = create("rect", null, "A", 60, 60, 80, 80);
        String b = create("rect", null, "B", 60, 200, 80, 80);
        // Topmost first.
        assertEquals(List.of(b, a, frame), fx(this::rowIds));
        String zB = (String) field(b, "z");

        // A dragged onto the top edge of B's row goes above B: reorder, only A's z changes.
        robot.drag(onRow(robot, a, 0.5), MouseButton.PRIMARY).moveTo(onRow(robot, b, 0.15));
        assertEquals(new LayersPanel.DropIndicator(b, DropZone.ABOVE), fx(() -> layers().dropIndicator()));
        assertTrue(rowHas(robot, b, "drop-above"));
        robot.release(MouseButton.PRIMARY);
        await().atMost(TIMEOUT).until(() -> !app.document.connection().replica().hasPredictions()
                && ((String) field(a, "z")).compareTo((String) field(b, "z")) > 0);
        assertEquals(zB, field(b, "z"));
        await().atMost(TIMEOUT).until(() -> fx(this::rowIds).equals(List.of(a, b, frame)));
        assertNull(fx(() -> layers().dropIndicator()));

        // B dragged onto the middle of the frame's row goes inside it, on top, keeping where it appears.
        robot.drag(onRow(robot, b, 0.5), MouseButton.PRIMARY).moveTo(onRow(robot, frame, 0.5));
        assertEquals(new LayersPanel.DropIndicator(frame, DropZone.INTO), fx(() -> layers().dropIndicator()));
        robot.release(MouseButton.PRIMARY);
        awaitField(b, "parent", frame);
        assertEquals(60.0 - 400.0, ((Number) field(b, "x")).doubleValue(), 1e-9);
        await().atMost(TIMEOUT).until(() -> fx(this::rowIds).equals(List.of(a, frame, b)));
        assertEquals(1, fx(() -> app.window.model().depth(app.window.model().node(b))));

        // The frame cannot go into its own child: no indicator, and the drop changes nothing.
        robot.drag(onRow(robot, frame, 0.5), MouseButton.PRIMARY).moveTo(onRow(robot, b, 0.5));
        assertNull(fx(() -> layers().dropIndicator()));
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(field(frame, "parent"));
        assertEquals(frame, field(b, "parent"));

        // Each drop was one undo step.
        undo(robot);
        awaitField(b, "parent", null);
        assertEquals(60.0, ((Number) field(b, "x")).doubleValue(), 1e-9);
        undo(robot);
        await().atMost(TIMEOUT).until(() -> !app.document.connection().replica().hasPredictions()
                && ((String) field(a, "z")).compareTo((String) field(b, "z")) < 0);
        await().atMost(TIMEOUT).until(() -> fx(this::rowIds).equals(List.of(b, a, frame)));
    }

    @Test
    void hiddenAndLockedLayersAreLeftAloneByTheCanvas(FxRobot robot) {
        app.awaitReady();
        String below = create("rect", null, "Below", 100, 100, 200, 200);
        String top = create("rect", null, "Top", 150, 150, 100, 100);
        Point2D overBoth = app.onCanvas(200, 200);
        Point2D empty = app.onCanvas(700, 600);

        robot.clickOn(overBoth);
        assertEquals(Set.of(top), selected(), "the topmost node is picked");
        assertEquals(List.of(top), selectedRows(), "and its row is selected");
        robot.clickOn(empty);
        assertEquals(List.of(), selectedRows());
        assertTrue(selected().isEmpty());

        // Hide the top node from its row's eye: the row shows it, and a click goes through to the node below.
        robot.clickOn(robot.from(cell(robot, top)).lookup(".layer-eye").queryAs(javafx.scene.control.Button.class));
        awaitField(top, "visible", false);
        await().atMost(TIMEOUT).until(() -> rowHas(robot, top, "hidden-layer"));
        robot.clickOn(overBoth);
        assertEquals(Set.of(below), selected());
        robot.clickOn(empty);
        undo(robot);
        awaitField(top, "visible", true);
        await().atMost(TIMEOUT).until(() -> !rowHas(robot, top, "hidden-layer"));

        // Lock it: clicks go through, a marquee over both picks only the node below, and it cannot be dragged.
        robot.clickOn(robot.from(cell(robot, top)).lookup(".layer-lock").queryAs(javafx.scene.control.Button.class));
        awaitField(top, "locked", true);
        await().atMost(TIMEOUT).until(() -> rowHas(robot, top, "locked-layer"));
        // The layer lock is not the advisory lock (an earlier selection's advisory lock is released a moment
        // after deselecting, hence the wait).
        await().atMost(TIMEOUT).until(() -> field(top, "locked_by") == null);
        assertEquals(true, field(top, "locked"));
        robot.clickOn(overBoth);
        assertEquals(Set.of(below), selected());
        robot.clickOn(empty);
        robot.drag(app.onCanvas(80, 80), MouseButton.PRIMARY).moveTo(app.onCanvas(320, 320)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Set.of(below), selected());

        // The layers panel still selects it, and the properties panel still edits it.
        robot.clickOn(onRow(robot, top, 0.5));
        assertEquals(Set.of(top), selected());
        assertEquals(-1, (int) fx(() -> app.window.canvas().handleAt(250, 250)), "no resize handle on a locked node");
        robot.doubleClickOn("#prop-w");
        robot.eraseText(6).write("120").type(KeyCode.ENTER);
        awaitField(top, "w", 120.0);
        // A drag on the canvas over it picks and moves the node below instead.
        robot.drag(app.onCanvas(200, 200), MouseButton.PRIMARY).moveTo(app.onCanvas(240, 230)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        awaitField(below, "x", 140.0);
        assertEquals(150.0, ((Number) field(top, "x")).doubleValue(), 1e-9);
        assertEquals(Set.of(below), selected());

        // Undo: the drag of the node below, the width, then the lock.
        undo(robot);
        undo(robot);
        awaitField(top, "w", 100.0);
        undo(robot);
        awaitField(top, "locked", false);
        await().atMost(TIMEOUT).until(() -> !rowHas(robot, top, "locked-layer"));
        robot.clickOn(empty);
        robot.clickOn(overBoth);
        assertEquals(Set.of(top), selected());
        assertFalse((Boolean) field(top, "locked"));
    }

    @Test
    void selectAllAndArrowKeysLeaveLockedAndHiddenLayersAlone(FxRobot robot) {
        app.awaitReady();
        String free = create("rect", null, "Free", 100, 100, 80, 60);
        String locked = create("rect", null, "Locked", 300, 100, 80, 60);
        String hidden = create("rect", null, "Hidden", 500, 100, 80, 60);
        fx(() -> app.window.model().updateNode(locked, Map.of("locked", true)));
        fx(() -> app.window.model().updateNode(hidden, Map.of("visible", false)));
        awaitField(locked, "locked", true);
        awaitField(hidden, "visible", false);

        robot.clickOn(app.onCanvas(140, 130));
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        assertEquals(Set.of(free), selected(), "Select All takes what a marquee would");

        // The locked layer selected from the panel along with the free one: arrow keys move only the free one.
        fx(() -> {
            app.window.model().selection().set(List.of(free, locked));
            return null;
        });
        robot.type(KeyCode.RIGHT);
        awaitField(free, "x", 101.0);
        assertEquals(300.0, ((Number) field(locked, "x")).doubleValue(), 1e-9);
    }

    @Test
    void aHiddenOrLockedFrameCoversWhatIsInside(FxRobot robot) {
        app.awaitReady();
        String frame = create("frame", null, "Frame", 100, 100, 300, 200);
        String inside = create("rect", frame, "Inside", 50, 50, 100, 80);
        Point2D overInside = app.onCanvas(200, 190);
        Point2D empty = app.onCanvas(700, 600);
        robot.clickOn(overInside);
        assertEquals(Set.of(inside), selected());
        assertEquals(List.of(inside), selectedRows());

        // Layer > Show/Hide Layer on the frame's row (Ctrl+Alt+H): what is inside goes with it.
        robot.clickOn(onRow(robot, frame, 0.5));
        shortcut(robot, KeyCode.H);
        awaitField(frame, "visible", false);
        assertEquals(true, field(inside, "visible"), "only the frame's own row changes");
        assertTrue(fx(() -> app.window.model().hiddenOnCanvas(app.window.model().node(inside))));
        robot.clickOn(empty);
        robot.clickOn(overInside);
        assertTrue(selected().isEmpty());
        undo(robot);
        awaitField(frame, "visible", true);

        // Layer > Lock/Unlock Layer (Ctrl+Alt+L): nothing inside can be picked on the canvas either.
        robot.clickOn(onRow(robot, frame, 0.5));
        shortcut(robot, KeyCode.L);
        awaitField(frame, "locked", true);
        robot.clickOn(empty);
        robot.clickOn(overInside);
        assertTrue(selected().isEmpty());
        undo(robot);
        awaitField(frame, "locked", false);
        robot.clickOn(overInside);
        assertEquals(Set.of(inside), selected());

        // Several selected rows hide together, and one undo shows them all again.
        robot.clickOn(onRow(robot, frame, 0.5));
        robot.press(KeyCode.SHIFT).clickOn(onRow(robot, inside, 0.5)).release(KeyCode.SHIFT);
        assertEquals(Set.of(frame, inside), selected());
        shortcut(robot, KeyCode.H);
        awaitField(frame, "visible", false);
        awaitField(inside, "visible", false);
        undo(robot);
        awaitField(frame, "visible", true);
        awaitField(inside, "visible", true);
    }
}
