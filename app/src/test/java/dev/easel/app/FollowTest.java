package dev.easel.app;

import static dev.easel.app.AppFixture.TIMEOUT;
import static dev.easel.app.AppFixture.fx;
import static dev.easel.app.HostAndJoiner.num;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.collab.FollowMode;
import dev.easel.app.panels.FollowIndicator;
import dev.easel.host.session.Connection;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Following a collaborator across two windows over a real session: the joiner double-clicks the host's avatar,
 * the host changes its view, and the joiner's viewport tracks the host's presence row until the joiner scrolls,
 * presses Esc, or the one followed leaves.
 */
class FollowTest extends TwoWindowTest {
    private static final double EPS = 1e-6;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theJoinerFollowsTheHostUntilItScrolls(FxRobot robot) throws Exception {
        pair.hostOnLoopback();
        MainWindow joiner = pair.join(pair.editorLink());
        String hostId = pair.hostId();
        Connection joined = pair.joined();
        await().atMost(TIMEOUT).until(() -> fx(() -> joiner.collaborators().peer(hostId) != null
                && joiner.collaborators().peer(hostId).viewW() > 0));

        // Double-clicking the host's avatar (in the joiner's window) follows the host.
        fx(() -> {
            joiner.stage().toFront();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node avatar = fx(() -> joiner.presenceBar().avatarOf(hostId));
        robot.doubleClickOn(avatar);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> joiner.follow().isFollowing()));
        assertEquals(hostId, fx(() -> joiner.follow().followed().identity()));
        assertEquals("Following Tester \u2014 press Esc or move to stop", fx(() -> joiner.status().followingText()));
        FollowIndicator frame = robot.from(joiner.scene().getRoot()).lookup("#follow-frame").query();
        String hostColor = fx(() -> joiner.collaborators().peer(hostId).color());
        assertEquals(CanvasView.color(hostColor), fx(frame::frameColor));
        assertTrue(fx(frame::isVisible));
        Node followedAvatar = robot.from(joiner.presenceBar()).lookup(".avatar-followed").query();
        assertEquals(hostId, followedAvatar.getUserData());

        // The host zooms to 200% and looks elsewhere: its presence row reaches the joiner's replica, and the
        // joiner's viewport shows the same part of the page (both canvases are the same size).
        fx(() -> {
            host().canvas().viewport().set(2, -300, -150);
            return null;
        });
        await().atMost(TIMEOUT).until(() -> num(joined, "presence", hostId, "zoom") == 2
                && Math.abs(num(joined, "presence", hostId, "view_x") - 150) < EPS
                && Math.abs(num(joined, "presence", hostId, "view_y") - 75) < EPS);
        await().atMost(TIMEOUT).until(() -> fx(() -> Math.abs(joiner.canvas().viewport().zoom() - 2) < EPS
                && Math.abs(joiner.canvas().viewport().offsetX() + 300) < EPS
                && Math.abs(joiner.canvas().viewport().offsetY() + 150) < EPS));
        assertSameCentre(joined, hostId, fx(() -> visible(joiner)));

        // Every later change follows too.
        fx(() -> {
            host().canvas().viewport().set(0.5, 40, 20);
            return null;
        });
        await().atMost(TIMEOUT).until(() -> num(joined, "presence", hostId, "zoom") == 0.5);
        await().atMost(TIMEOUT).until(() -> fx(() -> Math.abs(joiner.canvas().viewport().zoom() - 0.5) < EPS
                && Math.abs(joiner.canvas().viewport().offsetX() - 40) < EPS
                && Math.abs(joiner.canvas().viewport().offsetY() - 20) < EPS));
        assertTrue(fx(() -> joiner.follow().isFollowing()), "applying their view does not stop following");

        // The joiner scrolls its canvas: following stops, and the host's next move leaves the joiner's view be.
        Point2D middle = pair.onJoinerCanvas(400, 300);
        robot.moveTo(middle).scroll(3, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> joiner.follow().isFollowing()));
        assertEquals(FollowMode.Ended.MOVED, fx(() -> joiner.follow().lastEnded()));
        assertEquals("", fx(() -> joiner.status().followingText()));
        assertEquals("Stopped following Tester", fx(() -> joiner.status().message()));
        assertFalse(fx(frame::isVisible));
        double[] mine = fx(() -> new double[] {joiner.canvas().viewport().zoom(), joiner.canvas().viewport().offsetX(),
                joiner.canvas().viewport().offsetY()});
        fx(() -> {
            host().canvas().viewport().set(3, -900, -600);
            return null;
        });
        await().atMost(TIMEOUT).until(() -> num(joined, "presence", hostId, "zoom") == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(mine[0], fx(() -> joiner.canvas().viewport().zoom()));
        assertEquals(mine[1], fx(() -> joiner.canvas().viewport().offsetX()));
        assertEquals(mine[2], fx(() -> joiner.canvas().viewport().offsetY()));
    }

    @Test
    void escStopsFollowingAndKeepsTheSelection(FxRobot robot) throws Exception {
        pair.hostOnLoopback();
        Connection hc = pair.host.document.connection();
        pair.createOnHost(Map.of("id", "r1", "kind", "rect", "x", 100.0, "y", 100.0, "w", 50.0, "h", 50.0));
        MainWindow joiner = pair.join(pair.editorLink());
        String hostId = pair.hostId();
        await().atMost(TIMEOUT).until(() -> fx(() -> joiner.model().node("r1") != null
                && joiner.collaborators().peer(hostId) != null));
        fx(() -> {
            joiner.stage().toFront();
            joiner.model().selection().set(List.of("r1"));
            joiner.follow().follow(joiner.collaborators().peer(hostId));
            joiner.canvas().requestFocus();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> joiner.follow().isFollowing()));

        // The first Esc stops following only; the selection (and the joiner's lock on r1) stays.
        robot.type(KeyCode.ESCAPE);
        assertFalse(fx(() -> joiner.follow().isFollowing()));
        assertEquals(FollowMode.Ended.BY_USER, fx(() -> joiner.follow().lastEnded()));
        assertEquals(List.of("r1"), fx(() -> List.copyOf(joiner.model().selection().ids())));
        await().atMost(TIMEOUT).until(() -> pair.joinerId().equals(
                hc.replica().find("node", "r1").get(hc.schema().require("node").columnIndex("locked_by"))));
    }

    @Test
    void followingEndsWhenTheFollowedMemberLeaves() throws Exception {
        pair.hostOnLoopback();
        MainWindow joiner = pair.join(pair.editorLink());
        String joinerId = pair.joinerId();
        Connection hc = pair.host.document.connection();
        await().atMost(TIMEOUT).until(() -> fx(() -> host().collaborators().peer(joinerId) != null));

        // The host follows the joiner; the joiner leaves the session (its presence row goes away).
        fx(() -> {
            host().follow().follow(host().collaborators().peer(joinerId));
            return null;
        });
        assertTrue(fx(() -> host().follow().isFollowing()));
        fx(() -> {
            joiner.leaveSession();
            return null;
        });
        await().atMost(TIMEOUT).until(() -> hc.replica().find("presence", joinerId) == null);
        await().atMost(TIMEOUT).until(() -> fx(() -> !host().follow().isFollowing()));
        assertEquals(FollowMode.Ended.LEFT, fx(() -> host().follow().lastEnded()));
        assertEquals("Joiner left \u2014 stopped following", fx(() -> host().status().message()));
    }

    private MainWindow host() {
        return pair.host.window;
    }

    private static Bounds visible(MainWindow w) {
        return w.canvas().viewport().visibleWorld(w.canvas().getWidth(), w.canvas().getHeight());
    }

    /** The joiner's visible part of the page is centred where the host's presence row says the host looks. */
    private static void assertSameCentre(Connection joined, String hostId, Bounds joinerView) {
        double cx = num(joined, "presence", hostId, "view_x") + num(joined, "presence", hostId, "view_w") / 2;
        double cy = num(joined, "presence", hostId, "view_y") + num(joined, "presence", hostId, "view_h") / 2;
        assertEquals(cx, joinerView.getCenterX(), 1e-6);
        assertEquals(cy, joinerView.getCenterY(), 1e-6);
    }
}
