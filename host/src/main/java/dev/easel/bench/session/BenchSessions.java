package dev.easel.bench.session;

import dev.easel.engine.Engine;
import dev.easel.host.client.RemoteConnection;
import dev.easel.host.identity.KeyIdentity;
import dev.easel.host.server.AssetSource;
import dev.easel.host.server.HostedSession;
import dev.easel.host.server.SessionLimits;
import dev.easel.host.server.SessionServer;
import dev.easel.host.session.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A benchmark's session: a real server on a loopback port hosting one engine, and joiners connected to it. */
public final class BenchSessions implements AutoCloseable {
    final Engine engine;
    final SessionServer server;
    final HostedSession session;
    final List<RemoteConnection> joiners = new ArrayList<>();

    public BenchSessions(Engine engine) {
        this.engine = engine;
        // Benchmarks pipeline far more than a person does: lift the per-client rate budget.
        SessionLimits limits = SessionLimits.DEFAULT.withRate(5_000_000, 5_000_000);
        this.server = SessionServer.start(SessionServer.Options.loopback(0).withLimits(limits));
        this.session = server.host(engine, AssetSource.NONE);
    }

    /** Joins {@code n} clients in parallel, each subscribed to {@code sql}. */
    public List<RemoteConnection> join(int n, String sql) {
        List<CompletableFuture<RemoteConnection>> joining = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = "joiner-" + i;
            joining.add(CompletableFuture.supplyAsync(() -> {
                RemoteConnection c = RemoteConnection.join(session.invite(Role.EDITOR), KeyIdentity.generate(), name,
                        RemoteConnection.Options.DEFAULT);
                c.subscribe(sql).join();
                return c;
            }));
        }
        List<RemoteConnection> out = new ArrayList<>();
        for (CompletableFuture<RemoteConnection> f : joining) {
            out.add(f.join());
        }
        joiners.addAll(out);
        return out;
    }

    @Override
    public void close() {
        for (RemoteConnection c : joiners) {
            c.close();
        }
        server.close();
        engine.close();
    }
}
