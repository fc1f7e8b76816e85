package dev.easel.host.session;

import dev.easel.host.client.RemoteConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random interleaved calls from several clients with random disconnects: every replica ends equal to the host. */
class SessionConvergenceProperties {
    record Step(int client, String action, int item, double value) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = net.jqwik.api.Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.of("put", "move", "label", "delete", "cursor", "increment", "drop"),
                Arbitraries.integers().between(0, 7),
                Arbitraries.doubles().between(-1000, 1000).ofScale(2))
                .as(Step::new);
        return step.list().ofMinSize(5).ofMaxSize(40);
    }

    @Property(tries = 12)
    void everyReplicaEndsEqualToTheHost(@ForAll("steps") List<Step> steps) throws Exception {
        try (SessionFixture f = new SessionFixture(null)) {
            List<RemoteConnection> clients = List.of(f.joinWatchingAll("A"), f.joinWatchingAll("B"),
                    f.joinWatchingAll("C"));
            List<CompletableFuture<Object>> calls = new ArrayList<>();
            for (Step s : steps) {
                RemoteConnection c = clients.get(s.client());
                String id = "n" + s.item();
                CompletableFuture<Object> call = switch (s.action()) {
                    case "put" -> c.call("put_item", Map.of("id", id, "x", s.value(), "y", 0.0));
                    case "move" -> c.call("move", Map.of("id", id, "x", s.value(), "y", s.value()));
                    case "label" -> c.call("label", Map.of("id", id, "label", "L" + s.value()));
                    case "delete" -> c.call("delete_item", Map.of("id", id));
                    case "cursor" -> c.call("set_cursor", Map.of("x", s.value(), "y", 0.0));
                    case "increment" -> c.call("increment", Map.of("id", "c" + s.item()));
                    default -> {
                        f.session.dropAllConnections();
                        yield CompletableFuture.completedFuture(null);
                    }
                };
                // Refusals (duplicate ids, missing items) are part of the game; only convergence matters.
                calls.add(call.exceptionally(e -> null));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
            for (RemoteConnection c : clients) {
                Replicas.awaitEqual(c, f.engine, TestDocument.allTables());
            }
        }
    }

}
