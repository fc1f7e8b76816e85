package dev.easel.engine.schema;

/** The value types a column may hold, with the Java class each is stored as. */
public enum ColumnType {
    BOOL(Boolean.class),
    I64(Long.class),
    F64(Double.class),
    STRING(String.class),
    BYTES(byte[].class);

    private final Class<?> javaType;

    ColumnType(Class<?> javaType) {
        this.javaType = javaType;
    }

    public Class<?> javaType() {
        return javaType;
    }

    /** Lower-case name used in messages and in the query language. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
