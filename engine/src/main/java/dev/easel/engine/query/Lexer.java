package dev.easel.engine.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits a query into tokens; keywords are case-insensitive, identifiers are not. */
final class Lexer {
    static final int MAX_QUERY_LENGTH = 16_384;
    private static final Set<String> KEYWORDS = Set.of(
            "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "IS", "NULL", "TRUE", "FALSE");

    private Lexer() {
    }

    static List<Token> tokenize(String sql) {
        if (sql == null) {
            throw new QueryException("empty query", 1);
        }
        if (sql.length() > MAX_QUERY_LENGTH) {
            throw new QueryException("query longer than " + MAX_QUERY_LENGTH + " characters", MAX_QUERY_LENGTH);
        }
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int pos = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                String word = sql.substring(start, i);
                String upper = word.toUpperCase(Locale.ROOT);
                if (KEYWORDS.contains(upper)) {
                    out.add(new Token(Token.Kind.KEYWORD, upper, null, pos));
                } else {
                    out.add(new Token(Token.Kind.IDENTIFIER, word, null, pos));
                }
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))
                    || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                i = number(sql, i, pos, out);
            } else if (c == '\'') {
                i = string(sql, i, pos, out);
            } else if (c == ':') {
                int start = ++i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                if (start == i) {
                    throw new QueryException("':' must be followed by a parameter name", pos);
                }
                out.add(new Token(Token.Kind.PARAMETER, sql.substring(start, i), null, pos));
            } else {
                String two = i + 1 < n ? sql.substring(i, i + 2) : "";
                if (two.equals("<=") || two.equals(">=") || two.equals("<>") || two.equals("!=")) {
                    out.add(new Token(Token.Kind.SYMBOL, two, null, pos));
                    i += 2;
                } else if ("=<>(),*;".indexOf(c) >= 0) {
                    out.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), null, pos));
                    i++;
                } else {
                    throw new QueryException("unexpected character '" + c + "'", pos);
                }
            }
        }
        out.add(new Token(Token.Kind.END, "", null, n + 1));
        return out;
    }

    private static int number(String sql, int i, int pos, List<Token> out) {
        int start = i;
        int n = sql.length();
        if (sql.charAt(i) == '-') {
            i++;
        }
        boolean decimal = false;
        while (i < n && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.'
                || sql.charAt(i) == 'e' || sql.charAt(i) == 'E'
                || ((sql.charAt(i) == '-' || sql.charAt(i) == '+') && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E')))) {
            char ch = sql.charAt(i);
            if (ch == '.' || ch == 'e' || ch == 'E') {
                decimal = true;
            }
            i++;
        }
        String text = sql.substring(start, i);
        try {
            Object value = decimal ? (Object) Double.parseDouble(text) : (Object) Long.parseLong(text);
            if (value instanceof Double d && !Double.isFinite(d)) {
                throw new QueryException("number " + text + " is out of range", pos);
            }
            out.add(new Token(Token.Kind.NUMBER, text, value, pos));
        } catch (NumberFormatException e) {
            throw new QueryException("malformed number " + text, pos);
        }
        return i;
    }

    private static int string(String sql, int i, int pos, List<Token> out) {
        StringBuilder b = new StringBuilder();
        int n = sql.length();
        i++;
        while (true) {
            if (i >= n) {
                throw new QueryException("unterminated string", pos);
            }
            char ch = sql.charAt(i);
            if (ch == '\'') {
                if (i + 1 < n && sql.charAt(i + 1) == '\'') {
                    b.append('\'');
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
            b.append(ch);
            i++;
        }
        out.add(new Token(Token.Kind.STRING, sql.substring(pos - 1, i), b.toString(), pos));
        return i;
    }
}
