package dev.easel.host.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.easel.host.client.RemoteConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random interleaved calls from several clients while one client's link or every connection drops at random:
 * every replica ends equal to the host, and every call is applied exactly once.
 */
class SessionConvergenceProperties {
    record Step(int client, String action, int item, double value) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = net.jqwik.api.Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.of("put", "move", "label", "delete", "cursor", "increment", "increment", "drop",
                        "drop_all"),
                Arbitraries.integers().between(0, 7),
                Arbitraries.doubles().between(-1000, 1000).ofScale(2))
                .as(Step::new);
        return step.list().ofMinSize(5).ofMaxSize(40);
    }

    @Property(tries = 12)
    void everyReplicaEndsEqualToTheHost(@ForAll("steps") List<Step> steps) throws Exception {
        try (SessionFixture f = new SessionFixture(null); LinkProxy linkA = new LinkProxy(f.server.port());
                LinkProxy linkB = new LinkProxy(f.server.port()); LinkProxy linkC = new LinkProxy(f.server.port())) {
            List<LinkProxy> links = List.of(linkA, linkB, linkC);
            List<RemoteConnection> clients = new ArrayList<>();
            for (LinkProxy link : links) {
                RemoteConnection client = f.join("Client", link.route(f.editorInvite()),
                        RemoteConnection.Options.DEFAULT);
                for (String t : TestDocument.allTables()) {
                    client.subscribe("SELECT * FROM " + t).join();
                }
                clients.add(client);
            }
            List<CompletableFuture<Object>> calls = new ArrayList<>();
            Map<String, Long> increments = new HashMap<>();
            for (Step s : steps) {
                RemoteConnection c = clients.get(s.client());
                String id = "n" + s.item();
                CompletableFuture<Object> call = switch (s.action()) {
                    case "put" -> c.call("put_item", Map.of("id", id, "x", s.value(), "y", 0.0));
                    case "move" -> c.call("move", Map.of("id", id, "x", s.value(), "y", s.value()));
                    case "label" -> c.call("label", Map.of("id", id, "label", "L" + s.value()));
                    case "delete" -> c.call("delete_item", Map.of("id", id));
                    case "cursor" -> c.call("set_cursor", Map.of("x", s.value(), "y", 0.0));
                    case "increment" -> {
                        increments.merge("c" + s.item(), 1L, Long::sum);
                        yield c.call("increment", Map.of("id", "c" + s.item()));
                    }
                    case "drop" -> {
                        // The client's network drops: it reconnects by itself, resending what was unanswered.
                        links.get(s.client()).dropConnections();
                        yield CompletableFuture.completedFuture(null);
                    }
                    default -> {
                        f.session.dropAllConnections();
                        yield CompletableFuture.completedFuture(null);
                    }
                };
                // Refusals (duplicate ids, missing items) are part of the game; increments are never refused.
                calls.add(s.action().equals("increment") ? call : call.exceptionally(e -> null));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
            for (RemoteConnection client : clients) {
                Replicas.awaitEqual(client, f.engine, TestDocument.allTables());
            }
            increments.forEach((counter, n) -> assertEquals(n, f.engine.find("counter", counter).get(1),
                    counter + " counts each increment exactly once"));
        }
    }

}
