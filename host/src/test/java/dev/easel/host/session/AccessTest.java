package dev.easel.host.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.table.Row;
import dev.easel.host.client.JoinException;
import dev.easel.host.client.RemoteConnection;
import dev.easel.host.identity.KeyIdentity;
import dev.easel.host.protocol.Codecs;
import dev.easel.host.protocol.ErrorCodes;
import dev.easel.host.protocol.Message;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Invite secrets decide who gets in and as what; signatures decide who is who. */
class AccessTest {
    private static final Map<String, Object> EDIT = Map.of("id", "n1", "x", 5.0, "y", 5.0);

    /** A session holding item n1 at (1, 1). */
    private static SessionFixture withOneItem() {
        SessionFixture f = new SessionFixture(null);
        f.join("Editor").call("put_item", Map.of("id", "n1", "x", 1.0, "y", 1.0)).join();
        return f;
    }

    @Test
    void aViewerMayWatchAndPointButNotEdit() throws Exception {
        try (SessionFixture f = withOneItem()) {
            RemoteConnection viewer = f.join("Viewer", f.session.invite(Role.VIEWER), RemoteConnection.Options.DEFAULT);
            assertEquals("viewer", viewer.role());
            viewer.subscribe("SELECT * FROM item").join();

            CompletionException e = assertThrows(CompletionException.class, () -> viewer.call("move", EDIT).join());
            assertEquals(ErrorCodes.FORBIDDEN, ((CallFailedException) e.getCause()).code());
            viewer.call("set_cursor", Map.of("x", 3.0, "y", 4.0)).join();
            viewer.call("set_selection", Map.of("ids", List.of("n1"))).join();
            viewer.call("set_view", Map.of("zoom", 2.0)).join();

            assertEquals(1.0, f.engine.find("item", "n1").get(2));
            String id = viewer.identity().id();
            assertEquals(Row.of(id, 3.0, 4.0, "n1", 2.0), f.engine.find("cursor", id));
        }
    }

    /** Whatever is added to a viewer's address, the host takes the role from the secret alone. */
    @ParameterizedTest
    @ValueSource(strings = {"?k=SECRET&role=editor", "?role=editor&k=SECRET", "?k=SECRET&k=AAAAAAAAAAAAAAAAAAAAAAAA",
            "?k=SECRET&role=editor&admin=true"})
    void aViewerLinkCannotBeEditedIntoAnEditorLink(String query) throws Exception {
        try (SessionFixture f = withOneItem()) {
            long offset = f.engine.offset();
            Invite viewer = f.session.invite(Role.VIEWER);
            try (RawClient raw = new RawClient(Codecs.JSON).open(address(viewer, query.replace("SECRET", viewer.secret())))) {
                assertEquals("viewer", raw.hello(KeyIdentity.generate(), "Sneaky").role());
                raw.send(new Message.Call(1, "move", EDIT));
                assertEquals(ErrorCodes.FORBIDDEN, raw.nextResult(1).errorCode());
            }
            assertEquals(offset, f.engine.offset(), "nothing was committed");
            assertEquals(1.0, f.engine.find("item", "n1").get(2));
        }
    }

    @Test
    void aViewerSecretUnderAnotherPathOrAnAlmostRightEditorSecretIsRefused() throws Exception {
        try (SessionFixture f = new SessionFixture(null)) {
            Invite viewer = f.session.invite(Role.VIEWER);
            String editor = f.editorInvite().secret();
            char last = editor.charAt(editor.length() - 1);
            String almost = editor.substring(0, editor.length() - 1) + (last == 'A' ? 'B' : 'A');
            for (String tampered : List.of("/editor?k=" + viewer.secret(), "/?k=" + viewer.secret() + "&role=editor",
                    "?k=" + almost)) {
                try (RawClient raw = new RawClient(Codecs.JSON)) {
                    assertEquals(403, raw.refusal(address(viewer, tampered)), tampered);
                }
            }
            assertEquals(0, f.session.participantCount());
        }
    }

    /** The session's WebSocket address with {@code suffix} in place of its {@code ?k=SECRET}. */
    private static URI address(Invite invite, String suffix) {
        return URI.create(invite.webSocketUri().toString().replace("?k=" + invite.secret(), suffix));
    }

    @Test
    void aWrongOrMissingSecretIsRefusedBeforeAnyData() throws Exception {
        try (SessionFixture f = new SessionFixture(null)) {
            Invite good = f.editorInvite();
            Invite wrong = new Invite(good.host(), good.port(), good.sessionId(), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            JoinException e = assertThrows(JoinException.class,
                    () -> f.join("Eve", wrong, RemoteConnection.Options.DEFAULT));
            assertTrue(e.getMessage().contains("not valid"), e.getMessage());

            try (RawClient raw = new RawClient(Codecs.JSON)) {
                assertEquals(403, raw.refusal(address(good, "")));
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
