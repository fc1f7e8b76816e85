package dev.easel.app.panels;

import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.PageView;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The document's pages, in order. Clicking one shows it (the canvas and the layers follow); + adds a page;
 * a page renames in place (double-click or F2), moves by drag and drop, and is deleted, after a
 * confirmation, from its right-click menu or with Delete. Each change is one call, so one undo step. In a
 * view-only document pages are only shown: adding, renaming, moving and deleting are off.
 */
public final class PagesPanel extends BorderPane implements RowDrag.Panel<PageView, PageCell> {
    private final ListView<PageView> list = new ListView<>();
    private final ObservableList<PageView> items = FXCollections.observableArrayList();
    private final Runnable pagesListener = this::refresh;
    private final Button add = new Button("+");
    private DocumentModel model;
    private boolean syncing;
    private String renamingId;
    private RenameField renameField;
    private PageView dragged;
    private PageCell dropCell;

    public PagesPanel() {
        getStyleClass().addAll("panel", "pages-panel");
        Label title = new Label("Pages");
        title.getStyleClass().add("panel-title");
        add.setId("page-add");
        add.getStyleClass().add("panel-button");
        add.setFocusTraversable(false);
        add.setTooltip(new Tooltip("Add Page"));
        add.setOnAction(e -> addPage());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox header = new HBox(title, spring, add);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("panel-header");
        setTop(header);
        list.setId("page-list");
        list.setItems(items);
        list.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        list.setCellFactory(v -> new PageCell(this));
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!syncing && now != null && model != null) {
                model.showPage(now.id());
            }
        });
        list.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        list.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> javafx.application.Platform.runLater(this::dragEnded));
        list.setFixedCellSize(26);
        list.setPrefHeight(26 * 4 + 4);
        setCenter(list);
        setMinHeight(60);
    }

    public ListView<PageView> list() {
        return list;
    }

    public void setModel(DocumentModel m) {
        cancelRename();
        if (model != null) {
            model.removePageListener(pagesListener);
        }
        model = m;
        if (m != null) {
            m.addPageListener(pagesListener);
        }
        add.setDisable(!editable());
        refresh();
    }

    @Override
    public boolean editable() {
        return model != null && model.editable();
    }

    /** The pages as listed, first to last. */
    public List<PageView> rows() {
        return List.copyOf(items);
    }

    private void refresh() {
        syncing = true;
        try {
            List<PageView> pages = model == null ? List.of() : model.pages();
            if (!items.equals(pages)) {
                items.setAll(pages);
            }
            String current = model == null ? null : model.page();
            PageView shown = current == null ? null : model.pageView(current);
            if (shown == null) {
                list.getSelectionModel().clearSelection();
            } else if (!shown.equals(list.getSelectionModel().getSelectedItem())) {
                list.getSelectionModel().select(shown);
            }
        } finally {
            syncing = false;
        }
        if (renamingId != null && (model == null || model.pageView(renamingId) == null)) {
            cancelRename();
        }
    }

    private void keyPressed(KeyEvent e) {
        PageView p = list.getSelectionModel().getSelectedItem();
        if (p == null) {
            return;
        }
        if (e.getCode() == KeyCode.F2) {
            startRename(p.id());
            e.consume();
        } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            // Taken here, so that the window's Delete does not remove the selected layers instead.
            delete(p.id());
            e.consume();
        }
    }

    // ---- commands --------------------------------------------------------------------------------------

    /** Adds a page after the others and shows it once it exists. */
    public void addPage() {
        if (editable()) {
            model.addPage(null);
        }
    }

    /** Renames the page shown, in place. */
    public void renameCurrent() {
        if (model != null && model.page() != null) {
            startRename(model.page());
        }
    }

    /** Deletes the page shown, after a confirmation. */
    public void deleteCurrent() {
        if (model != null && model.page() != null) {
            delete(model.page());
        }
    }

    /**
     * Deletes a page and everything on it once the user confirms; the document's last page stays (they are
     * told so instead).
     */
    public void delete(String pageId) {
        PageView p = model == null ? null : model.pageView(pageId);
        if (p == null || !editable()) {
            return;
        }
        if (model.pages().size() <= 1) {
            alert(Alert.AlertType.INFORMATION, "\u201c" + p.name() + "\u201d is the only page",
                    "A document keeps at least one page. Add another page before deleting this one.").show();
            return;
        }
        ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        Alert a = alert(Alert.AlertType.CONFIRMATION, "Delete \u201c" + p.name() + "\u201d?",
                "Everything on this page is deleted with it. Undo brings it back.", delete, ButtonType.CANCEL);
        Optional<ButtonType> answer = a.showAndWait();
        if (answer.isPresent() && answer.get() == delete) {
            model.deletePage(pageId);
        }
    }

    private Alert alert(Alert.AlertType type, String header, String text, ButtonType... buttons) {
        Alert a = new Alert(type, text, buttons);
        a.setHeaderText(header);
        a.getDialogPane().getStyleClass().add("page-dialog");
        if (getScene() != null && getScene().getWindow() != null) {
            a.initOwner(getScene().getWindow());
        }
        return a;
    }

    // ---- rename ----------------------------------------------------------------------------------------

    public void startRename(String pageId) {
        PageView p = model == null ? null : model.pageView(pageId);
        if (p == null || !editable()) {
            return;
        }
        cancelRename();
        renamingId = pageId;
        renameField = new RenameField(p.name(), text -> finishRename(pageId, text), () -> finishRename(pageId, null));
        renameField.setId("page-rename");
        list.scrollTo(p);
        list.refresh();
    }

    /** The id of the page being renamed in place, or null. */
    public String renaming() {
        return renamingId;
    }

    @Override
    public boolean isRenaming(String pageId) {
        return pageId.equals(renamingId);
    }

    RenameField renameField(String pageId) {
        return isRenaming(pageId) ? renameField : null;
    }

    private void cancelRename() {
        if (renameField != null) {
            renameField.cancel();
        }
    }

    /** Ends a rename: a changed, non-blank name is written with one rename_page call (null: cancelled). */
    private void finishRename(String pageId, String text) {
        if (!pageId.equals(renamingId)) {
            return;
        }
        boolean keyboard = renameField.isFocused();
        renamingId = null;
        renameField = null;
        PageView p = model == null ? null : model.pageView(pageId);
        if (p != null && text != null && !text.isBlank() && !text.strip().equals(p.name())) {
            model.renamePage(pageId, text.strip());
        }
        list.refresh();
        if (keyboard) {
            list.requestFocus();
        }
    }

    // ---- drag and drop ---------------------------------------------------------------------------------

    @Override
    public void dragStarted(PageView p) {
        dragged = p;
    }

    @Override
    public void dragOver(PageCell cell, double fraction) {
        if (dropCell != null && dropCell != cell) {
            dropCell.showDropZone(null);
        }
        dropCell = cell;
        cell.showDropZone(target(cell) == null ? null : DropZone.at(fraction, false));
    }

    @Override
    public void dragExited(PageCell cell) {
        cell.showDropZone(null);
        if (dropCell == cell) {
            dropCell = null;
        }
    }

    /** Dropped above a page: the dragged page goes just before it; below: just after it. */
    @Override
    public void drop(PageCell cell, double fraction) {
        PageView target = target(cell);
        PageView moving = dragged;
        dragEnded();
        if (target != null) {
            model.reorderPage(moving.id(), DropZone.at(fraction, false) == DropZone.ABOVE ? "before" : "after",
                    target.id());
        }
    }

    /** The page a drag over this row would be placed next to, or null (no drag, or the dragged page itself). */
    private PageView target(PageCell cell) {
        PageView t = cell.getItem();
        return model == null || dragged == null || t == null || t.id().equals(dragged.id()) ? null : t;
    }

    private void dragEnded() {
        if (dropCell != null) {
            dropCell.showDropZone(null);
        }
        dropCell = null;
        dragged = null;
    }
}
