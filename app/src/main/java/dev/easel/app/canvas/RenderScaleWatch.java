package dev.easel.app.canvas;

import java.util.function.DoubleConsumer;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Follows the render scale of the window a node is shown in (2 on a HiDPI screen, or whatever the window is
 * set to), through the node's scene and the scene's window as either changes, and reports each new value.
 */
final class RenderScaleWatch {
    private final DoubleConsumer onChange;
    private Window window;
    private double last = 1;
    private final ChangeListener<Number> scaleListener = (o, a, b) -> check();
    private final ChangeListener<Window> windowListener = (o, a, b) -> watch(b);

    private RenderScaleWatch(DoubleConsumer onChange) {
        this.onChange = onChange;
    }

    static void install(Node node, DoubleConsumer onChange) {
        RenderScaleWatch w = new RenderScaleWatch(onChange);
        node.sceneProperty().addListener((o, before, after) -> w.sceneChanged(before, after));
        w.sceneChanged(null, node.getScene());
    }

    private void sceneChanged(Scene before, Scene after) {
        if (before != null) {
            before.windowProperty().removeListener(windowListener);
        }
        if (after != null) {
            after.windowProperty().addListener(windowListener);
        }
        watch(after == null ? null : after.getWindow());
    }

    private void watch(Window w) {
        if (window != null) {
            window.renderScaleXProperty().removeListener(scaleListener);
            window.renderScaleYProperty().removeListener(scaleListener);
        }
        window = w;
        if (w != null) {
            w.renderScaleXProperty().addListener(scaleListener);
            w.renderScaleYProperty().addListener(scaleListener);
        }
        check();
    }

    private void check() {
        double s = window == null ? last : Math.max(window.getRenderScaleX(), window.getRenderScaleY());
        if (s > 0 && s != last) {
            last = s;
            onChange.accept(s);
        }
    }
}
