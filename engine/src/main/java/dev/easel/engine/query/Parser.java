package dev.easel.engine.query;

import dev.easel.engine.schema.Schema;
import dev.easel.engine.schema.TableSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for {@code SELECT * FROM t [WHERE ...]}: OR binds loosest, then AND, then NOT;
 * comparisons, IN lists and IS [NOT] NULL are the atoms. Checks every name and type as it goes.
 */
final class Parser {
    private static final int MAX_DEPTH = 64;

    private final String sql;
    private final Schema schema;
    private final List<Token> tokens;
    private int at;
    private TableSchema table;
    private int depth;

    Parser(String sql, Schema schema) {
        this.sql = sql;
        this.schema = schema;
        this.tokens = Lexer.tokenize(sql);
    }

    Query parse() {
        expectKeyword("SELECT");
        if (!peek().isSymbol("*")) {
            throw error("only SELECT * is supported, found " + peek().describe());
        }
        next();
        expectKeyword("FROM");
        Token name = next();
        if (name.kind() != Token.Kind.IDENTIFIER) {
            throw new QueryException("expected a table name, found " + name.describe(), name.position());
        }
        table = schema.table(name.text());
        if (table == null) {
            throw new QueryException("unknown table '" + name.text() + "'", name.position());
        }
        Expr where = new Expr.All();
        if (peek().isKeyword("WHERE")) {
            next();
            where = or();
        }
        if (peek().isSymbol(";")) {
            next();
        }
        if (peek().kind() != Token.Kind.END) {
            throw error("unexpected " + peek().describe());
        }
        return new Query(sql, table, where);
    }

    private Expr or() {
        List<Expr> parts = new ArrayList<>();
        parts.add(and());
        while (peek().isKeyword("OR")) {
            next();
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Expr.Or(List.copyOf(parts));
    }

    private Expr and() {
        List<Expr> parts = new ArrayList<>();
        parts.add(not());
        while (peek().isKeyword("AND")) {
            next();
            parts.add(not());
        }
        return parts.size() == 1 ? parts.get(0) : new Expr.And(List.copyOf(parts));
    }

    private Expr not() {
        if (peek().isKeyword("NOT")) {
            next();
            return new Expr.Not(nested(this::not));
        }
        return atom();
    }

    private Expr nested(java.util.function.Supplier<Expr> inner) {
        if (++depth > MAX_DEPTH) {
            throw error("filter nested deeper than " + MAX_DEPTH + " levels");
        }
        try {
            return inner.get();
        } finally {
            depth--;
        }
    }

    private Expr atom() {
        if (peek().isSymbol("(")) {
            next();
            Expr inner = nested(this::or);
            expectSymbol(")");
            return inner;
        }
        Token start = peek();
        Expr.Operand left = operand();
        Token t = peek();
        if (t.isKeyword("IS")) {
            next();
            boolean negated = false;
            if (peek().isKeyword("NOT")) {
                next();
                negated = true;
            }
            expectKeyword("NULL");
            return new Expr.IsNull(requireColumn(left, start, "IS NULL"), negated);
        }
        if (t.isKeyword("NOT") || t.isKeyword("IN")) {
            boolean negated = false;
            if (t.isKeyword("NOT")) {
                next();
                negated = true;
                if (!peek().isKeyword("IN")) {
                    throw error("expected IN after NOT, found " + peek().describe());
                }
            }
            next();
            return in(requireColumn(left, start, "IN"), negated);
        }
        Expr.Op op = operator(t);
        next();
        Token rightStart = peek();
        Expr.Operand right = operand();
        return compare(left, start, op, right, rightStart);
    }

    private Expr in(Expr.Column column, boolean negated) {
        TypeRules.checkOperator(column.type(), Expr.Op.EQ, column.name(), peek().position());
        expectSymbol("(");
        List<Expr.Operand> values = new ArrayList<>();
        do {
            Token vt = peek();
            Expr.Operand v = operand();
            values.add(checkAgainst(column, v, vt));
        } while (acceptSymbol(","));
        expectSymbol(")");
        return new Expr.In(column, List.copyOf(values), negated);
    }

    private Expr compare(Expr.Operand left, Token leftToken, Expr.Op op, Expr.Operand right, Token rightToken) {
        if (left instanceof Expr.Column a && right instanceof Expr.Column b) {
            TypeRules.checkOperator(a.type(), op, a.name(), leftToken.position());
            TypeRules.checkColumns(a, b, leftToken.position());
            return new Expr.Compare(a, op, b);
        }
        if (left instanceof Expr.Column a) {
            TypeRules.checkOperator(a.type(), op, a.name(), leftToken.position());
            return new Expr.Compare(a, op, checkAgainst(a, right, rightToken));
        }
        if (right instanceof Expr.Column b) {
            TypeRules.checkOperator(b.type(), op, b.name(), rightToken.position());
            return new Expr.Compare(checkAgainst(b, left, leftToken), op, b);
        }
        throw new QueryException("a comparison needs a column on one side", leftToken.position());
    }

    /** Checks a literal against the column it meets, and tells a parameter which type it must have. */
    private Expr.Operand checkAgainst(Expr.Column column, Expr.Operand value, Token at) {
        if (value instanceof Expr.Literal lit) {
            if (lit.value() == null) {
                throw new QueryException("comparison with NULL is never true; use IS NULL or IS NOT NULL",
                        at.position());
            }
            TypeRules.checkValue(column.type(), lit.value(), "value " + at.text() + " compared with " + column.name(),
                    at.position());
            return lit;
        }
        if (value instanceof Expr.Param p) {
            return new Expr.Param(p.name(), p.position(), column.type());
        }
        throw new QueryException("expected a value to compare with " + column.name(), at.position());
    }

    private Expr.Column requireColumn(Expr.Operand o, Token at, String what) {
        if (o instanceof Expr.Column c) {
            return c;
        }
        throw new QueryException(what + " needs a column on its left", at.position());
    }

    private Expr.Operand operand() {
        Token t = next();
        switch (t.kind()) {
            case IDENTIFIER: {
                var c = table.column(t.text());
                if (c == null) {
                    throw new QueryException("unknown column '" + t.text() + "' in table " + table.name(), t.position());
                }
                return new Expr.Column(c.position(), c.name(), c.type());
            }
            case NUMBER:
            case STRING:
                return new Expr.Literal(t.value());
            case PARAMETER:
                return new Expr.Param(t.text(), t.position(), null);
            case KEYWORD:
                if (t.text().equals("TRUE") || t.text().equals("FALSE")) {
                    return new Expr.Literal(t.text().equals("TRUE"));
                }
                if (t.text().equals("NULL")) {
                    return new Expr.Literal(null);
                }
                break;
            default:
                break;
        }
        throw new QueryException("expected a column, value or parameter, found " + t.describe(), t.position());
    }

    private Expr.Op operator(Token t) {
        if (t.kind() == Token.Kind.SYMBOL) {
            switch (t.text()) {
                case "=": return Expr.Op.EQ;
                case "<>":
                case "!=": return Expr.Op.NE;
                case "<": return Expr.Op.LT;
                case "<=": return Expr.Op.LE;
                case ">": return Expr.Op.GT;
                case ">=": return Expr.Op.GE;
                default: break;
            }
        }
        throw new QueryException("expected a comparison (=, <>, <, <=, >, >=, IN, IS), found " + t.describe(),
                t.position());
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        Token t = tokens.get(at);
        if (t.kind() != Token.Kind.END) {
            at++;
        }
        return t;
    }

    private boolean acceptSymbol(String s) {
        if (peek().isSymbol(s)) {
            next();
            return true;
        }
        return false;
    }

    private void expectSymbol(String s) {
        if (!acceptSymbol(s)) {
            throw error("expected '" + s + "', found " + peek().describe());
        }
    }

    private void expectKeyword(String k) {
        if (!peek().isKeyword(k)) {
            throw error("expected " + k + ", found " + peek().describe());
        }
        next();
    }

    private QueryException error(String message) {
        return new QueryException(message, peek().position());
    }
}
