package dev.easel.app.document;

/** One {@code page} row: its id, its name, and its key in the document's order of pages. */
public record PageView(String id, String name, String z) {
}
