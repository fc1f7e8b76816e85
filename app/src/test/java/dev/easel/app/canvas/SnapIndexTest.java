package dev.easel.app.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapIndexTest {
    private final SnapIndex index = SnapIndex.of(new ArrayList<>(List.of(
            new double[] {0, 0, 100, 100},
            new double[] {300, 50, 400, 150})));

    @Test
    void snapsNearestEdgeOnEachAxis() {
        // Left edge at 103: 3 from a's right edge (100); top at 48: 2 from b's top (50).
        SnapIndex.Snap s = index.snap(103, 48, 153, 98, 5, true, true);
        assertEquals(-3, s.dx(), 1e-9);
        assertEquals(2, s.dy(), 1e-9);
        assertTrue(s.guides().stream().anyMatch(g -> g.vertical() && g.at() == 100 && g.from() == 0 && g.to() == 100),
                s.guides().toString());
        assertTrue(s.guides().stream().anyMatch(g -> !g.vertical() && g.at() == 50), s.guides().toString());
    }

    @Test
    void centresSnapToCentres() {
        // Box centre x at 348, b's centre is 350; y far from everything.
        SnapIndex.Snap s = index.snap(338, 1000, 358, 1020, 5, true, true);
        assertEquals(2, s.dx(), 1e-9);
        assertEquals(0, s.dy(), 1e-9);
        assertEquals(1, s.guides().size());
        assertEquals(350, s.guides().get(0).at(), 1e-9);
        // The guide spans b and the moved box.
        assertEquals(50, s.guides().get(0).from(), 1e-9);
        assertEquals(1020, s.guides().get(0).to(), 1e-9);
    }

    @Test
    void nothingWithinToleranceOrAxisLocked() {
        assertSame(SnapIndex.Snap.NONE, index.snap(120, 1000, 140, 1020, 5, true, true));
        SnapIndex.Snap s = index.snap(103, 48, 153, 98, 5, false, true);
        assertEquals(0, s.dx(), 1e-9);
        assertEquals(2, s.dy(), 1e-9);
    }

    @Test
    void manyBoxesStayCheap() {
        List<double[]> boxes = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            boxes.add(new double[] {i * 7.0, i * 3.0, i * 7.0 + 5, i * 3.0 + 5});
        }
        SnapIndex big = SnapIndex.of(boxes);
        assertEquals(10_000, big.size());
        long t = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            big.snap(i * 1.3, i * 0.7, i * 1.3 + 20, i * 0.7 + 20, 5, true, true);
        }
        assertTrue(System.nanoTime() - t < 2_000_000_000L);
    }
}
