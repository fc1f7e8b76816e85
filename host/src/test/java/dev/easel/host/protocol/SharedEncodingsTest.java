package dev.easel.host.protocol;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An update several clients receive alike is encoded once, and every client still gets exactly its own frame. */
class SharedEncodingsTest {
    private static final String CALLER = CborCodecTest.CALLER;

    /** Inserts, updates and deletes, so every list of the encoding is present. */
    private static Message.QueryUpdate update(long queryId, Message.QueryUpdate rows) {
        return new Message.QueryUpdate(queryId, rows.tableId(), rows.inserts(), rows.updates(), rows.deletes());
    }

    private static final Message.QueryUpdate ROWS = new Message.QueryUpdate(1, 0,
            List.<Object[]>of(new Object[] {"n-new", 1.5, -2.0}),
            List.of(new Message.ColumnUpdate("n-moved", new int[] {1, 2}, new Object[] {412.5, 300.0}),
                    new Message.ColumnUpdate("n-nudged", new int[] {1}, new Object[] {0.1})),
            List.of("n-gone"));

    private static Message.Tx tx(long offset, Message.QueryUpdate u) {
        return new Message.Tx(offset, CborCodecTest.EPOCH + offset * 1000, CALLER, "move_nodes", -1, List.of(u));
    }

    @Test
    void aSharedUpdateEncodesToTheSameBytesAsAnUnsharedOne() {
        SharedEncodings shared = new SharedEncodings();
        shared.share(ROWS);
        CborCodec sharing = new CborCodec();
        sharing.shareEncodings(shared);
        CborCodec alone = new CborCodec();
        for (CborCodec c : new CborCodec[] {sharing, alone}) {
            c.encode(CborCodecTest.welcome(10));
        }
        // Twice: the first encodes the shared rows, the second copies them (and the header has moved on).
        for (long offset = 11; offset <= 12; offset++) {
            assertArrayEquals(alone.encode(tx(offset, ROWS)), sharing.encode(tx(offset, ROWS)));
        }
    }

    @Test
    void eachClientKeepsItsOwnQueryIdAroundTheSharedRows() {
        SharedEncodings shared = new SharedEncodings();
        shared.share(ROWS);
        for (long queryId : new long[] {1, 7, 1_000_000}) {
            CborCodec host = new CborCodec();
            host.shareEncodings(shared);
            CborCodec joiner = new CborCodec();
            joiner.decode(host.encode(CborCodecTest.welcome(10)));
            Message.Tx sent = tx(11, update(queryId, ROWS));
            Message received = joiner.decode(host.encode(sent));
            assertTrue(Messages.equal(sent, received), "query " + queryId);
        }
    }

    @Test
    void theRowsAreEncodedOnceForEveryClient() {
        SharedEncodings shared = new SharedEncodings();
        shared.share(ROWS);
        AtomicInteger encodings = new AtomicInteger();
        // The frames being built hold the bytes, which is what keeps a weakly held encoding alive.
        List<byte[]> frames = new ArrayList<>();
        for (int client = 0; client < 100; client++) {
            frames.add(shared.encoding(update(client, ROWS), u -> {
                encodings.incrementAndGet();
                return new byte[] {1};
            }));
        }
        assertEquals(1, encodings.get());
        assertEquals(100, frames.size());
    }

    @Test
    void anUpdateNobodySharedIsLeftToTheCodec() {
        SharedEncodings shared = new SharedEncodings();
        shared.share(ROWS);
        // Equal rows in other list objects: not the shared update, whatever their content.
        Message.QueryUpdate lookalike = new Message.QueryUpdate(1, 0, new ArrayList<>(ROWS.inserts()),
                new ArrayList<>(ROWS.updates()), new ArrayList<>(ROWS.deletes()));
        assertNull(shared.encoding(lookalike, u -> new byte[] {1}));
    }

    @Test
    void anEncodingIsLetGoWithTheRowsItWasMadeFrom() {
        SharedEncodings shared = new SharedEncodings();
        Message.QueryUpdate rows = new Message.QueryUpdate(1, 0, new ArrayList<>(ROWS.inserts()),
                new ArrayList<>(ROWS.updates()), new ArrayList<>(ROWS.deletes()));
        shared.share(rows);
        WeakReference<byte[]> bytes = new WeakReference<>(shared.encoding(rows, u -> new byte[] {1}));
        WeakReference<List<Message.ColumnUpdate>> updates = new WeakReference<>(rows.updates());
        rows = null;
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            System.gc();
            return updates.get() == null && bytes.get() == null;
        });
    }
}
