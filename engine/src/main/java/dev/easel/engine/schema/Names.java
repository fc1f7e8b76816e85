package dev.easel.engine.schema;

import java.util.regex.Pattern;

/** Table, column and index names: identifiers the query language can spell. */
final class Names {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private Names() {
    }

    static void check(String what, String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new SchemaException(what + " name '" + name + "' is not an identifier (letters, digits, _; at most 63)");
        }
    }
}
