package dev.easel.host.session;

import dev.easel.engine.subscription.TableDelta;
import dev.easel.host.protocol.Message;
import dev.easel.host.protocol.SharedEncodings;
import java.lang.ref.WeakReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns deltas, and runs of them, into their wire form once for all the clients of a session. The engine hands
 * every subscriber of the same query the same delta objects in the same order, and paced clients flush at the
 * same tick, so a hundred clients watching the cursors convert (or merge) the same run a hundred times; here
 * the first one does the work and the others reuse it. A run is known by its first and last delta and its
 * length: a subscriber receives every delta of its query in commit order, so two runs that agree on those
 * hold the same deltas. The converted updates are encoded once too (see {@link SharedEncodings}). Safe for the
 * send executor's threads.
 *
 * <p>A converted run is held weakly: the clients still to send it keep it alive, and the next garbage collection
 * after the last of them drops it. Held strongly, the remembered runs were most of what a young collection had to
 * copy during a cursor storm (tens of thousands of column updates), and its pauses were what set the storm's p99.
 * A run dropped while a late client still needs it is converted again, which costs that client what it would
 * have cost without sharing.
 */
public final class SharedConversions {
    private static final int REMEMBERED = 512;

    /** Deltas compare by identity (TableDelta keeps Object's equals), which is what a run's key needs. */
    private record Run(TableDelta first, TableDelta last, int length) {
    }

    private final SharedEncodings encodings = new SharedEncodings();

    private final Map<Run, WeakReference<Message.QueryUpdate>> recent =
            new LinkedHashMap<>(REMEMBERED * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Run, WeakReference<Message.QueryUpdate>> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** The run of one subscription's deltas (oldest first) as one update for query {@code queryId}. */
    public Message.QueryUpdate convert(long queryId, List<TableDelta> run) {
        Run key = new Run(run.get(0), run.get(run.size() - 1), run.size());
        WeakReference<Message.QueryUpdate> held;
        synchronized (recent) {
            held = recent.get(key);
        }
        Message.QueryUpdate u = held == null ? null : held.get();
        if (u == null) {
            u = run.size() == 1 ? Deltas.toQueryUpdate(queryId, run.get(0)) : merge(queryId, run);
            encodings.share(u);
            synchronized (recent) {
                recent.put(key, new WeakReference<>(u));
            }
        }
        return u.queryId() == queryId ? u
                : new Message.QueryUpdate(queryId, u.tableId(), u.inserts(), u.updates(), u.deletes());
    }

    /** The encoded forms of the updates converted here, for the session's encoders. */
    public SharedEncodings encodings() {
        return encodings;
    }

    private static Message.QueryUpdate merge(long queryId, List<TableDelta> run) {
        DeltaMerger m = new DeltaMerger(run.get(0).table());
        for (TableDelta d : run) {
            m.add(d);
        }
        return m.toQueryUpdate(queryId);
    }
}
