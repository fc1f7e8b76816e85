package dev.easel.host.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A joiner resumes from the newest offset every resumed subscription is surely complete up to. */
class ResumePointTest {
    @Test
    void theNewestTransactionMayBeIncompleteSoResumingStartsBeforeIt() {
        ResumePoint p = new ResumePoint();
        p.snapshot(1, 10);
        p.transaction(11);
        p.transaction(12); // its parts for other subscriptions may still be on their way
        assertEquals(11, p.offsetFor(List.of(1L)));
        assertEquals(12, p.lastTxOffset());
        p.transaction(12); // a second part of the same commit changes nothing
        assertEquals(11, p.offsetFor(List.of(1L)));
    }

    @Test
    void aSubscriptionIsCompleteUpToItsSnapshotAndTheOldestOneDecides() {
        ResumePoint p = new ResumePoint();
        p.snapshot(1, 5);
        p.transaction(6);
        p.transaction(7);
        p.snapshot(2, 20); // subscribed later: complete up to its snapshot
        assertEquals(6, p.offsetFor(List.of(1L, 2L)));
        assertEquals(20, p.offsetFor(List.of(2L)));
    }

    @Test
    void onlySubscriptionsWhoseSnapshotArrivedResume() {
        ResumePoint p = new ResumePoint();
        p.snapshot(1, 3);
        Map<Long, String> resumable = p.resumable(Map.of(1L, "SELECT * FROM node", 2L, "SELECT * FROM page"));
        assertEquals(Map.of(1L, "SELECT * FROM node"), resumable);
        assertEquals(-1, p.offsetFor(List.of()));
        assertEquals(-1, new ResumePoint().lastTxOffset());
    }
}
