package dev.easel.app.bench;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.LocalDocuments;
import dev.easel.app.document.NodeView;
import dev.easel.app.document.OpenDocument;
import dev.easel.bench.Figures;
import dev.easel.engine.Engine;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.Identity;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.HdrHistogram.Histogram;

/**
 * {@code ./easel bench app}: a real {@link CanvasView} over a {@link DocumentModel} of an in-process document
 * holding {@code nodes} rectangles and ellipses, all visible (zoomed to fit), in a 1280x800 window on the
 * software pipeline. A frame is timed from the change (a predicted move of one node, a pan, a zoom) on the
 * JavaFX thread until the canvas has redrawn and its pixels are rendered (a snapshot of the canvas, which
 * rasterizes what the redraw queued and composes the canvas's layers). The dragged node is selected, as in a
 * user's drag; the pan sweeps back and forth so that each frame brings new parts of the page into view.
 */
public final class AppBench {
    private static final String MONOCLE = "com.sun.glass.ui.monocle.MonoclePlatformFactory";
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;

    private final boolean quick;
    private final int nodes;
    private final Figures out;
    private final PrintStream err;

    private CanvasView canvas;
    private DocumentModel model;
    private Stage stage;
    private WritableImage image;
    private FrameCpu cpu;

    public AppBench(boolean quick, int nodes, PrintStream out, PrintStream err) {
        this.quick = quick;
        this.nodes = quick ? Math.min(nodes, 2_000) : nodes;
        this.out = new Figures(out);
        this.err = err;
    }

    /**
     * Sets up JavaFX to run without a display when it has not started yet: Monocle's headless platform if it
     * is on the class path, and the software pipeline.
     */
    static void prepareToolkit() {
        if (System.getProperty("prism.order") == null) {
            System.setProperty("prism.order", "sw");
        }
        if (System.getProperty("glass.platform") == null && monoclePresent()) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            if (System.getProperty("prism.text") == null) {
                System.setProperty("prism.text", "t2k");
            }
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static boolean monoclePresent() {
        try {
            Class.forName(MONOCLE, false, AppBench.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Starts JavaFX unless it runs already (as in the app's tests). */
    static void startToolkit() throws InterruptedException {
        prepareToolkit();
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException already) {
            started.countDown();
        }
        if (!started.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("JavaFX did not start");
        }
        Platform.setImplicitExit(false);
    }

    public void run() throws Exception {
        startToolkit();
        err.println("app: seeding " + nodes + " nodes...");
        Identity who = new Identity("bench-app");
        OpenDocument doc = LocalDocuments.createUnsaved(who, "Bench");
        try {
            model = fx(() -> new DocumentModel(doc.connection(), Platform::runLater));
            model.open().get(60, TimeUnit.SECONDS);
            String page = null;
            for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); page == null; Thread.sleep(10)) {
                page = fx(() -> model.page());
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("the document has no page");
                }
            }
            seed(doc.engine(), who, page);
            fx(() -> {
                canvas = new CanvasView();
                stage = new Stage();
                stage.setScene(new Scene(new StackPane(canvas), WIDTH, HEIGHT));
                stage.show();
                canvas.setModel(model);
                image = new WritableImage(WIDTH, HEIGHT);
                return null;
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (fx(() -> model.nodeCount()) < nodes) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the canvas did not receive the nodes");
                }
                Thread.sleep(20);
            }
            // Everything in view, with room to zoom out and pan without losing a node.
            fx(() -> {
                canvas.viewport().fit(canvas.contentBounds(), canvas.getWidth(), canvas.getHeight());
                canvas.viewport().zoomAt(canvas.viewport().zoom() * 0.9, canvas.getWidth() / 2, canvas.getHeight() / 2);
                return null;
            });
            frame(canvas::requestRedraw);
            cpu = FrameCpu.ofRenderingThreads(fx(Thread::currentThread));
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("nodes", nodes);
            params.put("visible", fx(this::visibleCount));
            params.put("size", WIDTH + "x" + HEIGHT);
            params.put("pipeline", System.getProperty("prism.order", "default"));
            params.put("glass", System.getProperty("glass.platform", "default"));
            if (quick) {
                params.put("quick", true);
            }
            drag(params);
            pan(params);
            zoom(params);
        } finally {
            if (stage != null) {
                fx(() -> {
                    canvas.setModel(null);
                    stage.hide();
                    return null;
                });
            }
            if (model != null) {
                model.close();
            }
            doc.close();
        }
    }

    private void seed(Engine engine, Identity who, String page) {
        int columns = (int) Math.ceil(Math.sqrt(nodes * 1.6));
        List<CompletableFuture<?>> calls = new ArrayList<>(nodes);
        String[] fills = {"#0d99ff", "#f24822", "#14ae5c", "#ffcd29", "#9747ff"};
        for (int i = 0; i < nodes; i++) {
            calls.add(engine.call(who, "create_node", Args.of("id", "n" + i, "kind", i % 3 == 0 ? "ellipse" : "rect",
                    "page", page, "x", (double) (i % columns) * 24, "y", (double) (i / columns) * 24,
                    "w", 20.0, "h", 20.0, "fill", fills[i % fills.length], "stroke", "#333333",
                    "stroke_width", 1.0)));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
    }

    private int visibleCount() {
        javafx.geometry.Bounds v = canvas.viewport().visibleWorld(canvas.getWidth(), canvas.getHeight());
        int n = 0;
        for (NodeView node : model.drawOrder()) {
            if (node.x() >= v.getMinX() && node.y() >= v.getMinY() && node.x() + node.w() <= v.getMaxX()
                    && node.y() + node.h() <= v.getMaxY()) {
                n++;
            }
        }
        return n;
    }

    private int frames() {
        return quick ? 20 : 300;
    }

    private int warmup() {
        return quick ? 5 : 50;
    }

    private void drag(Map<String, Object> params) throws Exception {
        err.println("app: dragging one node...");
        String id = "n" + (nodes / 2);
        double[] origin = fx(() -> new double[] {model.node(id).x(), model.node(id).y()});
        // As a user's drag: the node is selected (outline and handles drawn every frame) within one gesture.
        frame(() -> model.selection().set(List.of(id)));
        fx(() -> {
            model.beginGesture();
            return null;
        });
        Histogram h = histogram();
        int total = warmup() + frames();
        for (int i = 0; i < total; i++) {
            double x = origin[0] + (i % 100 + 1) * 2;
            double y = origin[1] + (i % 37);
            if (i == warmup()) {
                cpu.start();
            }
            long t = frame(() -> model.moveNodes(Map.of(id, new double[] {x, y})));
            if (i >= warmup()) {
                h.recordValue(t);
            }
        }
        params = withCpu(params, frames());
        fx(() -> {
            model.endGesture();
            return null;
        });
        emit("app.drag_frame_ms_p99", h, 99, params, 16);
    }

    private void pan(Map<String, Object> params) throws Exception {
        err.println("app: panning...");
        Histogram h = histogram();
        int total = warmup() + frames();
        for (int i = 0; i < total; i++) {
            if (i == warmup()) {
                cpu.start();
            }
            // Sweeps of 10 frames one way then back (70 by 35 pixels: every node stays in view), so that each
            // frame brings new strips of the page into view.
            double d = i / 10 % 2 == 0 ? 7 : -7;
            long t = frame(() -> canvas.viewport().panBy(d, d / 2));
            if (i >= warmup()) {
                h.recordValue(t);
            }
        }
        params = withCpu(params, frames());
        emit("app.pan_frame_ms_p99", h, 99, params, 16);
    }

    private void zoom(Map<String, Object> params) throws Exception {
        err.println("app: zoom changes (full redraws)...");
        Histogram h = histogram();
        int total = quick ? 10 : 60;
        for (int i = 0; i < total; i++) {
            if (i == total / 3) {
                cpu.start();
            }
            double f = i % 2 == 0 ? 0.9 : 1 / 0.9;
            long t = frame(() -> canvas.viewport().zoomAt(canvas.viewport().zoom() * f, WIDTH / 2.0, HEIGHT / 2.0));
            if (i >= total / 3) {
                h.recordValue(t);
            }
        }
        params = withCpu(params, total - total / 3);
        emit("app.full_redraw_ms", h, 50, params, 50);
    }

    /**
     * The parameters plus the CPU time the JavaFX and renderer threads spent per timed frame: on a busy
     * machine the wall-clock figures include waiting for a core, this does not.
     */
    private Map<String, Object> withCpu(Map<String, Object> params, int frames) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        double perFrame = cpu.elapsedNanos() / 1e6 / Math.max(1, frames);
        if (perFrame >= 0) {
            p.put("cpu_ms_per_frame", Math.round(perFrame * 1000) / 1000.0);
        }
        return p;
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
    }

    private void emit(String figure, Histogram h, double percentile, Map<String, Object> params, double target) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.put("stat", percentile == 50 ? "median" : "p" + (int) percentile);
        p.put("frames", h.getTotalCount());
        p.put("p50_ms", ms(h.getValueAtPercentile(50)));
        p.put("p99_ms", ms(h.getValueAtPercentile(99)));
        p.put("max_ms", ms(h.getMaxValue()));
        p.put("target_ms", target);
        out.emit(figure, ms(h.getValueAtPercentile(percentile)), "ms", p);
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1e3) / 1e3;
    }

    /**
     * Times one frame: runs {@code change} on the JavaFX thread, waits (yielding the thread) until the canvas
     * has redrawn, then renders the canvas's pixels. Nanoseconds.
     */
    private long frame(Runnable change) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            long before = canvas.redrawCount();
            long start = System.nanoTime();
            try {
                change.run();
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                return;
            }
            awaitRedraw(before, start, done);
        });
        return done.get(60, TimeUnit.SECONDS);
    }

    private void awaitRedraw(long before, long start, CompletableFuture<Long> done) {
        if (canvas.redrawCount() > before) {
            try {
                canvas.snapshot(null, image);
                done.complete(System.nanoTime() - start);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        } else if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(30)) {
            done.completeExceptionally(new IllegalStateException("the canvas did not redraw"));
        } else {
            Platform.runLater(() -> awaitRedraw(before, start, done));
        }
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return c.call();
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
