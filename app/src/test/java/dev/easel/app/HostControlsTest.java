package dev.easel.app;

import static dev.easel.app.AppFixture.TIMEOUT;
import static dev.easel.app.AppFixture.fx;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.host.client.JoinException;
import dev.easel.host.client.RemoteConnection;
import dev.easel.host.identity.KeyIdentity;
import dev.easel.host.server.HostedSession;
import dev.easel.host.server.SessionServer;
import dev.easel.host.session.Connection;
import dev.easel.host.session.Invite;
import dev.easel.host.session.Role;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the host does to its session from the window: New Link in the invite dialog replaces a link (the old one
 * lets nobody new in, the new one works), and an avatar's "Remove from Session..." (offered to the host alone)
 * disconnects that person after asking, and keeps them out.
 */
class HostControlsTest extends TwoWindowTest {
    private static final String REMOVE_ITEM = "Remove from Session\u2026";

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theHostReplacesALinkAndRemovesSomeone(FxRobot robot) throws Exception {
        host.awaitReady();
        HostedSession session = fx(() -> host.window.hostSession(SessionServer.Options.loopback(0), true))
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        pair.session = session;
        Invite oldLink = session.invite(Role.EDITOR);
        MainWindow joiner = pair.join(oldLink.link());
        Connection joined = pair.joined();
        fx(() -> {
            // Narrower, so the host's presence bar (top right of its window) is not under the joiner's window.
            joiner.stage().setWidth(640);
            return null;
        });

        // New Link: the dialog shows the new link, the old one admits nobody new, the new one works.
        fx(() -> {
            ((Stage) host.window.hostDialog().getDialogPane().getScene().getWindow()).toFront();
            return null;
        });
        robot.clickOn("#new-editor-link");
        String newLink = fx(() -> host.window.hostDialog().editorLink());
        assertEquals(session.invite(Role.EDITOR).link(), newLink);
        assertNotEquals(oldLink.link(), newLink);
        assertTrue(fx(() -> robot.lookup("#invite-note").queryAs(Label.class).getText())
                .startsWith("The editor link was replaced"));
        assertThrows(JoinException.class, () -> RemoteConnection.join(oldLink, KeyIdentity.generate(), "Late",
                RemoteConnection.Options.DEFAULT));
        try (RemoteConnection late = RemoteConnection.join(Invite.parse(newLink), KeyIdentity.generate(), "Late",
                RemoteConnection.Options.DEFAULT)) {
            assertEquals("editor", late.role());
        }
        fx(() -> {
            host.window.hostDialog().close();
            return null;
        });

        // A joiner cannot remove anyone: its menu on the host's avatar has no such item.
        openAvatarMenu(robot, joiner, pair.hostId());
        assertTrue(robot.lookup(LabeledMatchers.hasText("Jump to Their View")).tryQuery().isPresent());
        assertFalse(robot.lookup(LabeledMatchers.hasText(REMOVE_ITEM)).tryQuery().isPresent());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);

        // The host is asked first: Cancel keeps them in.
        openAvatarMenu(robot, host.window, pair.joinerId());
        robot.clickOn(REMOVE_ITEM);
        robot.clickOn(LabeledMatchers.hasText("Cancel"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Connection.State.CONNECTED, joined.state());

        // Remove: the joiner is disconnected, told so in its window, gone from the host's avatars, and kept out.
        openAvatarMenu(robot, host.window, pair.joinerId());
        robot.clickOn(REMOVE_ITEM);
        robot.clickOn(LabeledMatchers.hasText("Remove"));
        await().atMost(TIMEOUT).until(() -> joined.state() == Connection.State.CLOSED);
        await().atMost(TIMEOUT).until(() -> !fx(() -> host.window.presenceBar().shownIdentities())
                .contains(pair.joinerId()));
        await().atMost(TIMEOUT).until(() -> fx(() -> joiner.status().connectionText())
                .contains("Removed from the session"));
        assertThrows(JoinException.class, () -> RemoteConnection.join(Invite.parse(newLink), pair.joinerKeys,
                "Joiner", RemoteConnection.Options.DEFAULT));
    }

    /** Opens the context menu of someone's avatar in a window's presence bar, once it shows them. */
    private static void openAvatarMenu(FxRobot robot, MainWindow w, String identity) {
        await().atMost(TIMEOUT).until(() -> fx(() -> w.presenceBar().shownIdentities()).contains(identity));
        Node avatar = fx(() -> w.presenceBar().avatarOf(identity));
        robot.moveTo(avatar);
        AppFixture.requestContextMenu(avatar);
    }
}
