package dev.easel.app.panels;

import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.Cell;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.input.MouseEvent;

/** Dragging one row of a panel (layers, pages) over the others: the wiring both kinds of rows share. */
final class RowDrag {
    /** What a panel does while one of its rows is dragged. */
    interface Panel<T, C> {
        /** Whether rows may be renamed and moved: the document is editable. */
        boolean editable();

        boolean isRenaming(String id);

        void dragStarted(T item);

        /** The drag is over {@code cell}, at {@code fraction} of its height from the top. */
        void dragOver(C cell, double fraction);

        void dragExited(C cell);

        void drop(C cell, double fraction);
    }

    private RowDrag() {
    }

    /**
     * Wires {@code cell}: a drag starts from the item {@code pressed} names (the row's item when the button went
     * down, whatever the cell shows by then) unless it is being renamed or the panel is not editable, and the
     * panel follows it over the rows.
     */
    static <T, C extends Cell<T>> void wire(C cell, Panel<T, C> panel, Supplier<T> pressed, Function<T, String> id) {
        cell.setOnDragDetected(e -> {
            T item = pressed.get();
            if (item != null && panel.editable() && !panel.isRenaming(id.apply(item)) && cell.getScene() != null) {
                panel.dragStarted(item);
                cell.startFullDrag();
                e.consume();
            }
        });
        cell.addEventHandler(MouseDragEvent.MOUSE_DRAG_OVER, e -> panel.dragOver(cell, fraction(cell, e)));
        cell.addEventHandler(MouseDragEvent.MOUSE_DRAG_EXITED, e -> panel.dragExited(cell));
        cell.addEventHandler(MouseDragEvent.MOUSE_DRAG_RELEASED, e -> panel.drop(cell, fraction(cell, e)));
    }

    private static double fraction(Cell<?> cell, MouseEvent e) {
        return cell.getHeight() <= 0 ? 0.5 : e.getY() / cell.getHeight();
    }
}
