package dev.easel.engine.query;

/** One lexical token of a query, with the 1-based position where it starts. */
record Token(Kind kind, String text, Object value, int position) {
    enum Kind {
        KEYWORD, IDENTIFIER, NUMBER, STRING, PARAMETER, SYMBOL, END
    }

    boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    boolean isKeyword(String k) {
        return is(Kind.KEYWORD, k);
    }

    boolean isSymbol(String s) {
        return is(Kind.SYMBOL, s);
    }

    String describe() {
        return kind == Kind.END ? "end of query" : "'" + text + "'";
    }
}
