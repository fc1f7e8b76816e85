package dev.easel.host.canvas;

import static org.awaitility.Awaitility.await;

import dev.easel.engine.Engine;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Clock;
import dev.easel.host.client.RemoteConnection;
import dev.easel.host.identity.KeyIdentity;
import dev.easel.host.server.HostedSession;
import dev.easel.host.server.SessionServer;
import dev.easel.host.session.Connection;
import dev.easel.host.session.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Three joiners drawing, moving, locking and undoing at once through real WebSocket sessions: whatever the
 * interleaving, every replica ends equal to the host's tables.
 */
class CanvasSessionProperties {
    private static final List<String> TABLES = List.of(CanvasSchema.NODE, CanvasSchema.PAGE, CanvasSchema.PRESENCE,
            CanvasSchema.CURSOR);

    record Step(int client, String action, int node, int value) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.of("create", "move", "drag", "lock", "unlock", "undo", "redo", "delete", "cursor"),
                Arbitraries.integers().between(0, 5), Arbitraries.integers().between(-500, 500))
                .as(Step::new).list().ofMinSize(5).ofMaxSize(30);
    }

    @Property(tries = 8)
    void everyReplicaEndsEqualToTheHost(@ForAll("steps") List<Step> steps) throws Exception {
        try (Engine engine = Canvas.engineBuilder(null, Clock.SYSTEM).runScheduler(false).open();
                SessionServer server = SessionServer.start(SessionServer.Options.loopback(0))) {
            HostedSession session = server.host(engine, CanvasAssets.of(engine));
            List<RemoteConnection> clients = new ArrayList<>();
            for (String name : List.of("Ada", "Bo", "Cy")) {
                RemoteConnection c = RemoteConnection.join(session.invite(Role.EDITOR), KeyIdentity.generate(), name,
                        RemoteConnection.Options.DEFAULT);
                for (String t : TABLES) {
                    c.subscribe("SELECT * FROM " + t).join();
                }
                clients.add(c);
            }
            clients.get(0).call("add_page", Map.of("id", "p1", "name", "Page 1")).join();
            List<CompletableFuture<Object>> calls = new ArrayList<>();
            for (Step s : steps) {
                calls.add(run(clients.get(s.client()), s).exceptionally(e -> null));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
            for (RemoteConnection c : clients) {
                await().atMost(Duration.ofSeconds(20)).until(() -> sameAsHost(c, engine));
            }
            for (RemoteConnection c : clients) {
                c.close();
            }
        }
    }

    private static CompletableFuture<Object> run(RemoteConnection c, Step s) {
        String id = "n" + s.node();
        double v = s.value();
        switch (s.action()) {
            case "create":
                return c.call("create_node", Map.of("id", id, "kind", "rect", "page", "p1", "x", v, "y", v,
                        "w", 10.0 + Math.abs(v), "h", 20.0));
            case "move":
                return c.call("move_nodes", Map.of("moves", List.of(Map.of("id", id, "x", v, "y", -v))));
            case "drag": {
                c.call("begin_gesture", Map.of());
                for (int i = 0; i < 5; i++) {
                    c.call("move_nodes", Map.of("moves", List.of(Map.of("id", id, "x", v + i, "y", (double) i))));
                }
                return c.call("end_gesture", Map.of());
            }
            case "lock":
                return c.call("lock", Map.of("ids", List.of(id)));
            case "unlock":
                return c.call("unlock", Map.of("ids", List.of(id)));
            case "undo":
                return c.call("undo", Map.of());
            case "redo":
                return c.call("redo", Map.of());
            case "delete":
                return c.call("delete_nodes", Map.of("ids", List.of(id)));
            default:
                return c.call("set_cursor", Map.of("x", v, "y", v));
        }
    }

    private static boolean sameAsHost(Connection c, Engine engine) {
        for (String table : TABLES) {
            TableSchema t = engine.schema().require(table);
            Map<Object, Row> host = new HashMap<>();
            for (Row r : engine.rows(table)) {
                host.put(r.get(t.primaryKey()), r);
            }
            Map<Object, Row> replica = new HashMap<>();
            for (Row r : c.replica().rows(table)) {
                replica.put(r.get(t.primaryKey()), r);
            }
            if (!Objects.equals(host, replica)) {
                return false;
            }
        }
        return true;
    }
}
