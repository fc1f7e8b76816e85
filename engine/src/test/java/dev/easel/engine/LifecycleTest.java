package dev.easel.engine;

import static dev.easel.engine.Fixtures.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.CallResult;
import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.ReducerException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connect and disconnect reducers run as the participant arriving or leaving. */
class LifecycleTest {
    private static final Schema SCHEMA = Schema.builder()
            .table("presence", t -> t.transientTable().column("who", ColumnType.STRING).primaryKey("who")
                    .column("name", ColumnType.STRING, "")
                    .column("via", ColumnType.STRING, ""))
            .build();
    private static final Identity ANN = new Identity("ann");
    private static final Identity BOB = new Identity("bob");

    private static Engine open() {
        return Engine.builder(SCHEMA)
                .onConnect((ctx, a) -> {
                    if (a.string("name").isBlank()) {
                        throw new ReducerException(ReducerException.FORBIDDEN, "a name is required");
                    }
                    return ctx.table("presence").insert(ctx.caller().id(), a.string("name"), ctx.reducer());
                })
                .onDisconnect((ctx, a) -> ctx.table("presence").delete(ctx.caller().id()))
                .open();
    }

    @Test
    void connectAndDisconnectRunAsTheParticipant() {
        try (Engine e = open()) {
            Fixtures.Recorder recorder = new Fixtures.Recorder();
            e.subscribe(BOB, "SELECT * FROM presence", recorder);
            e.connect(ANN, Args.of("name", "Ann")).join();
            e.connect(BOB, Args.of("name", "Bob")).join();
            assertEquals(Row.of("ann", "Ann", "connect"), e.find("presence", "ann"));

            e.disconnect(ANN).join();
            assertEquals(List.of(Row.of("bob", "Bob", "connect")), e.rows("presence"));

            List<Fixtures.Recorder.Delta> deltas = recorder.deltas();
            assertEquals(List.of("connect", "connect", "disconnect"), deltas.stream().map(d -> d.tx().reducer()).toList());
            assertEquals(List.of(ANN, BOB, ANN), deltas.stream().map(d -> d.tx().caller()).toList());
            assertEquals(List.of(Row.of("ann", "Ann", "connect")), deltas.get(2).delta().deletes());
        }
    }

    @Test
    void aRefusedConnectChangesNothing() {
        try (Engine e = open()) {
            ReducerException refused = failure(e.connect(ANN, Args.of("name", " ")));
            assertEquals(ReducerException.FORBIDDEN, refused.code());
            assertEquals("a name is required", refused.getMessage());
            assertEquals(0, e.offset());
            assertTrue(e.rows("presence").isEmpty());
        }
    }

    @Test
    void withoutLifecycleReducersConnectingChangesNothing() {
        try (Engine e = Engine.builder(SCHEMA).open()) {
            CallResult connected = e.connect(ANN, Args.EMPTY).join();
            CallResult disconnected = e.disconnect(ANN).join();
            assertFalse(connected.changed());
            assertFalse(disconnected.changed());
            assertEquals(0, e.offset());
            assertEquals(Map.of("presence", 0), e.sizes());
        }
    }
}
