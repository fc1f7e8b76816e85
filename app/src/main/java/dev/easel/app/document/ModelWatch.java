package dev.easel.app.document;

/**
 * A view's hold on the document it shows: its listeners on the document and on the selection, moved over in
 * one step when the window switches documents (new, open, join).
 */
public final class ModelWatch {
    private final DocumentModel.Listener onChange;
    private final Runnable onSelection;
    private DocumentModel model;

    public ModelWatch(DocumentModel.Listener onChange, Runnable onSelection) {
        this.onChange = onChange;
        this.onSelection = onSelection;
    }

    /** Stops listening to the previous document (if any) and starts on {@code m} (which may be null). */
    public void watch(DocumentModel m) {
        if (model != null) {
            model.removeListener(onChange);
            model.selection().removeListener(onSelection);
        }
        model = m;
        if (m != null) {
            m.addListener(onChange);
            m.selection().addListener(onSelection);
        }
    }
}
