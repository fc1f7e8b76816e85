package dev.easel.host.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** An outbox's socket that holds each frame until the test lets it go, as a busy connection would. */
final class HeldSocket implements Outbox.Sender {
    final List<byte[]> frames = new ArrayList<>();
    private final Deque<Runnable> unfinished = new ArrayDeque<>();

    @Override
    public synchronized void send(byte[] frame, boolean binary, Runnable done, Consumer<Throwable> failed) {
        frames.add(frame);
        unfinished.add(done);
    }

    /** Lets every frame go, including those sent as earlier ones finish. */
    void finishAll() {
        Runnable done;
        while ((done = next()) != null) {
            done.run();
        }
    }

    private synchronized Runnable next() {
        return unfinished.poll();
    }
}
