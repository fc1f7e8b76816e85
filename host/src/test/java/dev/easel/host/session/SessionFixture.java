package dev.easel.host.session;

import dev.easel.engine.Engine;
import dev.easel.host.client.RemoteConnection;
import dev.easel.host.identity.KeyIdentity;
import dev.easel.host.server.AssetSource;
import dev.easel.host.server.HostedSession;
import dev.easel.host.server.SessionLimits;
import dev.easel.host.server.SessionServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real session server on a loopback port hosting a {@link TestDocument}, and the clients joined to it. */
final class SessionFixture implements AutoCloseable {
    final Engine engine;
    final SessionServer server;
    final HostedSession session;
    private final List<AutoCloseable> opened = new ArrayList<>();

    SessionFixture(Path file, SessionLimits limits) {
        this(limits, TestDocument.open(file));
    }

    /** Hosts {@code engine} (a {@link TestDocument} opened with adjustments); closing the fixture closes it. */
    static SessionFixture hosting(Engine engine, SessionLimits limits) {
        return new SessionFixture(limits, engine);
    }

    private SessionFixture(SessionLimits limits, Engine engine) {
        this.engine = engine;
        this.server = SessionServer.start(SessionServer.Options.loopback(0).withLimits(limits));
        this.session = server.host(engine, AssetSource.NONE);
    }

    SessionFixture(Path file) {
        this(file, SessionLimits.DEFAULT);
    }

    Invite editorInvite() {
        return session.invite(Role.EDITOR);
    }

    RemoteConnection join(String name) {
        return join(name, editorInvite(), RemoteConnection.Options.DEFAULT);
    }

    RemoteConnection join(String name, Invite invite, RemoteConnection.Options options) {
        RemoteConnection c = RemoteConnection.join(invite, KeyIdentity.generate(), name, options);
        opened.add(c);
        return c;
    }

    /** Joins and subscribes to every table, returning once the snapshots are in. */
    RemoteConnection joinWatchingAll(String name) {
        RemoteConnection c = join(name);
        for (String t : TestDocument.allTables()) {
            c.subscribe("SELECT * FROM " + t).join();
        }
        return c;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        server.close();
        engine.close();
    }
}
