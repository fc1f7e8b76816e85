package dev.easel.app;

import static dev.easel.app.AppFixture.TIMEOUT;
import static dev.easel.app.AppFixture.fx;
import static dev.easel.app.HostAndJoiner.num;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.host.client.RemoteConnection;
import dev.easel.host.session.Connection;
import dev.easel.host.session.LinkProxy;
import dev.easel.host.session.Role;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.control.DialogPane;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A joiner's link drops: the window says so (status bar and banner), keeps its view and lets its user go on
 * editing with local prediction, and resumes by itself, sending what was done meanwhile. Removal by the host
 * is final and gets a dialog.
 */
class ConnectionDropTest extends TwoWindowTest {
    private LinkProxy relay;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @AfterEach
    void closeRelay() throws Exception {
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void aDroppedJoinerSaysReconnectingKeepsEditingAndResumes(FxRobot robot) throws Exception {
        pair.hostOnLoopback();
        Connection hc = pair.host.document.connection();
        pair.createOnHost(Map.of("id", "r1", "kind", "rect", "x", 100.0, "y", 100.0, "w", 200.0, "h", 120.0,
                "fill", "#0d99ff"));
        relay = new LinkProxy(pair.session.invite(Role.EDITOR).port());
        MainWindow joiner = pair.join(relay.route(pair.session.invite(Role.EDITOR)).link());
        Connection joined = pair.joined();
        await().atMost(TIMEOUT).until(() -> fx(() -> joiner.model().node("r1") != null));
        await().atMost(TIMEOUT).until(() -> fx(() -> joiner.status().connectionText()).startsWith("Connected"));
        assertFalse(fx(() -> joiner.connectionBanner().isVisible()));
        double zoom = fx(() -> joiner.canvas().viewport().zoom());

        // The network fails: the joiner says it is reconnecting, in the status bar and in a banner.
        relay.cut();
        await().atMost(TIMEOUT).until(() -> joined.state() == Connection.State.RECONNECTING);
        await().atMost(TIMEOUT).until(() -> fx(() -> joiner.status().connectionText()).equals("Reconnecting\u2026"));
        assertTrue(fx(() -> joiner.connectionBanner().isVisible()));
        assertTrue(fx(() -> joiner.connectionBanner().headline()).startsWith("Connection to the host lost"));
        assertTrue(fx(() -> joiner.stage().isShowing()));
        assertEquals(zoom, fx(() -> joiner.canvas().viewport().zoom()), "the view is kept");

        // The canvas stays usable: a drag moves the node at once (predicted), though the host has not seen it.
        fx(() -> {
            joiner.stage().toFront();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Point2D from = pair.onJoinerCanvas(250, 190);
        Point2D to = pair.onJoinerCanvas(310, 230);
        robot.drag(from, MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(160.0, fx(() -> joiner.model().node("r1").x()));
        assertEquals(140.0, fx(() -> joiner.model().node("r1").y()));
        assertTrue(joined.replica().hasPredictions());
        assertTrue(((RemoteConnection) joined).unansweredCalls() > 0);
        assertEquals(100.0, num(hc, "node", "r1", "x"), "the host has not seen the move");
        assertEquals(Connection.State.RECONNECTING, joined.state());

        // The network comes back: the joiner reconnects by itself, says so, and the move reaches the host.
        relay.restore();
        await().atMost(TIMEOUT).until(() -> joined.state() == Connection.State.CONNECTED);
        await().atMost(TIMEOUT).until(() -> fx(() -> joiner.status().connectionText()).startsWith("Connected"));
        assertFalse(fx(() -> joiner.connectionBanner().isVisible()));
        assertTrue(fx(() -> joiner.status().message()).startsWith("Reconnected"), fx(() -> joiner.status().message()));
        await().atMost(TIMEOUT).until(() -> !hc.replica().hasPredictions()
                && num(hc, "node", "r1", "x") == 160 && num(hc, "node", "r1", "y") == 140);
        await().atMost(TIMEOUT).until(() -> !joined.replica().hasPredictions()
                && num(joined, "node", "r1", "x") == 160 && num(joined, "node", "r1", "y") == 140);
        // Presence is told again: the host sees the joiner present, with its view.
        await().atMost(TIMEOUT).until(() -> num(hc, "presence", pair.joinerId(), "view_w") > 0);

        // The host's server drops the joiner's socket: an edit made right then is applied exactly once.
        pair.session.dropAllConnections();
        fx(() -> joiner.model().moveNodes(Map.of("r1", new double[] {20, 30})));
        await().atMost(TIMEOUT).until(() -> joined.state() == Connection.State.CONNECTED
                && !hc.replica().hasPredictions() && num(hc, "node", "r1", "x") == 20
                && num(hc, "node", "r1", "y") == 30);
        await().atMost(TIMEOUT).until(() -> fx(() -> joiner.status().connectionText()).startsWith("Connected"));
        assertFalse(fx(() -> joiner.connectionBanner().isVisible()));
    }

    @Test
    void aRemovedJoinerIsToldInADialogAndKeepsItsView(FxRobot robot) throws Exception {
        pair.hostOnLoopback();
        MainWindow joiner = pair.join(pair.editorLink());
        Connection joined = pair.joined();
        await().atMost(TIMEOUT).until(() -> fx(() -> joiner.status().connectionText()).startsWith("Connected"));

        pair.session.remove(pair.joinerKeys.identity());
        await().atMost(TIMEOUT).until(() -> joined.state() == Connection.State.CLOSED);
        await().atMost(TIMEOUT).until(() -> fx(() -> joiner.status().connectionText())
                .equals("Removed from the session"));
        DialogPane dialog = robot.lookup("#link-ended").queryAs(DialogPane.class);
        assertEquals("The host removed you from this session", fx(dialog::getHeaderText));
        assertFalse(fx(() -> joiner.connectionBanner().isVisible()));
        assertTrue(fx(() -> joiner.stage().isShowing()));
        assertEquals("", fx(() -> joiner.status().session()));
        // The host no longer lists the joiner; the joiner keeps the last state of the document on screen.
        Connection hc = pair.host.document.connection();
        await().atMost(TIMEOUT).until(() -> hc.replica().find("presence", pair.joinerId()) == null);
        assertFalse(joined.replica().rows("page").isEmpty());
        assertEquals(fx(() -> joiner.model().page()), fx(() -> pair.host.window.model().page()));
        fx(() -> {
            ((Stage) dialog.getScene().getWindow()).close();
            return null;
        });
    }
}
