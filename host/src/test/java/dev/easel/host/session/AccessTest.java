package dev.easel.host.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.host.client.JoinException;
import dev.easel.host.client.RemoteConnection;
import dev.easel.host.identity.KeyIdentity;
import dev.easel.host.protocol.Codecs;
import dev.easel.host.protocol.ErrorCodes;
import dev.easel.host.protocol.Message;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Invite secrets decide who gets in and as what; signatures decide who is who. */
class AccessTest {
    @Test
    void aViewerMayWatchAndPointButNotEdit() throws Exception {
        try (SessionFixture f = new SessionFixture(null)) {
            RemoteConnection editor = f.joinWatchingAll("Editor");
            editor.call("put_item", Map.of("id", "n1", "x", 1.0, "y", 1.0)).join();
            RemoteConnection viewer = f.join("Viewer", f.session.invite(Role.VIEWER), RemoteConnection.Options.DEFAULT);
            assertEquals("viewer", viewer.role());
            viewer.subscribe("SELECT * FROM item").join();

            CompletionException e = assertThrows(CompletionException.class,
                    () -> viewer.call("move", Map.of("id", "n1", "x", 5.0, "y", 5.0)).join());
            assertEquals(ErrorCodes.FORBIDDEN, ((CallFailedException) e.getCause()).code());
            viewer.call("set_cursor", Map.of("x", 3.0, "y", 4.0)).join();

            assertEquals(1.0, f.engine.find("item", "n1").get(2));
            assertEquals(1, f.engine.rows("cursor").size());
        }
    }

    @Test
    void aViewerLinkCannotBeEditedIntoAnEditorLink() {
        try (SessionFixture f = new SessionFixture(null)) {
            Invite viewer = f.session.invite(Role.VIEWER);
            Invite tampered = Invite.parse(viewer.link().replace("?k=", "?role=editor&k="));
            assertEquals(viewer.secret(), tampered.secret());
            RemoteConnection c = f.join("Sneaky", viewer, RemoteConnection.Options.DEFAULT);
            assertEquals("viewer", c.role());
        } catch (IllegalArgumentException expected) {
            // A link with extra parameters is not even accepted as an invite.
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aWrongOrMissingSecretIsRefusedBeforeAnyData() throws Exception {
        try (SessionFixture f = new SessionFixture(null)) {
            Invite good = f.editorInvite();
            Invite wrong = new Invite(good.host(), good.port(), good.sessionId(), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            JoinException e = assertThrows(JoinException.class,
                    () -> f.join("Eve", wrong, RemoteConnection.Options.DEFAULT));
            assertTrue(e.getMessage().contains("not valid"), e.getMessage());

            java.net.URI noSecret = java.net.URI.create("ws://127.0.0.1:" + good.port() + "/session/" + good.sessionId());
            try (RawClient raw = new RawClient(Codecs.JSON)) {
                Exception refused = assertThrows(Exception.class, () -> raw.open(noSecret));
                assertTrue(String.valueOf(refused.getMessage()).contains("403") || refused.getCause() != null);
            }
            assertEquals(0, f.session.participantCount());
        }
    }

    @Test
    void aRevokedLinkStopsWorkingAndARemovedParticipantStaysOut() throws Exception {
        try (SessionFixture f = new SessionFixture(null)) {
            Invite old = f.editorInvite();
            Invite fresh = f.session.revoke(Role.EDITOR);
            assertFalse(old.secret().equals(fresh.secret()));
            assertThrows(JoinException.class, () -> f.join("Late", old, RemoteConnection.Options.DEFAULT));

            KeyIdentity keys = KeyIdentity.generate();
            try (RawClient raw = new RawClient(Codecs.JSON).open(fresh.webSocketUri())) {
                raw.hello(keys, "Troll");
                f.session.remove(keys.identity());
                assertEquals(ErrorCodes.REMOVED, raw.nextError().code());
                assertEquals(Handshake.CLOSE_REMOVED, raw.awaitClose());
            }
            try (RawClient again = new RawClient(Codecs.JSON).open(fresh.webSocketUri())) {
                again.send(again.helloFor(keys, "Troll"));
                assertEquals(ErrorCodes.REMOVED, again.nextError().code());
            }
        }
    }

    @Test
    void aReplayedHelloOrAWrongKeyIsRefused() throws Exception {
        try (SessionFixture f = new SessionFixture(null)) {
            KeyIdentity alice = KeyIdentity.generate();
            Message.Hello alicesHello;
            try (RawClient first = new RawClient(Codecs.JSON).open(f.editorInvite().webSocketUri())) {
                alicesHello = first.helloFor(alice, "Alice");
                first.send(alicesHello);
                first.next(m -> m instanceof Message.Welcome);
            }
            try (RawClient replay = new RawClient(Codecs.JSON).open(f.editorInvite().webSocketUri())) {
                replay.send(alicesHello);
                assertEquals(ErrorCodes.BAD_SIGNATURE, replay.nextError().code());
            }
            try (RawClient forger = new RawClient(Codecs.JSON).open(f.editorInvite().webSocketUri())) {
                KeyIdentity mallory = KeyIdentity.generate();
                Message.Hello signedByMallory = forger.helloFor(mallory, "Alice");
                forger.send(new Message.Hello(Message.VERSION, alice.publicKey(), signedByMallory.signature(), "Alice",
                        -1, Map.of()));
                assertEquals(ErrorCodes.BAD_SIGNATURE, forger.nextError().code());
            }
        }
    }

    @Test
    void someoneAlreadyInKeepsResumingAfterTheirLinkIsReplaced() throws Exception {
        try (SessionFixture f = new SessionFixture(null)) {
            RemoteConnection member = f.joinWatchingAll("Member");
            f.session.revoke(Role.EDITOR);
            f.session.dropAllConnections();
            member.call("put_item", Map.of("id", "after-revoke", "x", 1.0, "y", 1.0)).join();
            Replicas.awaitEqual(member, f.engine, TestDocument.allTables());
            assertEquals("editor", member.role());
        }
    }
}
