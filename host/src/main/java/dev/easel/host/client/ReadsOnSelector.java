package dev.easel.host.client;

import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.util.Callback;

/**
 * The joiner's network connector: what the host sends is read, decoded and applied to the replica on the
 * selector thread that saw it arrive. Jetty's WebSocket connection declares its reads blocking, so by default
 * each frame is handed to a pool thread first; on a 2-core machine that hand-off cost a receiver 60-100 us of
 * {@code session.move_latency_us}. Handling a frame never blocks (replica listeners must return quickly, and
 * sends only queue or write without waiting), which is what lets it run there. A process with many
 * connections (tests, benchmarks) needs more than one selector, or all their frames are applied on one core.
 */
final class ReadsOnSelector extends ClientConnector {
    @Override
    protected EndPoint newEndPoint(SelectableChannel channel, ManagedSelector selector, SelectionKey key) {
        if (!(channel instanceof SocketChannel socket)) {
            return super.newEndPoint(channel, selector, key);
        }
        return new SocketChannelEndPoint(socket, selector, key, getScheduler()) {
            @Override
            public void fillInterested(Callback callback) {
                super.fillInterested(nonBlocking(callback));
            }

            @Override
            public boolean tryFillInterested(Callback callback) {
                return super.tryFillInterested(nonBlocking(callback));
            }
        };
    }

    /** {@code read} as a callback Jetty may run on the selector thread itself. */
    private static Callback nonBlocking(Callback read) {
        return new Callback() {
            @Override
            public void succeeded() {
                read.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                read.failed(x);
            }

            @Override
            public InvocationType getInvocationType() {
                return InvocationType.NON_BLOCKING;
            }
        };
    }
}
