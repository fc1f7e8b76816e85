package dev.easel.app.canvas;

import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * The tooltip of other members' cursor labels and lock badges on the canvas: the labels stay short (just the
 * chosen name, or initials on a badge) and resting the pointer on one says who it is, as
 * {@link CanvasView#collaboratorTipAt} words it. The tooltip is installed on the canvas only while the pointer
 * is over one of them, so the rest of the canvas has none.
 */
final class CollaboratorTips {
    private final CanvasView canvas;
    private final Tooltip tip = new Tooltip();
    private boolean installed;

    CollaboratorTips(CanvasView canvas) {
        this.canvas = canvas;
        tip.setId("collaborator-tip");
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> show(canvas.collaboratorTipAt(e.getX(), e.getY())));
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> show(null));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> show(null));
    }

    private void show(String text) {
        if (text == null) {
            if (installed) {
                installed = false;
                Tooltip.uninstall(canvas, tip);
                tip.hide();
            }
            return;
        }
        tip.setText(text);
        if (!installed) {
            installed = true;
            Tooltip.install(canvas, tip);
        }
    }
}
