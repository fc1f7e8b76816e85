package dev.easel.app.panels;

import dev.easel.app.document.NodeView;

/**
 * What a properties row edits: the selected node, and a way to write one of its fields as one undo step;
 * unless the document is not editable, when the rows only show the values (text still selectable).
 */
interface NodeEditing {
    /** The node being edited, or null when there is none (nothing or several selected, or the panel is refreshing). */
    NodeView node();

    /** Writes one field of that node: one {@code update_node} call, one undo step. */
    void write(String field, Object value);

    /** Whether the rows may change the document; if not, they show the node's values read-only. */
    boolean editable();
}
