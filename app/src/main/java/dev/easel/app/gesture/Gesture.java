package dev.easel.app.gesture;

import javafx.scene.input.MouseEvent;

/**
 * One mouse gesture on the canvas, from press to release. A gesture is made at the press; it hears the
 * drags and the release with the pointer in screen (canvas) coordinates.
 */
public interface Gesture {
    void dragged(double sx, double sy, MouseEvent e);

    void released(double sx, double sy, MouseEvent e);
}
