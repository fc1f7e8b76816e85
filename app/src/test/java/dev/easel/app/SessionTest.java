package dev.easel.app;

import static dev.easel.app.AppFixture.TIMEOUT;
import static dev.easel.app.AppFixture.fx;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.app.canvas.CanvasView;
import dev.easel.engine.table.Row;
import dev.easel.host.identity.KeyIdentity;
import dev.easel.host.server.HostedSession;
import dev.easel.host.server.SessionServer;
import dev.easel.host.session.Connection;
import dev.easel.host.session.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two app windows in one JVM: one hosts its document (in process, served on a loopback port), the other
 * joins it through a real WebSocket session. Edits, cursors, selections, locks and presence travel both ways;
 * every assertion reads replica rows or the windows' rendered-state models.
 */
@ExtendWith(ApplicationExtension.class)
class SessionTest {
    private AppFixture host;
    private MainWindow joiner;

    @Start
    void start(Stage stage) {
        host = new AppFixture(stage);
    }

    @AfterEach
    void close() {
        if (joiner != null) {
            MainWindow j = joiner;
            fx(() -> {
                j.model().close();
                j.stage().hide();
                return null;
            });
            j.document().close();
        }
        fx(() -> {
            host.window.leaveSession();
            return null;
        });
        host.close();
    }

    private Connection joined() {
        return joiner.document().connection();
    }

    private Row row(Connection c, String id) {
        return c.replica().find("node", id);
    }

    private double num(Connection c, String id, String col) {
        Row r = row(c, id);
        return r == null ? Double.NaN : ((Number) r.get(c.schema().require("node").columnIndex(col))).doubleValue();
    }

    @Test
    void hostAndJoinerSeeEachOther(FxRobot robot) throws Exception {
        host.awaitReady();
        Connection hc = host.document.connection();
        String page = fx(() -> host.window.model().page());
        Map<String, Object> args = new HashMap<>(Map.of("id", "r1", "kind", "rect", "page", page, "name", "Card",
                "x", 100.0, "y", 100.0, "w", 200.0, "h", 120.0, "fill", "#0d99ff"));
        hc.call("create_node", args).join();

        // Host: File > Host Session on loopback; the dialog shows both links.
        HostedSession session = fx(() -> host.window.hostSession(SessionServer.Options.loopback(0), true))
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        String editorLink = session.invite(Role.EDITOR).link();
        assertEquals(editorLink, fx(() -> host.window.hostDialog().editorLink()));
        assertEquals(session.invite(Role.VIEWER).link(), fx(() -> host.window.hostDialog().viewerLink()));
        fx(() -> {
            host.window.hostDialog().close();
            return null;
        });

        // Joiner: a second window joins through the link, over WebSocket.
        KeyIdentity keys = KeyIdentity.generate();
        fx(() -> {
            Stage s = new Stage();
            joiner = new MainWindow(s, keys, "Joiner");
            s.setX(0);
            s.setY(0);
            s.setWidth(1200);
            s.setHeight(800);
            s.show();
            return joiner.joinSession(editorLink, "Joiner");
        }).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        String joinerId = keys.identity().id();
        String hostId = host.identity.id();
        await().atMost(TIMEOUT).until(() -> fx(() -> joiner.model().node("r1") != null));
        assertTrue(fx(() -> joiner.status().connectionText()).startsWith("Connected"));

        // A move in the host shows in the joiner's replica.
        fx(() -> host.window.model().moveNodes(Map.of("r1", new double[] {150, 130})));
        await().atMost(TIMEOUT).until(() -> num(joined(), "r1", "x") == 150 && num(joined(), "r1", "y") == 130);

        // The presence bars show both participants, each window listing itself first.
        await().atMost(TIMEOUT).until(() -> fx(() -> host.window.presenceBar().shownIdentities())
                .equals(List.of(hostId, joinerId)));
        await().atMost(TIMEOUT).until(() -> fx(() -> joiner.presenceBar().shownIdentities())
                .equals(List.of(joinerId, hostId)));

        // The joiner drags the node in their window: it selects (locks) it and moves it.
        fx(() -> {
            joiner.stage().toFront();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Point2D from = onJoinerCanvas(250, 190);
        Point2D to = onJoinerCanvas(310, 230);
        robot.drag(from, MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("r1", fx(() -> joiner.model().selection().single()));
        await().atMost(TIMEOUT).until(() -> !hc.replica().hasPredictions()
                && num(hc, "r1", "x") == 210 && num(hc, "r1", "y") == 170);
        Row locked = row(hc, "r1");
        assertEquals(joinerId, locked.get(hc.schema().require("node").columnIndex("locked_by")));

        // The host's canvas draws the joiner's cursor where the drag ended, their selection and a lock badge.
        await().atMost(TIMEOUT).until(() -> {
            CanvasView.CollaboratorOverlay o = fx(() -> host.window.canvas().collaboratorOverlay());
            return o.cursors().size() == 1 && o.cursors().get(0).identity().equals(joinerId)
                    && Math.abs(o.cursors().get(0).x() - 310) < 0.5 && Math.abs(o.cursors().get(0).y() - 230) < 0.5
                    && o.selections().equals(List.of(new CanvasView.SelectionMark(joinerId, "r1",
                            o.cursors().get(0).color())))
                    && o.badges().size() == 1 && o.badges().get(0).nodeId().equals("r1")
                    && o.badges().get(0).holder().equals(joinerId) && o.badges().get(0).initials().equals("JO");
        });
        // The joiner sees no badge on what they hold themselves.
        assertTrue(fx(() -> joiner.canvas().collaboratorOverlay().badges()).isEmpty());

        // The host starts editing the node the joiner holds: a warning in the status bar.
        fx(() -> {
            host.window.model().selection().set(List.of("r1"));
            return null;
        });
        String warning = fx(() -> host.window.status().message());
        assertTrue(warning.contains("Joiner is editing"), warning);
        assertTrue(fx(() -> host.window.status().session()).startsWith("Hosting"));

        // Clicking the joiner's avatar shows the host the joiner's view.
        fx(() -> {
            host.window.jumpTo(host.window.collaborators().peer(joinerId));
            return null;
        });
        assertTrue(fx(() -> host.window.status().message()).contains("Joiner"));
    }

    private Point2D onJoinerCanvas(double x, double y) {
        Point2D p = fx(() -> joiner.canvas().localToScreen(x, y));
        return new Point2D(Math.round(p.getX()), Math.round(p.getY()));
    }
}
