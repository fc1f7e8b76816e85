package dev.easel.host.session;

import dev.easel.engine.schema.Column;
import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.schema.Values;
import dev.easel.host.protocol.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The schema as the wire carries it in {@code welcome}, and back into an engine schema for a replica. */
public final class SchemaInfos {
    private SchemaInfos() {
    }

    public static Message.SchemaInfo describe(Schema schema) {
        List<Message.TableInfo> tables = new ArrayList<>();
        for (TableSchema t : schema.tables()) {
            List<Message.ColumnInfo> cols = new ArrayList<>();
            for (Column c : t.columns()) {
                cols.add(new Message.ColumnInfo(c.name(), c.type().label(), c.nullable()));
            }
            tables.add(new Message.TableInfo(t.id(), t.name(), t.durable(), t.primaryKey(), cols));
        }
        return new Message.SchemaInfo(schema.version(), tables);
    }

    /** Rebuilds the schema a host described; table ids follow the order, which the host keeps by id. */
    public static Schema rebuild(Message.SchemaInfo info) {
        Schema.Builder b = Schema.builder().version(info.version());
        List<Message.TableInfo> sorted = new ArrayList<>(info.tables());
        sorted.sort((x, y) -> Integer.compare(x.id(), y.id()));
        for (Message.TableInfo t : sorted) {
            b.table(t.name(), tb -> {
                if (!t.durable()) {
                    tb.transientTable();
                }
                for (Message.ColumnInfo c : t.columns()) {
                    ColumnType type = ColumnType.valueOf(c.type().toUpperCase(Locale.ROOT));
                    if (c.nullable()) {
                        tb.nullable(c.name(), type);
                    } else {
                        tb.column(c.name(), type);
                    }
                }
                tb.primaryKey(t.columns().get(t.primaryKey()).name());
            });
        }
        return b.build();
    }

    /** Coerces decoded values to their columns' types (a JSON 300 in an f64 column becomes 300.0). */
    public static Object[] coerceRow(TableSchema t, Object[] values) {
        if (values.length != t.columnCount()) {
            throw new IllegalArgumentException("row of " + t.name() + " has " + values.length + " values, expected "
                    + t.columnCount());
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i] == null ? null : Values.coerce(values[i], t.column(i).type());
        }
        return values;
    }

    public static Object coerce(TableSchema t, int column, Object value) {
        return value == null ? null : Values.coerce(value, t.column(column).type());
    }

    /**
     * The primary key of a patch or a delete. It only finds a row the replica already holds, and every held row's
     * text was checked when it arrived, so a string key goes as it is: checking every character of every key again
     * showed up in the profile of a joiner applying a cursor storm (100 keys of 64 characters a frame).
     */
    public static Object coerceKey(TableSchema t, Object pk) {
        if (pk instanceof String && t.column(t.primaryKey()).type() == ColumnType.STRING) {
            return pk;
        }
        return coerce(t, t.primaryKey(), pk);
    }
}
