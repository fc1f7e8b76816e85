package dev.easel.host.protocol;

import java.lang.ref.WeakReference;
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
 *
 * <p>Everything here is held weakly, for the same reason as the shared conversions: the lists stay alive while a
 * client still has to send them, the encoded bytes while a frame is being built from them, and neither is copied
 * by young collections once every client has moved on. Bytes dropped by a collection before the last client
 * used them are encoded again.
 */
public final class SharedEncodings {
    private static final int REMEMBERED = 512;
    /** Placeholder for an update registered but not yet encoded (static, so its reference is never cleared). */
    private static final byte[] NOT_YET = new byte[0];
    private static final WeakReference<byte[]> NOT_YET_ENCODED = new WeakReference<>(NOT_YET);

    private final Map<Key, WeakReference<byte[]>> encoded = new LinkedHashMap<>(REMEMBERED * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, WeakReference<byte[]>> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** Notes that {@code update}'s rows go to several clients as they are. */
    public void share(Message.QueryUpdate update) {
        Key key = new HeldKey(update);
        synchronized (encoded) {
            encoded.putIfAbsent(key, NOT_YET_ENCODED);
        }
    }

    /**
     * The encoding of a shared update's rows, made by {@code encode} for the first client to need it; null when
     * {@code update} was not shared (the caller encodes it itself).
     */
    byte[] encoding(Message.QueryUpdate update, Function<Message.QueryUpdate, byte[]> encode) {
        Key key = new LookupKey(update);
        WeakReference<byte[]> held;
        synchronized (encoded) {
            held = encoded.get(key);
        }
        if (held == null) {
            return null;
        }
        byte[] bytes = held.get();
        if (bytes != null && bytes != NOT_YET) {
            return bytes;
        }
        // Two send threads may both encode it once; both results are the same bytes.
        byte[] made = encode.apply(update);
        synchronized (encoded) {
            encoded.replace(key, held, new WeakReference<>(made));
        }
        return made;
    }

    /**
     * An update by its table and the identity of its three row lists. A key in the map holds the lists weakly
     * ({@link HeldKey}); a key looked up with holds them as they are ({@link LookupKey}). A held key whose lists
     * were collected equals no live one, and waits in the map until it is the eldest.
     */
    private abstract static class Key {
        private final int tableId;
        private final int hash;

        Key(Message.QueryUpdate u) {
            this.tableId = u.tableId();
            int h = tableId;
            h = h * 31 + System.identityHashCode(u.inserts());
            h = h * 31 + System.identityHashCode(u.updates());
            this.hash = h * 31 + System.identityHashCode(u.deletes());
        }

        abstract Object inserts();

        abstract Object updates();

        abstract Object deletes();

        @Override
        public final boolean equals(Object o) {
            return o instanceof Key k && k.tableId == tableId && k.inserts() == inserts() && k.updates() == updates()
                    && k.deletes() == deletes();
        }

        @Override
        public final int hashCode() {
            return hash;
        }
    }

    private static final class HeldKey extends Key {
        private final WeakReference<List<?>> inserts;
        private final WeakReference<List<?>> updates;
        private final WeakReference<List<?>> deletes;

        HeldKey(Message.QueryUpdate u) {
            super(u);
            this.inserts = new WeakReference<>(u.inserts());
            this.updates = new WeakReference<>(u.updates());
            this.deletes = new WeakReference<>(u.deletes());
        }

        @Override
        Object inserts() {
            return inserts.get();
        }

        @Override
        Object updates() {
            return updates.get();
        }

        @Override
        Object deletes() {
            return deletes.get();
        }
    }

    private static final class LookupKey extends Key {
        private final Message.QueryUpdate update;

        LookupKey(Message.QueryUpdate update) {
            super(update);
            this.update = update;
        }

        @Override
        Object inserts() {
            return update.inserts();
        }

        @Override
        Object updates() {
            return update.updates();
        }

        @Override
        Object deletes() {
            return update.deletes();
        }
    }
}
