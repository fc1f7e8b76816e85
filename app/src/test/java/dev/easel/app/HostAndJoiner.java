package dev.easel.app;

import static dev.easel.app.AppFixture.TIMEOUT;
import static dev.easel.app.AppFixture.fx;
import static org.awaitility.Awaitility.await;

import dev.easel.engine.table.Row;
import dev.easel.host.identity.KeyIdentity;
import dev.easel.host.server.HostedSession;
import dev.easel.host.server.SessionServer;
import dev.easel.host.session.Connection;
import dev.easel.host.session.Role;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.stage.Stage;

/**
 * Two app windows in one JVM: the fixture's window hosts its document on a loopback port, a second window
 * joins it through a real WebSocket session (directly, or through any link a test gives, such as a relay's).
 */
final class HostAndJoiner {
    final AppFixture host;
    final KeyIdentity joinerKeys = KeyIdentity.generate();
    HostedSession session;
    MainWindow joiner;

    HostAndJoiner(AppFixture host) {
        this.host = host;
    }

    /** Hosts the fixture's document on a free loopback port (no invite dialog). */
    HostedSession hostOnLoopback() throws Exception {
        host.awaitReady();
        session = fx(() -> host.window.hostSession(SessionServer.Options.loopback(0), false))
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return session;
    }

    /** Makes a node on the host's page, as the host does, once the host has committed it. */
    void createOnHost(Map<String, Object> fields) {
        Map<String, Object> args = new HashMap<>(fields);
        args.put("page", fx(() -> host.window.model().page()));
        host.document.connection().call("create_node", args).join();
    }

    String editorLink() {
        return session.invite(Role.EDITOR).link();
    }

    /** Opens the second window and joins through {@code link}; returns once its document is shown. */
    MainWindow join(String link) throws Exception {
        fx(() -> {
            Stage s = new Stage();
            joiner = new MainWindow(s, joinerKeys, "Joiner");
            s.setX(0);
            s.setY(0);
            s.setWidth(1200);
            s.setHeight(800);
            s.show();
            return joiner.joinSession(link, "Joiner");
        }).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        await().atMost(TIMEOUT).until(() -> fx(() -> joiner.model().page() != null));
        return joiner;
    }

    String hostId() {
        return host.identity.id();
    }

    String joinerId() {
        return joinerKeys.identity().id();
    }

    Connection joined() {
        return joiner.document().connection();
    }

    /** A column of a row of {@code table} in a replica, as a double (NaN when there is no such row). */
    static double num(Connection c, String table, Object pk, String column) {
        Row r = c.replica().find(table, pk);
        return r == null ? Double.NaN
                : ((Number) r.get(c.schema().require(table).columnIndex(column))).doubleValue();
    }

    /** A point of the joiner's canvas on the screen, in whole pixels. */
    Point2D onJoinerCanvas(double x, double y) {
        Point2D p = fx(() -> joiner.canvas().localToScreen(x, y));
        return new Point2D(Math.round(p.getX()), Math.round(p.getY()));
    }

    void close() {
        if (joiner != null) {
            MainWindow j = joiner;
            fx(() -> {
                if (j.model() != null) {
                    j.model().close();
                }
                j.stage().hide();
                return null;
            });
            if (j.document() != null) {
                j.document().close();
            }
        }
        fx(() -> {
            host.window.leaveSession();
            return null;
        });
        host.close();
    }
}
