package dev.easel.app.panels;

import dev.easel.app.document.PageView;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * One row of the pages list: the page's name, or the rename field while it is renamed (double-click or F2).
 * A right-click offers rename and delete (disabled in a view-only document); dragging the row moves the page
 * among the others.
 */
final class PageCell extends ListCell<PageView> {
    private final PagesPanel panel;
    private final Label name = new Label();
    private final NameSlot slot = new NameSlot(name);
    private final DropZoneMark dropMark = new DropZoneMark(this);
    /** The row's page when the mouse went down on it: the drag source, whatever the cell shows by then. */
    private PageView pressed;

    PageCell(PagesPanel panel) {
        this.panel = panel;
        getStyleClass().add("page-cell");
        name.getStyleClass().add("page-name");
        MenuItem rename = new MenuItem("Rename");
        rename.setOnAction(e -> {
            if (getItem() != null) {
                panel.startRename(getItem().id());
            }
        });
        MenuItem delete = new MenuItem("Delete\u2026");
        delete.setOnAction(e -> {
            if (getItem() != null) {
                panel.delete(getItem().id());
            }
        });
        ContextMenu menu = new ContextMenu(rename, delete);
        menu.setOnShowing(e -> {
            rename.setDisable(!panel.editable());
            delete.setDisable(!panel.editable());
        });
        emptyProperty().addListener((o, was, empty) -> setContextMenu(empty ? null : menu));
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> pressed = e.getButton() == MouseButton.PRIMARY ? getItem() : null);
        // Started once the button is up, so that nothing after it takes the focus from the field.
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null
                    && !panel.isRenaming(getItem().id())) {
                panel.startRename(getItem().id());
                e.consume();
            }
        });
        RowDrag.wire(this, panel, () -> pressed, PageView::id);
    }

    @Override
    protected void updateItem(PageView p, boolean empty) {
        super.updateItem(p, empty);
        showDropZone(null);
        setText(null);
        if (empty || p == null) {
            setGraphic(null);
            return;
        }
        name.setText(p.name());
        slot.show(panel.renameField(p.id()));
        setGraphic(slot);
    }

    /** Draws (or, for null, removes) the drop indicator on this row. */
    void showDropZone(DropZone zone) {
        dropMark.show(zone);
    }
}
