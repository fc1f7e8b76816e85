package dev.easel.bench.engine;

import dev.easel.engine.Engine;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Path;

/**
 * engine.heap_bytes_per_row: heap retained by an open document, divided by its rows. A hand harness (JMH
 * measures time, not retained memory): full GCs until the used heap settles, open the document, full GCs again,
 * and take the difference while the engine is still reachable. The difference holds everything the open engine
 * keeps: rows, primary-key map, secondary indexes, and the document store's page cache.
 */
final class HeapBench {
    record Result(double bytesPerRow, long retainedBytes, int rows) {
    }

    private HeapBench() {
    }

    static Result run(Path document, int rows) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = settledHeap(memory);
        Engine engine = NodeTable.engine().document(document).open();
        try {
            long after = settledHeap(memory);
            int size = engine.sizes().get(NodeTable.TABLE);
            if (size != rows) {
                throw new IllegalStateException("opened " + size + " rows, expected " + rows);
            }
            long retained = after - before;
            return new Result((double) retained / rows, retained, rows);
        } finally {
            Reference.reachabilityFence(engine);
            engine.close();
        }
    }

    /** Used heap after full collections, repeated until two readings agree within 64 KiB. */
    static long settledHeap(MemoryMXBean memory) {
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(used - last) < 64 * 1024) {
                return used;
            }
            last = used;
        }
        return last;
    }
}
