package dev.easel.app.document;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run of a refresh on the UI thread for however many requests come before it runs. The replica's
 * callbacks arrive on whatever thread feeds it, many per transaction, and the views that read the replica
 * ({@link DocumentModel}, the collaborators list) want one refresh after them, not one each. Once closed, no
 * refresh runs, not even one already queued.
 */
public final class UiRefresh implements AutoCloseable {
    private final Executor uiThread;
    private final Runnable refresh;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean closed;

    /** {@code refresh} runs through {@code uiThread}. */
    public UiRefresh(Executor uiThread, Runnable refresh) {
        this.uiThread = uiThread;
        this.refresh = refresh;
    }

    /** Queues the refresh unless it is queued already; any thread. */
    public void request() {
        if (!closed && scheduled.compareAndSet(false, true)) {
            uiThread.execute(this::run);
        }
    }

    private void run() {
        // Cleared first, so a request made while the refresh runs queues another.
        scheduled.set(false);
        if (!closed) {
            refresh.run();
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
