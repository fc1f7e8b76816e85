package dev.easel.host.canvas;

import static dev.easel.host.canvas.CanvasFixture.ALICE;
import static dev.easel.host.canvas.CanvasFixture.BOB;
import static dev.easel.host.canvas.CanvasFixture.CAROL;
import static dev.easel.host.canvas.CanvasFixture.PAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.subscription.Subscription;
import dev.easel.engine.subscription.SubscriptionListener;
import dev.easel.engine.subscription.TableDelta;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.TxInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocksAndPresenceTest extends TwoEditorDocumentTest {
    @BeforeEach
    void drawTwoRectangles() {
        doc.rect(ALICE, "a", 0, 0);
        doc.rect(ALICE, "b", 0, 0);
    }

    @Test
    void connectingMakesAMemberWithAPaletteColourAndAnActivePresence() {
        doc.connect(CAROL, "viewer");
        Set<Object> colors = new HashSet<>();
        for (Identity who : List.of(ALICE, BOB, CAROL)) {
            assertEquals(Presence.ACTIVE, doc.presence(who, "status"));
            Object color = doc.presence(who, "color");
            assertTrue(Palette.COLORS.contains(color));
            colors.add(color);
        }
        assertEquals(3, colors.size(), "everyone gets a colour of their own");
        Row member = doc.engine.find(CanvasSchema.MEMBER, CAROL.id());
        assertEquals("viewer", member.get(3));
        doc.disconnect(CAROL);
        doc.connect(CAROL, "editor");
        assertEquals(member.get(2), doc.presence(CAROL, "color"), "the colour is kept across visits");
    }

    @Test
    void lockAndUnlockAreAdvisory() {
        Map<String, Object> r = doc.call(ALICE, "lock", "ids", List.of("a"));
        assertEquals(List.of("a"), r.get("locked"));
        assertEquals(ALICE.id(), doc.field("a", "locked_by"));
        assertEquals(doc.clock.nowMicros(), doc.field("a", "locked_at"));
        Map<String, Object> bob = doc.call(BOB, "lock", "ids", List.of("a", "b"));
        assertEquals(List.of("b"), bob.get("locked"));
        assertEquals(Map.of("a", ALICE.id()), bob.get("locked_by"));
        Map<String, Object> steal = doc.call(BOB, "unlock", "ids", List.of("a"));
        assertEquals(List.of(), steal.get("unlocked"), "nobody releases another's lock");
        assertEquals(ALICE.id(), doc.field("a", "locked_by"));
        doc.call(ALICE, "unlock", "ids", List.of("a"));
        assertNull(doc.field("a", "locked_by"));
        assertNull(doc.field("a", "locked_at"));
    }

    @Test
    void selectingLocksAndDeselectingUnlocks() {
        doc.call(ALICE, "set_selection", "ids", List.of("a", "b"));
        assertEquals(ALICE.id(), doc.field("a", "locked_by"));
        assertEquals("a,b", doc.engine.find(CanvasSchema.CURSOR, ALICE.id()).get(5));
        doc.call(ALICE, "set_selection", "ids", List.of("b"));
        assertNull(doc.field("a", "locked_by"));
        assertEquals(ALICE.id(), doc.field("b", "locked_by"));
        Map<String, Object> bob = doc.call(BOB, "set_selection", "ids", List.of("b"));
        assertEquals(Map.of("b", ALICE.id()), bob.get("locked_by"), "Bob is warned who is editing it");
        doc.call(ALICE, "set_selection", "ids", List.of());
        assertNull(doc.field("b", "locked_by"));
    }

    @Test
    void aViewerSelectsWithoutLocking() {
        doc.connect(CAROL, "viewer");
        doc.call(CAROL, "set_selection", "ids", List.of("a"));
        assertNull(doc.field("a", "locked_by"));
    }

    @Test
    void idleAfterSixtySecondsAwayAfterFiveMinutesAndLocksReleased() {
        doc.call(ALICE, "set_selection", "ids", List.of("a"));
        doc.advance(Duration.ofSeconds(30));
        doc.call(BOB, "set_cursor", "x", 1.0, "y", 1.0);
        doc.advance(Duration.ofSeconds(29));
        assertEquals(Presence.ACTIVE, doc.presence(ALICE, "status"));
        doc.advance(Duration.ofSeconds(1));
        assertEquals(Presence.IDLE, doc.presence(ALICE, "status"), "idle at 60 s");
        assertNull(doc.field("a", "locked_by"), "an idle member's locks are released");
        assertEquals(Presence.ACTIVE, doc.presence(BOB, "status"), "Bob moved 30 s ago");
        doc.advance(Duration.ofSeconds(30));
        assertEquals(Presence.IDLE, doc.presence(BOB, "status"));
        doc.advance(Duration.ofSeconds(209));
        assertEquals(Presence.IDLE, doc.presence(ALICE, "status"));
        doc.advance(Duration.ofSeconds(1));
        assertEquals(Presence.AWAY, doc.presence(ALICE, "status"), "away at 5 min");
        doc.call(ALICE, "set_cursor", "x", 2.0, "y", 2.0);
        assertEquals(Presence.ACTIVE, doc.presence(ALICE, "status"), "any call makes one active again");
        assertEquals(doc.clock.nowMicros(), doc.presence(ALICE, "last_active"));
    }

    @Test
    void aDragDoesNotRewritePresenceWithEveryMove() {
        doc.advance(Duration.ofSeconds(5));
        doc.call(ALICE, "set_cursor", "x", 0.0, "y", 0.0);
        long stamped = (Long) doc.presence(ALICE, "last_active");
        doc.clock.advance(Duration.ofMillis(500));
        doc.call(ALICE, "move_nodes", "moves", List.of(Map.of("id", "a", "x", 1.0, "y", 1.0)));
        assertEquals(stamped, doc.presence(ALICE, "last_active"));
        doc.clock.advance(Duration.ofMillis(500));
        doc.call(ALICE, "move_nodes", "moves", List.of(Map.of("id", "a", "x", 2.0, "y", 1.0)));
        assertNotEquals(stamped, doc.presence(ALICE, "last_active"));
    }

    @Test
    void disconnectingRemovesPresenceAndCursorAndReleasesLocks() {
        doc.call(ALICE, "set_cursor", "x", 3.0, "y", 4.0, "page", PAGE);
        doc.call(ALICE, "lock", "ids", List.of("a", "b"));
        doc.disconnect(ALICE);
        assertNull(doc.engine.find(CanvasSchema.PRESENCE, ALICE.id()));
        assertNull(doc.engine.find(CanvasSchema.CURSOR, ALICE.id()));
        assertNull(doc.field("a", "locked_by"));
        assertNull(doc.field("b", "locked_by"));
        assertNotNull(doc.engine.find(CanvasSchema.MEMBER, ALICE.id()), "membership is durable");
    }

    @Test
    void locksLeftByAStoppedHostAreClearedWhenTheFirstMemberArrives() {
        doc.call(ALICE, "lock", "ids", List.of("a"));
        doc.reopen();
        assertEquals(ALICE.id(), doc.field("a", "locked_by"), "locks are stored with the nodes");
        doc.connect(BOB, "editor");
        assertNull(doc.field("a", "locked_by"));
    }

    @Test
    void setCursorAndSetView() {
        doc.frame(ALICE, "f", null, 0, 0);
        doc.call(ALICE, "set_cursor", "x", 3.0, "y", 4.0, "page", PAGE, "frame", "f");
        Row cursor = doc.engine.find(CanvasSchema.CURSOR, ALICE.id());
        assertEquals(3.0, cursor.get(1));
        assertEquals("f", cursor.get(4));
        java.util.Map<String, Object> clear = new java.util.HashMap<>(Map.of("x", 1.0, "y", 1.0));
        clear.put("frame", null);
        doc.engine.call(ALICE, "set_cursor", new dev.easel.engine.tx.Args(clear)).join();
        assertNull(doc.engine.find(CanvasSchema.CURSOR, ALICE.id()).get(4));
        doc.call(ALICE, "set_view", "page", PAGE, "frame", "f", "zoom", 2.5, "x", -10.0, "y", 20.0,
                "w", 800.0, "h", 600.0);
        assertEquals(PAGE, doc.presence(ALICE, "page"));
        assertEquals("f", doc.presence(ALICE, "frame"));
        assertEquals(2.5, doc.presence(ALICE, "zoom"));
        assertEquals(-10.0, doc.presence(ALICE, "view_x"));
        assertEquals(600.0, doc.presence(ALICE, "view_h"));
    }

    @Test
    void followingAMembersViewIsASubscriptionToTheirPresenceRow() {
        List<Object> zooms = new ArrayList<>();
        doc.engine.subscribe(BOB, Canvas.followQuery(ALICE.id()), new SubscriptionListener() {
            @Override
            public void onSnapshot(Subscription s, long offset, List<Row> rows) {
                rows.forEach(r -> zooms.add(r.get(Presence.TABLE.columnIndex("zoom"))));
            }

            @Override
            public void onDelta(Subscription s, TxInfo tx, TableDelta d) {
                d.updates().forEach(u -> zooms.add(u.after().get(Presence.TABLE.columnIndex("zoom"))));
            }
        });
        doc.call(ALICE, "set_view", "zoom", 3.0);
        doc.call(BOB, "set_view", "zoom", 4.0);
        assertEquals(List.of(1.0, 3.0), zooms);
    }
}
