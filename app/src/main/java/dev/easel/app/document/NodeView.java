package dev.easel.app.document;

import dev.easel.engine.table.Row;

/**
 * One {@code node} row, read into typed fields for drawing and editing. Positions are relative to the
 * node's parent, as the document stores them; {@link DocumentModel#worldX} gives the position on the page.
 * {@code locked} is the layer lock set from the layers panel (the canvas leaves the node alone);
 * {@code lockedBy} is the advisory "someone is editing this"; {@code asset} is an image's content hash.
 */
public record NodeView(String id, String page, String parent, String kind, String name, double x, double y,
        double w, double h, double rotation, String z, String fill, String stroke, double strokeWidth,
        double cornerRadius, double opacity, String text, String fontFamily, double fontSize, long fontWeight,
        String align, boolean visible, boolean locked, String lockedBy, String asset, Row row) {

    /** Reads a row of the node table through the column positions of {@code cols}. */
    public static NodeView of(NodeColumns cols, Row r) {
        return new NodeView(
                (String) r.get(cols.id), (String) r.get(cols.page), (String) r.get(cols.parent),
                (String) r.get(cols.kind), (String) r.get(cols.name),
                num(r.get(cols.x)), num(r.get(cols.y)), num(r.get(cols.w)), num(r.get(cols.h)),
                num(r.get(cols.rotation)), (String) r.get(cols.z),
                (String) r.get(cols.fill), (String) r.get(cols.stroke), num(r.get(cols.strokeWidth)),
                num(r.get(cols.cornerRadius)), num(r.get(cols.opacity)), (String) r.get(cols.text),
                (String) r.get(cols.fontFamily), num(r.get(cols.fontSize)),
                r.get(cols.fontWeight) instanceof Number n ? n.longValue() : 400L,
                (String) r.get(cols.align), !Boolean.FALSE.equals(r.get(cols.visible)),
                Boolean.TRUE.equals(r.get(cols.locked)), (String) r.get(cols.lockedBy), (String) r.get(cols.asset), r);
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0.0;
    }

    public boolean isContainer() {
        return "frame".equals(kind) || "group".equals(kind);
    }

    /** Whether drawing order, nesting, or what the canvas may show and pick differs between two versions. */
    boolean sameStructure(NodeView other) {
        return other != null && java.util.Objects.equals(parent, other.parent) && java.util.Objects.equals(z, other.z)
                && java.util.Objects.equals(page, other.page) && visible == other.visible && locked == other.locked;
    }
}
