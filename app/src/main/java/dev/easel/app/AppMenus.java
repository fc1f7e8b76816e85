package dev.easel.app;

import dev.easel.app.theme.Themes;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The main window's menu bar; every command with a shortcut shows it. Commands that change the document are
 * disabled (their shortcuts with them) while the window is {@link MainWindow#viewOnly view only}.
 */
final class AppMenus {
    private AppMenus() {
    }

    static MenuBar build(MainWindow w) {
        Menu file = new Menu("_File");
        file.getItems().addAll(
                item("New", "Shortcut+N", w::newDocument),
                item("Open\u2026", "Shortcut+O", w::openDocument),
                w.recentFiles(),
                new SeparatorMenuItem(),
                item("Save", "Shortcut+S", w::save),
                item("Save As\u2026", "Shortcut+Shift+S", w::saveAs),
                new SeparatorMenuItem(),
                item("Host Session\u2026", "Shortcut+Shift+H", w::hostSessionFromMenu),
                item("Join Session\u2026", "Shortcut+Shift+J", w::joinSessionFromMenu),
                item("Leave Session", null, w::leaveSession),
                new SeparatorMenuItem(),
                item("Export PNG (1x)\u2026", null, () -> w.exportPng(1)),
                item("Export PNG (2x)\u2026", "Shortcut+Shift+E", () -> w.exportPng(2)),
                item("Export SVG\u2026", "Shortcut+Alt+E", w::exportSvg),
                item("Export Frame\u2026", "Shortcut+E", w::exportFrame),
                new SeparatorMenuItem(),
                item("Quit", "Shortcut+Q", w::quit));

        Menu edit = new Menu("_Edit");
        MenuItem delete = keyed(item("Delete", null, w::deleteSelection), new KeyCodeCombination(KeyCode.DELETE));
        edit.getItems().addAll(
                edits(w, item("Undo", "Shortcut+Z", w::undo)),
                edits(w, item("Redo", "Shortcut+Shift+Z", w::redo)),
                new SeparatorMenuItem(),
                edits(w, item("Cut", "Shortcut+X", w::cut)),
                item("Copy", "Shortcut+C", w::copy),
                edits(w, item("Paste", "Shortcut+V", w::paste)),
                edits(w, item("Duplicate", "Shortcut+D", w::duplicate)),
                edits(w, delete),
                item("Select All", "Shortcut+A", w::selectAll),
                new SeparatorMenuItem(),
                edits(w, item("Place Image\u2026", dev.easel.app.tool.Tool.PLACE_IMAGE_SHORTCUT, w::placeImage)),
                new SeparatorMenuItem(),
                edits(w, item("Group", "Shortcut+G", w::group)),
                edits(w, item("Ungroup", "Shortcut+Shift+G", w::ungroup)),
                new SeparatorMenuItem(),
                edits(w, keyed(item("Bring Forward", null, w::bringForward),
                        new KeyCodeCombination(KeyCode.CLOSE_BRACKET, KeyCombination.SHORTCUT_DOWN))),
                edits(w, keyed(item("Send Backward", null, w::sendBackward),
                        new KeyCodeCombination(KeyCode.OPEN_BRACKET, KeyCombination.SHORTCUT_DOWN))));

        Menu view = new Menu("_View");
        MenuItem zoomIn = item("Zoom In", null, w::zoomIn);
        zoomIn.setAccelerator(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN));
        MenuItem zoomOut = item("Zoom Out", null, w::zoomOut);
        zoomOut.setAccelerator(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        MenuItem actual = item("Actual Size", null, w::actualSize);
        actual.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        MenuItem fit = item("Zoom to Fit", null, w::zoomToFit);
        fit.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHIFT_DOWN));
        MenuItem toSelection = item("Zoom to Selection", null, w::zoomToSelection);
        toSelection.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHIFT_DOWN));
        CheckMenuItem dark = new CheckMenuItem("Dark Theme");
        dark.setId("menu-dark-theme");
        dark.setSelected(w.theme() == Themes.DARK);
        dark.setOnAction(e -> w.setTheme(dark.isSelected() ? Themes.DARK : Themes.LIGHT));
        view.getItems().addAll(zoomIn, zoomOut, actual, fit, toSelection, new SeparatorMenuItem(),
                new dev.easel.app.collab.FollowMenu(w.follow()), new SeparatorMenuItem(), dark);

        MenuBar bar = new MenuBar(file, edit, view, layerMenu(w), pageMenu(w));
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /** The selected layers: the same commands as the layers panel's rows. */
    private static Menu layerMenu(MainWindow w) {
        Menu layer = new Menu("_Layer");
        layer.getItems().addAll(
                edits(w, item("Rename Layer", "F2", () -> w.layers().renameSelected())),
                edits(w, item("Show/Hide Layer", "Shortcut+Alt+H", () -> w.layers().toggleHiddenOfSelection())),
                edits(w, item("Lock/Unlock Layer", "Shortcut+Alt+L", () -> w.layers().toggleLockedOfSelection())));
        return layer;
    }

    /** The document's pages: the same commands as the pages panel. */
    private static Menu pageMenu(MainWindow w) {
        Menu page = new Menu("_Page");
        page.getItems().addAll(
                edits(w, item("Add Page", "Shortcut+Alt+N", () -> w.pages().addPage())),
                edits(w, item("Rename Page", null, () -> w.pages().renameCurrent())),
                edits(w, item("Delete Page\u2026", null, () -> w.pages().deleteCurrent())));
        return page;
    }

    /** A command that changes the document: disabled, with its shortcut, while the window is view only. */
    private static MenuItem edits(MainWindow w, MenuItem m) {
        m.disableProperty().bind(w.viewOnly());
        return m;
    }

    private static MenuItem keyed(MenuItem m, KeyCombination k) {
        m.setAccelerator(k);
        return m;
    }

    private static MenuItem item(String label, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(label);
        m.setId("menu-" + label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("-+$", ""));
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }
}
