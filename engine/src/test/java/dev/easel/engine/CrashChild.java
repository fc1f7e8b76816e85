package dev.easel.engine;

import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.TableHandle;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The process {@link CrashSafetyTest} kills. It runs transactions against a document from several threads, many
 * in flight at once, and prints {@code ack:N;} once transaction N is acknowledged (the trailing ';' tells a
 * whole line from one cut short by the kill). It runs until it is killed.
 * <p>
 * Transaction N writes three rows: the counter (how many transactions so far, and the last one), {@code entry N}
 * and {@code mirror N} (holding the counter's new value), so a transaction that is only partly on disk shows.
 */
public final class CrashChild {
    static final Schema SCHEMA = Schema.builder()
            .table("counter", t -> t.column("id", ColumnType.STRING).primaryKey("id")
                    .column("count", ColumnType.I64)
                    .column("last", ColumnType.I64))
            .table("entry", t -> t.column("n", ColumnType.I64).primaryKey("n")
                    .column("writer", ColumnType.STRING))
            .table("mirror", t -> t.column("n", ColumnType.I64).primaryKey("n")
                    .column("count", ColumnType.I64))
            .build();

    private static final int WRITERS = 4;
    private static final int IN_FLIGHT_PER_WRITER = 64;

    private CrashChild() {
    }

    static Engine.Builder engine(Path file) {
        return Engine.builder(SCHEMA)
                .reducer("tx", (ctx, a) -> {
                    long n = a.i64("n");
                    TableHandle counter = ctx.table("counter");
                    Row current = counter.find("total");
                    long count = current == null ? 1 : (Long) current.get(1) + 1;
                    counter.upsert(Row.of("total", count, n));
                    ctx.table("entry").insert(n, Thread.currentThread().getName());
                    return ctx.table("mirror").insert(n, count);
                })
                .document(file);
    }

    /** Arguments: the document file, and the number of the first transaction. */
    public static void main(String[] args) {
        Engine engine = engine(Path.of(args[0])).open();
        AtomicLong next = new AtomicLong(Long.parseLong(args[1]));
        for (int w = 0; w < WRITERS; w++) {
            Identity writer = new Identity("writer-" + w);
            Thread t = new Thread(() -> {
                Semaphore window = new Semaphore(IN_FLIGHT_PER_WRITER);
                while (true) {
                    window.acquireUninterruptibly();
                    long n = next.getAndIncrement();
                    engine.call(writer, "tx", Args.of("n", n)).whenComplete((result, failure) -> {
                        if (failure == null) {
                            System.out.println("ack:" + n + ";");
                        } else {
                            System.err.println("transaction " + n + " failed: " + failure);
                        }
                        window.release();
                    });
                }
            }, writer.id());
            t.start();
        }
    }
}
