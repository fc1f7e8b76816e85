package dev.easel.host.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.easel.host.client.RemoteConnection;
import dev.easel.host.identity.KeyIdentity;
import dev.easel.host.protocol.Codecs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The encoding is chosen at the upgrade (PROTOCOL.md section 1): the first of the client's offers the host speaks,
 * JSON for a client that offers none, and a refusal when it speaks none of them.
 */
class SubprotocolTest {
    /** Joins offering these subprotocols, completing the handshake in the chosen encoding; returns the choice. */
    private static String chosen(SessionFixture f, String... offered) throws Exception {
        try (RawClient raw = new RawClient(offered).open(f.editorInvite().webSocketUri())) {
            raw.hello(KeyIdentity.generate(), "Client");
            return raw.subprotocol();
        }
    }

    @Test
    void theHostTakesTheFirstOfferedEncodingItSpeaks() throws Exception {
        try (SessionFixture f = new SessionFixture(null)) {
            assertEquals(Codecs.CBOR, chosen(f, Codecs.CBOR, Codecs.JSON));
            assertEquals(Codecs.JSON, chosen(f, Codecs.JSON, Codecs.CBOR));
            assertEquals(Codecs.CBOR, chosen(f, "easel.xml.v9", Codecs.CBOR));
        }
    }

    @Test
    void aClientThatOffersNoneIsSpokenToInJson() throws Exception {
        try (SessionFixture f = new SessionFixture(null)) {
            // The host names no subprotocol, and the handshake succeeds decoding its frames as JSON.
            assertNull(chosen(f));
        }
    }

    @Test
    void aClientThatOffersOnlyUnknownEncodingsIsRefused() throws Exception {
        try (SessionFixture f = new SessionFixture(null); RawClient raw = new RawClient("easel.xml.v9")) {
            assertEquals(400, raw.refusal(f.editorInvite().webSocketUri()));
        }
    }

    @Test
    void aJoinerSpeakingJsonSubscribesAndCallsAndABinaryJoinerSeesItsEdit() throws Exception {
        try (SessionFixture f = new SessionFixture(null)) {
            RemoteConnection binary = f.joinWatchingAll("Binary");
            RemoteConnection json = f.join("Json", f.editorInvite(),
                    RemoteConnection.Options.DEFAULT.withSubprotocol(Codecs.JSON));
            json.subscribe("SELECT * FROM item").join();
            json.call("put_item", Map.of("id", "j1", "x", 1.5, "y", 2.5)).join();

            Replicas.awaitEqual(json, f.engine, List.of("item"));
            Replicas.awaitEqual(binary, f.engine, TestDocument.allTables());
            assertEquals(json.identity().id(), binary.replica().find("item", "j1").get(1), "the JSON joiner's edit");
        }
    }
}
