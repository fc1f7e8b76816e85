package dev.easel.app.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a member is named to others: their chosen name marked unverified, and the start of their key's ID. */
class PeerLabelTest {
    private static final String ADA = "3f9ac27e51d04b8899aabbccddeeff00";
    private static final String OTHER_ADA = "b0417d2c9e8f4a3b8c7d6e5f4a3b2c1d";

    private static Collaborators.Peer peer(String identity, String name, boolean verified, boolean self) {
        return new Collaborators.Peer(identity, name, verified, "editor", "#ff0000", "active", self, null, 1, 0, 0,
                0, 0, false, 0, 0, null, List.of());
    }

    @Test
    void anotherMembersChosenNameIsMarkedUnverifiedNextToTheirId() {
        Collaborators.Peer ada = peer(ADA, "Ada", false, false);
        assertEquals("3f9a c27e", ada.shortId());
        assertEquals("Ada (unverified name) \u00b7 ID 3f9a c27e", ada.label());
        assertEquals("Ada (unverified) \u00b7 3f9a c27e", ada.listLabel());
        assertEquals("Ada", ada.displayName());
    }

    @Test
    void twoMembersWhoChoseTheSameNameAreToldApart() {
        Collaborators.Peer one = peer(ADA, "Ada", false, false);
        Collaborators.Peer two = peer(OTHER_ADA, "Ada", false, false);
        assertNotEquals(one.label(), two.label());
        assertNotEquals(one.listLabel(), two.listLabel());
        assertEquals("Ada (unverified name) \u00b7 ID b041 7d2c", two.label());
    }

    @Test
    void ownEntrySaysYouAndAVouchedForNameHasNoMarker() {
        assertEquals("Tester (you) \u00b7 ID 3f9a c27e", peer(ADA, "Tester", false, true).label());
        assertEquals("Ada \u00b7 ID 3f9a c27e", peer(ADA, "Ada", true, false).label());
        assertEquals("Ada \u00b7 3f9a c27e", peer(ADA, "Ada", true, false).listLabel());
    }

    @Test
    void aMemberWithoutANameIsShownByTheirId() {
        Collaborators.Peer none = peer(ADA, "  ", false, false);
        assertEquals("ID 3f9a c27e", none.displayName());
        assertEquals("ID 3f9a c27e", none.label());
        assertEquals("ID 3f9a c27e", none.listLabel());
        assertEquals("ID 3f9a c27e (you)", peer(ADA, null, false, true).label());
    }

    @Test
    void aNameCannotBreakTheLabelOrHideInvisibleCharacters() {
        // A line break cannot push the marker out of sight; direction overrides and zero-width characters go.
        assertEquals("Ada (unverified name) \u00b7 ID 3f9a c27e",
                peer(ADA, "  A\u200bd\u202ea \n", false, false).label());
    }
}
