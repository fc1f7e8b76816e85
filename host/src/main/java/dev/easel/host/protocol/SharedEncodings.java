package dev.easel.host.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Query updates that many clients receive alike, encoded once between them. The host converts a run of commits
 * into one {@link Message.QueryUpdate} for every client watching the same query (its shared conversions), and
 * registers it here; each client's codec then copies the encoded rows instead of encoding a hundred cursors a
 * hundred times. Only the parts that carry no connection state are shared (a query update's table and rows; the
 * query id and the transaction header are the connection's own). An update is known by the identity of its row
 * lists, which the shared conversions hand to every client unchanged. Safe for the send threads.
 */
public final class SharedEncodings {
    private static final int REMEMBERED = 512;
    /** Placeholder for an update registered but not yet encoded. */
    private static final byte[] NOT_YET = new byte[0];

    private final Map<Key, byte[]> encoded = new LinkedHashMap<>(REMEMBERED * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** Notes that {@code update}'s rows go to several clients as they are. */
    public void share(Message.QueryUpdate update) {
        Key key = new Key(update);
        synchronized (encoded) {
            encoded.putIfAbsent(key, NOT_YET);
        }
    }

    /**
     * The encoding of a shared update's rows, made by {@code encode} for the first client to need it; null when
     * {@code update} was not shared (the caller encodes it itself).
     */
    byte[] encoding(Message.QueryUpdate update, Function<Message.QueryUpdate, byte[]> encode) {
        Key key = new Key(update);
        byte[] bytes;
        synchronized (encoded) {
            bytes = encoded.get(key);
        }
        if (bytes == null || bytes != NOT_YET) {
            return bytes;
        }
        // Two send threads may both encode it once; both results are the same bytes.
        byte[] made = encode.apply(update);
        synchronized (encoded) {
            encoded.replace(key, NOT_YET, made);
        }
        return made;
    }

    /** An update by its table and the identity of its three row lists. */
    private static final class Key {
        private final int tableId;
        private final List<?> inserts;
        private final List<?> updates;
        private final List<?> deletes;

        Key(Message.QueryUpdate u) {
            this.tableId = u.tableId();
            this.inserts = u.inserts();
            this.updates = u.updates();
            this.deletes = u.deletes();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.tableId == tableId && k.inserts == inserts && k.updates == updates
                    && k.deletes == deletes;
        }

        @Override
        public int hashCode() {
            int h = tableId;
            h = h * 31 + System.identityHashCode(inserts);
            h = h * 31 + System.identityHashCode(updates);
            return h * 31 + System.identityHashCode(deletes);
        }
    }
}
