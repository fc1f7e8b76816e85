package dev.easel.app;

import static org.awaitility.Awaitility.await;

import dev.easel.app.document.LocalDocuments;
import dev.easel.app.document.OpenDocument;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Identity;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** A main window on a fresh in-process document, and helpers to read the replica the window edits. */
final class AppFixture {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    final Identity identity = new Identity("tester" + Long.toHexString(System.nanoTime()));
    final OpenDocument document;
    final MainWindow window;

    /** Call from a TestFX {@code @Start} method (on the JavaFX thread). */
    AppFixture(Stage stage) {
        document = LocalDocuments.createUnsaved(identity, "Tester");
        window = new MainWindow(stage, identity, "Tester");
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1200);
        stage.setHeight(800);
        window.show(document);
        stage.show();
        window.canvas().requestFocus();
    }

    /** Waits until the document's first page is known on the UI side. */
    void awaitReady() {
        WaitForAsyncUtils.waitForFxEvents();
        await().atMost(TIMEOUT).until(() -> fx(() -> window.model() != null && window.model().page() != null));
    }

    List<Row> nodes() {
        return document.connection().replica().rows("node");
    }

    /** The confirmed rows (what the host committed), once no prediction is outstanding. */
    List<Row> confirmedNodes() {
        return document.connection().replica().confirmedRows("node");
    }

    int col(String name) {
        return document.connection().schema().require("node").columnIndex(name);
    }

    double num(Row r, String column) {
        return ((Number) r.get(col(column))).doubleValue();
    }

    /** Waits until some confirmed node row matches, with no predictions left, and returns it. */
    Row awaitNode(Predicate<Row> p) {
        await().atMost(TIMEOUT).until(() -> !document.connection().replica().hasPredictions()
                && confirmedNodes().stream().anyMatch(p));
        return confirmedNodes().stream().filter(p).findFirst().orElseThrow();
    }

    /**
     * A point of the canvas, given in canvas pixels, on the screen, rounded to whole pixels (the robot
     * truncates, and layout sums such as 146.99999999999997 would otherwise land a pixel off).
     */
    Point2D onCanvas(double x, double y) {
        Point2D p = fx(() -> window.canvas().localToScreen(x, y));
        return new Point2D(Math.round(p.getX()), Math.round(p.getY()));
    }

    /** Drags with the primary button from one canvas point to another (canvas pixels), then lets the UI settle. */
    void drag(FxRobot robot, double x1, double y1, double x2, double y2) {
        Point2D from = onCanvas(x1, y1);
        Point2D to = onCanvas(x2, y2);
        robot.drag(from, MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Raises the context-menu request a right click raises on a desktop (Monocle's robot does not), at the
     * middle of {@code n}, then lets the UI settle.
     */
    static void requestContextMenu(Node n) {
        fx(() -> {
            Bounds b = n.localToScreen(n.getBoundsInLocal());
            n.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, b.getWidth() / 2,
                    b.getHeight() / 2, b.getCenterX(), b.getCenterY(), false, null));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the window and its first document, and the one it shows now if a test opened another. */
    void close() {
        OpenDocument shown = fx(() -> {
            window.model().close();
            window.stage().hide();
            return window.document();
        });
        document.close();
        if (shown != null && shown != document) {
            shown.close();
        }
    }
}
