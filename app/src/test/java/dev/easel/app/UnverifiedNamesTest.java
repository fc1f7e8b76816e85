package dev.easel.app;

import static dev.easel.app.AppFixture.TIMEOUT;
import static dev.easel.app.AppFixture.fx;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.app.canvas.CanvasView;
import dev.easel.app.collab.FollowMenu;
import dev.easel.host.client.RemoteConnection;
import dev.easel.host.identity.KeyIdentity;
import dev.easel.host.server.HostedSession;
import dev.easel.host.session.Connection;
import dev.easel.host.session.Invite;
import dev.easel.host.session.Role;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Names nobody vouched for: two members join the host's session over WebSocket, both calling themselves
 * "Ada". In the host's window every place that names them (avatar tooltips, View > Follow, the tooltips of
 * their lock badge and cursor label on the canvas) says the name is unverified and gives the start of their
 * ID, so the two are told apart; the host's own avatar says "(you)".
 */
class UnverifiedNamesTest extends TwoWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void twoJoinersCalledAdaAreShownUnverifiedAndApartByTheirIds(FxRobot robot) throws Exception {
        HostedSession session = pair.hostOnLoopback();
        MainWindow host = pair.host.window;
        Connection hc = pair.host.document.connection();
        String page = fx(() -> host.model().page());
        hc.call("create_node", Map.of("id", "r1", "kind", "rect", "page", page, "x", 100.0, "y", 100.0, "w", 200.0,
                "h", 120.0)).join();
        Invite invite = session.invite(Role.EDITOR);
        KeyIdentity firstKeys = KeyIdentity.generate();
        KeyIdentity secondKeys = KeyIdentity.generate();
        String first = firstKeys.identity().id();
        String second = secondKeys.identity().id();
        String firstLabel = "Ada (unverified name) \u00b7 ID " + grouped(first);
        String secondLabel = "Ada (unverified name) \u00b7 ID " + grouped(second);
        try (RemoteConnection ada1 = RemoteConnection.join(invite, firstKeys, "Ada", RemoteConnection.Options.DEFAULT);
                RemoteConnection ada2 = RemoteConnection.join(invite, secondKeys, "Ada",
                        RemoteConnection.Options.DEFAULT)) {
            // The first Ada holds r1 (a lock badge at its top right corner); the second points below it.
            ada1.call("set_selection", Map.of("ids", List.of("r1"))).join();
            ada2.call("set_cursor", Map.of("x", 150.0, "y", 400.0, "page", page)).join();
            await().atMost(TIMEOUT).until(() -> fx(() -> host.presenceBar().shownIdentities().size()) == 3);
            await().atMost(TIMEOUT).until(() -> {
                CanvasView.CollaboratorOverlay o = fx(() -> host.canvas().collaboratorOverlay());
                return o.badges().size() == 1 && o.badges().get(0).holder().equals(first)
                        && o.cursors().size() == 1 && o.cursors().get(0).identity().equals(second)
                        && o.cursors().get(0).x() == 150 && o.cursors().get(0).y() == 400;
            });
            assertNotEquals(grouped(first), grouped(second), "two fresh keys share their first 8 hex digits");


            // The avatars' tooltips: the chosen name marked unverified and the ID's start; the host is "(you)".
            assertEquals(firstLabel + " \u00b7 active", firstLine(hoverTooltip(robot, avatar(robot, host, first))));
            assertEquals(secondLabel + " \u00b7 active", firstLine(hoverTooltip(robot, avatar(robot, host, second))));
            assertEquals("Tester (you) \u00b7 ID " + grouped(pair.hostId()) + " \u00b7 active",
                    hoverTooltip(robot, avatar(robot, host, pair.hostId())));

            // View > Follow lists both, marked and told apart.
            List<String> entries = List.of("Ada (unverified) \u00b7 " + grouped(first),
                    "Ada (unverified) \u00b7 " + grouped(second));
            assertEquals(entries.stream().sorted().toList(), followEntries(robot, host).stream().sorted().toList());

            // On the canvas the cursor label stays short (the name); resting on it, or on the lock badge, says who.
            CanvasView canvas = host.canvas();
            Point2D badge = fx(() -> canvas.viewport().toScreen(300, 100));
            assertEquals(firstLabel + "\nEditing this layer", hoverTooltip(robot, onCanvas(canvas, badge, 0, -1)));
            Point2D cursor = fx(() -> canvas.viewport().toScreen(150, 400));
            assertEquals(secondLabel, hoverTooltip(robot, onCanvas(canvas, cursor, 20, 26)));
            assertEquals("Ada", fx(() -> host.collaborators().peer(second).displayName()));
        }
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    /** "3f9ac27e51..." gives "3f9a c27e". */
    private static String grouped(String identity) {
        return identity.substring(0, 4) + " " + identity.substring(4, 8);
    }

    private static Point2D avatar(FxRobot robot, MainWindow w, String identity) {
        Node a = fx(() -> w.presenceBar().avatarOf(identity));
        return fx(() -> {
            javafx.geometry.Bounds b = a.localToScreen(a.getBoundsInLocal());
            return new Point2D(Math.round(b.getCenterX()), Math.round(b.getCenterY()));
        });
    }

    /** A canvas point, offset by (dx, dy) canvas pixels, on the screen in whole pixels. */
    private static Point2D onCanvas(CanvasView canvas, Point2D at, double dx, double dy) {
        Point2D p = fx(() -> canvas.localToScreen(at.getX() + dx, at.getY() + dy));
        return new Point2D(Math.round(p.getX()), Math.round(p.getY()));
    }

    /**
     * Rests the pointer on a screen point (coming from outside the window's content first, so any tooltip
     * shown before goes) and returns the text of the tooltip that shows there.
     */
    private static String hoverTooltip(FxRobot robot, Point2D at) {
        robot.moveTo(at.add(0, 300));
        await().atMost(TIMEOUT).until(() -> shownTooltip() == null);
        robot.moveTo(at.add(1, 0)).moveTo(at);
        AtomicReference<String> text = new AtomicReference<>();
        await().atMost(TIMEOUT).until(() -> {
            text.set(shownTooltip());
            return text.get() != null;
        });
        return text.get();
    }

    private static String shownTooltip() {
        return fx(() -> Window.getWindows().stream().filter(w -> w instanceof Tooltip && w.isShowing())
                .map(w -> ((Tooltip) w).getText()).findFirst().orElse(null));
    }

    /** Opens View > Follow from the menu bar and returns its member entries as shown. */
    private static List<String> followEntries(FxRobot robot, MainWindow w) {
        robot.moveTo(new Point2D(5, 400));
        FollowMenu follow = fx(() -> {
            MenuBar bar = (MenuBar) w.scene().getRoot().lookup(".menu-bar");
            Menu view = bar.getMenus().stream().filter(m -> m.getText().equals("_View")).findFirst().orElseThrow();
            return (FollowMenu) view.getItems().stream().filter(i -> i instanceof FollowMenu).findFirst()
                    .orElseThrow();
        });
        robot.clickOn("View");
        robot.moveTo("Follow");
        await().atMost(TIMEOUT).until(() -> fx(follow::isShowing));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> entries = fx(() -> follow.getItems().stream().filter(i -> i instanceof CheckMenuItem)
                .map(MenuItem::getText).toList());
        for (String e : entries) {
            assertTrue(robot.lookup(LabeledMatchers.hasText(e)).tryQuery().isPresent(), "not shown: " + e);
        }
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        return entries;
    }
}
