package dev.easel.host.session;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.subscription.TableDelta;
import dev.easel.engine.table.Row;
import dev.easel.host.protocol.Message;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clients flushing the same run share one conversion while any of them still holds it, and the conversion is
 * let go once none does: held strongly, the remembered runs were most of what a cursor storm's young collections
 * copied.
 */
class SharedConversionsTest {
    private static final TableSchema ITEM = Schema.builder()
            .table("item", t -> t.column("id", ColumnType.STRING).primaryKey("id"))
            .build().table("item");

    private static List<TableDelta> run() {
        TableDelta delta = new TableDelta(ITEM);
        delta.inserts().add(Row.of("a"));
        return List.of(delta);
    }

    @Test
    void clientsOfTheSameRunShareItsRows() {
        SharedConversions conversions = new SharedConversions();
        List<TableDelta> run = run();
        Message.QueryUpdate first = conversions.convert(1, run);
        Message.QueryUpdate second = conversions.convert(2, run);
        assertSame(first.inserts(), second.inserts());
    }

    @Test
    void aRunNoClientHoldsIsLetGo() {
        SharedConversions conversions = new SharedConversions();
        List<TableDelta> run = run();
        WeakReference<List<Object[]>> rows = new WeakReference<>(conversions.convert(1, run).inserts());
        // The run's deltas stay (the remembered key holds them); only the converted rows may go.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            System.gc();
            return rows.get() == null;
        });
    }
}
