package dev.easel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.easel.engine.tx.CommitRecord;
import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.TxInfo;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The ring of recent commits: oldest first, bounded by count, growing and wrapping around as it goes. */
class CommitHistoryTest {
    private static CommitRecord commit(long offset) {
        return new CommitRecord(new TxInfo(offset, 0, new Identity("me"), "r", null), List.of());
    }

    private static List<Long> offsets(List<CommitRecord> records) {
        return records.stream().map(CommitRecord::offset).toList();
    }

    @Test
    void keepsTheNewestCommitsInOrderThroughGrowthAndWrapAround() {
        CommitHistory h = new CommitHistory(40, Long.MAX_VALUE);
        for (long o = 1; o <= 100; o++) {
            h.add(commit(o));
            if (o == 30) {
                // Grown past its first 16 slots, nothing dropped yet.
                assertEquals(LongStream.rangeClosed(1, 30).boxed().toList(), offsets(h.after(0, 30)));
            }
        }
        assertEquals(LongStream.rangeClosed(61, 100).boxed().toList(), offsets(h.after(60, 100)));
        assertEquals(List.of(99L, 100L), offsets(h.after(98, 100)));
        assertEquals(List.of(), h.after(100, 100));
        assertNull(h.after(59, 100), "commit 60 is no longer kept");
        assertNull(h.after(101, 100), "an offset not reached yet");
    }

    @Test
    void keepsNothingWhenToldToKeepNothing() {
        CommitHistory h = new CommitHistory(0, Long.MAX_VALUE);
        h.add(commit(1));
        assertNull(h.after(0, 1));
    }
}
