package dev.easel.engine;

import dev.easel.engine.query.Query;
import dev.easel.engine.schedule.Scheduler;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.store.DocumentStore;
import dev.easel.engine.store.GroupCommitter;
import dev.easel.engine.store.StoreException;
import dev.easel.engine.subscription.Subscription;
import dev.easel.engine.subscription.SubscriptionListener;
import dev.easel.engine.subscription.SubscriptionManager;
import dev.easel.engine.subscription.TableDelta;
import dev.easel.engine.table.Row;
import dev.easel.engine.table.Table;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.CallResult;
import dev.easel.engine.tx.Clock;
import dev.easel.engine.tx.CommitRecord;
import dev.easel.engine.tx.Database;
import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.Reducer;
import dev.easel.engine.tx.ReducerException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One open document: its tables in memory, the reducers that change them, the subscriptions that watch them
 * and, for a document file, the group committer that makes each commit durable before it is acknowledged.
 * Any thread may call; reducers run one at a time under the writer lock, and subscribers are told of each
 * commit in offset order.
 */
public final class Engine implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Engine.class.getName());
    static final String CONNECT = "connect";
    static final String DISCONNECT = "disconnect";

    private final Schema schema;
    private final Database db;
    private final Map<String, Reducer> reducers;
    private final Reducer onConnect;
    private final Reducer onDisconnect;
    private final Clock clock;
    private final SubscriptionManager subscriptions;
    private final DocumentStore store;
    private final GroupCommitter committer;
    private final Scheduler scheduler;
    private final Thread schedulerThread;
    private final CommitHistory history;
    private final ReentrantLock writer = new ReentrantLock();
    private final WriterQueue calls = new WriterQueue(writer);
    private volatile boolean closed;
    private volatile Throwable storeFailure;

    private Engine(Builder b) {
        this.schema = b.schema;
        this.db = new Database(schema);
        this.reducers = Map.copyOf(b.reducers);
        this.onConnect = b.onConnect;
        this.onDisconnect = b.onDisconnect;
        this.clock = b.clock;
        this.history = new CommitHistory(b.historyLimit, b.historyByteLimit);
        this.subscriptions = new SubscriptionManager(schema);
        if (b.document != null) {
            this.store = DocumentStore.open(b.document, schema, b.syncWrites);
            try {
                store.load(db::load);
            } catch (RuntimeException e) {
                store.close();
                throw e instanceof StoreException ? e : new StoreException(b.document + " could not be loaded: " + e, e);
            }
            db.resumeAt(store.lastOffset());
            history.startAfter(store.lastOffset());
            this.committer = new GroupCommitter(store, store.lastOffset(), this::storeFailed);
        } else {
            this.store = null;
            this.committer = null;
        }
        this.scheduler = new Scheduler(clock, (name, args) -> call(Identity.SYSTEM, name, args)
                .exceptionally(e -> {
                    LOG.log(System.Logger.Level.WARNING, "scheduled reducer " + name + " failed: " + e.getMessage());
                    return null;
                }));
        for (Map.Entry<String, Duration> e : b.intervals.entrySet()) {
            scheduler.every(e.getKey(), e.getValue().toNanos() / 1000, Args.EMPTY);
        }
        if (b.runScheduler && !b.intervals.isEmpty()) {
            this.schedulerThread = new Thread(this::runScheduler, "easel-scheduler");
            schedulerThread.setDaemon(true);
            schedulerThread.start();
        } else {
            this.schedulerThread = null;
        }
    }

    public static Builder builder(Schema schema) {
        return new Builder(schema);
    }

    public Schema schema() {
        return schema;
    }

    public Clock clock() {
        return clock;
    }

    /** The offset of the last commit. */
    public long offset() {
        return db.offset();
    }

    /** Every commit up to this offset is on disk (for an in-memory engine, every commit). */
    public long durableOffset() {
        return committer == null ? db.offset() : committer.durableOffset();
    }

    public boolean isDurable() {
        return store != null;
    }

    // ---- calls ---------------------------------------------------------------------------------------

    public CompletableFuture<CallResult> call(Identity caller, String reducer, Args args) {
        return call(caller, reducer, args, null);
    }

    /**
     * Runs a reducer as one transaction. The future completes once the commit is durable (at once for a call
     * that changed only transient tables, or none), or fails with a {@link ReducerException} and no trace of
     * the call anywhere. {@code callTag} comes back in the commit's header, for the caller to recognise it.
     * Calls run one at a time in the order they arrive; one made while another thread's calls are running is
     * queued and returns at once (see {@link WriterQueue}), so do not wait for its future inside a reducer or a
     * subscription listener.
     */
    public CompletableFuture<CallResult> call(Identity caller, String reducer, Args args, Object callTag) {
        Reducer r = reducers.get(reducer);
        if (r == null) {
            return CompletableFuture.failedFuture(
                    new ReducerException(ReducerException.UNKNOWN_REDUCER, "unknown reducer '" + reducer + "'"));
        }
        return execute(caller, reducer, r, args == null ? Args.EMPTY : args, callTag);
    }

    /** Runs the on-connect reducer for a participant who just arrived. */
    public CompletableFuture<CallResult> connect(Identity who, Args args) {
        return onConnect == null ? CompletableFuture.completedFuture(new CallResult(offset(), null, false))
                : execute(who, CONNECT, onConnect, args, null);
    }

    /** Runs the on-disconnect reducer for a participant who left. */
    public CompletableFuture<CallResult> disconnect(Identity who) {
        return onDisconnect == null ? CompletableFuture.completedFuture(new CallResult(offset(), null, false))
                : execute(who, DISCONNECT, onDisconnect, Args.EMPTY, null);
    }

    /**
     * Runs a reducer under the writer lock through the {@link WriterQueue}: the returned future may complete on
     * another caller's thread, which ran this call after its own.
     */
    private CompletableFuture<CallResult> execute(Identity caller, String name, Reducer r, Args args, Object tag) {
        CompletableFuture<CallResult> result = new CompletableFuture<>();
        calls.submit(() -> run(caller, name, r, args, tag, result));
        return result;
    }

    /** One call, under the writer lock; whatever goes wrong ends up in {@code result}, never thrown. */
    private void run(Identity caller, String name, Reducer r, Args args, Object tag, CompletableFuture<CallResult> result) {
        try {
            checkOpen();
            Database.Outcome o = db.run(caller, name, r, args, tag, clock.nowMicros());
            if (o.commit() == null) {
                result.complete(new CallResult(o.offset(), o.value(), false));
            } else {
                commit(o.commit(), new CallResult(o.offset(), o.value(), true), result);
            }
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new ReducerException(ReducerException.CLOSED, "the document is closed");
        }
        if (storeFailure != null) {
            throw new ReducerException(ReducerException.CLOSED,
                    "the document can no longer be saved: " + storeFailure.getMessage());
        }
    }

    /** Tells subscribers, remembers the commit for resuming clients, and acknowledges once it is durable. */
    private void commit(CommitRecord record, CallResult outcome, CompletableFuture<CallResult> result) {
        List<SubscriptionManager.Pending> pending = subscriptions.evaluate(record);
        List<SubscriptionManager.Pending> afterDisk = null;
        for (SubscriptionManager.Pending p : pending) {
            if (p.subscription().durableOnly() && committer != null) {
                if (afterDisk == null) {
                    afterDisk = new ArrayList<>(2);
                }
                afterDisk.add(p);
            } else {
                deliver(p, record);
            }
        }
        history.add(record);
        boolean durable = committer != null && record.touchesDurable();
        if (!durable) {
            result.complete(outcome);
        }
        if (durable || afterDisk != null) {
            List<SubscriptionManager.Pending> waiting = afterDisk;
            committer.submit(new GroupCommitter.Entry(record.offset(), durable ? record : null, () -> {
                if (waiting != null) {
                    for (SubscriptionManager.Pending p : waiting) {
                        deliver(p, record);
                    }
                }
                if (durable) {
                    result.complete(outcome);
                }
            }, failure -> result.completeExceptionally(new ReducerException(ReducerException.CLOSED,
                    "the change could not be saved: " + failure.getMessage()))));
        }
    }

    private void deliver(SubscriptionManager.Pending p, CommitRecord record) {
        try {
            p.deliver(record.info());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "dropping " + p.subscription() + ": its listener failed", e);
            unsubscribe(p.subscription());
        }
    }

    private void storeFailed(Throwable t) {
        storeFailure = t;
        LOG.log(System.Logger.Level.ERROR, "writing " + store.file() + " failed; no further edits are accepted", t);
    }

    // ---- subscriptions -------------------------------------------------------------------------------

    /** How to subscribe: see only durable commits, and/or resume after an offset the subscriber already has. */
    public record SubscribeOptions(boolean durableOnly, long resumeAfter) {
        public static final SubscribeOptions DEFAULT = new SubscribeOptions(false, -1);

        public static SubscribeOptions resumeAfter(long offset) {
            return new SubscribeOptions(false, offset);
        }
    }

    public Subscription subscribe(Identity subscriber, String sql, SubscriptionListener listener) {
        return subscribe(subscriber, sql, Map.of(), listener, SubscribeOptions.DEFAULT);
    }

    /**
     * Starts a subscription. {@code :sender} is bound to the subscriber's identity; other parameters come from
     * {@code params}. The listener gets a snapshot (or, when resuming and the engine still holds every commit
     * since {@code resumeAfter}, the deltas of those commits), then one delta per later commit that touches it.
     * Throws {@link dev.easel.engine.query.QueryException} for a query outside the supported subset.
     */
    public Subscription subscribe(Identity subscriber, String sql, Map<String, Object> params,
            SubscriptionListener listener, SubscribeOptions options) {
        Query query = Query.parse(sql, schema);
        Map<String, Object> all = new HashMap<>(params);
        all.put("sender", subscriber.id());
        Query.Bound bound = query.bind(all);
        writer.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the document is closed");
            }
            Subscription s = subscriptions.add(subscriber, bound, listener, options.durableOnly() && committer != null);
            List<CommitRecord> missed = options.resumeAfter() >= 0 && !s.durableOnly() && bound.table().durable()
                    ? commitsAfter(options.resumeAfter()) : null;
            if (missed != null) {
                for (CommitRecord r : missed) {
                    TableDelta d = SubscriptionManager.deltaFor(s, r);
                    if (d != null) {
                        listener.onDelta(s, r.info(), d);
                    }
                }
                return s;
            }
            List<Row> rows = matching(bound);
            long at = db.offset();
            if (s.durableOnly() && committer.durableOffset() < at) {
                committer.submit(new GroupCommitter.Entry(at, null,
                        () -> listener.onSnapshot(s, at, rows), failure -> { }));
            } else {
                listener.onSnapshot(s, at, rows);
            }
            return s;
        } finally {
            writer.unlock();
        }
    }

    /** One query of a subscriber that resumes several at once. */
    public record ResumedQuery(String sql, SubscriptionListener listener) {
    }

    /**
     * Resumes several subscriptions of one subscriber after {@code offset}, if the engine still holds every
     * commit since: the missed deltas are delivered commit by commit across all the queries (so a subscriber
     * never holds part of a later commit without all of an earlier one), then live deltas follow. A query of a
     * transient table, whose commits are not kept (see {@link CommitHistory}), gets a snapshot after the missed
     * deltas instead. Returns null, subscribing nothing, when the history no longer reaches back that far:
     * subscribe afresh then.
     */
    public List<Subscription> resume(Identity subscriber, List<ResumedQuery> queries, long offset) {
        List<Query.Bound> bound = new ArrayList<>();
        for (ResumedQuery q : queries) {
            bound.add(Query.parse(q.sql(), schema).bind(Map.of("sender", subscriber.id())));
        }
        writer.lock();
        try {
            List<CommitRecord> missed = closed ? null : commitsAfter(offset);
            if (missed == null) {
                return null;
            }
            List<Subscription> subs = new ArrayList<>();
            for (int i = 0; i < queries.size(); i++) {
                subs.add(subscriptions.add(subscriber, bound.get(i), queries.get(i).listener(), false));
            }
            for (CommitRecord r : missed) {
                for (Subscription s : subs) {
                    TableDelta d = SubscriptionManager.deltaFor(s, r);
                    if (d != null) {
                        s.listener().onDelta(s, r.info(), d);
                    }
                }
            }
            long at = db.offset();
            for (int i = 0; i < subs.size(); i++) {
                if (!bound.get(i).table().durable()) {
                    subs.get(i).listener().onSnapshot(subs.get(i), at, matching(bound.get(i)));
                }
            }
            return subs;
        } finally {
            writer.unlock();
        }
    }

    public void unsubscribe(Subscription s) {
        writer.lock();
        try {
            subscriptions.remove(s);
        } finally {
            writer.unlock();
        }
    }

    public int subscriptionCount() {
        return subscriptions.count();
    }

    private List<Row> matching(Query.Bound q) {
        Table t = db.table(q.table().id());
        var key = q.equalityKey();
        Iterable<Row> candidates = t.rows();
        if (key != null && key.column() == q.table().primaryKey()) {
            // Following one row (a member's presence, say): look it up, don't scan the table.
            Row r = t.find(key.value());
            candidates = r == null ? List.of() : List.of(r);
        } else if (key != null && q.table().indexOn(key.column()) != null) {
            candidates = t.findByColumn(key.column(), key.value());
        }
        List<Row> out = new ArrayList<>();
        for (Row r : candidates) {
            if (q.matches(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The commits after {@code offset}, oldest first, or null if the engine no longer holds all of them. */
    public List<CommitRecord> commitsAfter(long offset) {
        writer.lock();
        try {
            return history.after(offset, db.offset());
        } finally {
            writer.unlock();
        }
    }

    // ---- reads ---------------------------------------------------------------------------------------

    /** Runs a query once, between two commits, and returns the matching rows. */
    public List<Row> select(String sql, Map<String, Object> params) {
        Query.Bound q = Query.parse(sql, schema).bind(params);
        writer.lock();
        try {
            return matching(q);
        } finally {
            writer.unlock();
        }
    }

    /** A copy of one table's rows, between two commits. */
    public List<Row> rows(String table) {
        writer.lock();
        try {
            return new ArrayList<>(db.table(table).rows());
        } finally {
            writer.unlock();
        }
    }

    public Row find(String table, Object pk) {
        writer.lock();
        try {
            return db.table(table).find(pk);
        } finally {
            writer.unlock();
        }
    }

    /** Row counts of every table, between two commits. */
    public Map<String, Integer> sizes() {
        writer.lock();
        try {
            Map<String, Integer> out = new HashMap<>();
            for (TableSchema t : schema.tables()) {
                out.put(t.name(), db.table(t.id()).size());
            }
            return out;
        } finally {
            writer.unlock();
        }
    }

    /**
     * Writes the durable tables as they are now to a new document file ("save as"), replacing any file there.
     * The rows are taken between two commits; the file is written afterwards, while editing goes on. This
     * engine keeps its own file; the caller opens the copy if it wants to carry on there.
     */
    public void saveCopy(Path target) {
        if (store != null && target.toAbsolutePath().normalize().equals(store.file().toAbsolutePath().normalize())) {
            throw new StoreException(target + " is this document's own file; it is saved already");
        }
        Map<TableSchema, List<Row>> rows = new HashMap<>();
        long at;
        writer.lock();
        try {
            if (closed) {
                throw new StoreException("the document is closed");
            }
            for (TableSchema t : schema.tables()) {
                if (t.durable()) {
                    rows.put(t, new ArrayList<>(db.table(t.id()).rows()));
                }
            }
            at = db.offset();
        } finally {
            writer.unlock();
        }
        DocumentStore.writeCopy(target, schema, at, rows);
    }

    // ---- schedules -----------------------------------------------------------------------------------

    /** Runs a registered reducer once at a time by the engine's clock. */
    public void scheduleAt(String reducer, long dueMicros, Args args) {
        if (!reducers.containsKey(reducer)) {
            throw new IllegalArgumentException("unknown reducer '" + reducer + "'");
        }
        scheduler.at(reducer, dueMicros, args);
    }

    /** Runs the scheduled reducers that are due now by the engine's clock; for tests with a manual clock. */
    public int runDueSchedules() {
        return scheduler.runDue();
    }

    private void runScheduler() {
        while (!closed) {
            try {
                scheduler.waitAndRun(250);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "scheduler", e);
            }
        }
    }

    /** Stops taking calls, writes everything acknowledged-to-be to disk, and closes the document file. */
    @Override
    public void close() {
        writer.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            writer.unlock();
        }
        if (schedulerThread != null) {
            schedulerThread.interrupt();
        }
        if (committer != null) {
            committer.close();
        }
        if (store != null) {
            store.close();
        }
    }

    /** Declares an engine: its schema, reducers, lifecycle hooks, schedules and (optionally) its file. */
    public static final class Builder {
        private final Schema schema;
        private final Map<String, Reducer> reducers = new HashMap<>();
        private final Map<String, Duration> intervals = new HashMap<>();
        private Reducer onConnect;
        private Reducer onDisconnect;
        private Clock clock = Clock.SYSTEM;
        private Path document;
        private boolean syncWrites = true;
        private boolean runScheduler = true;
        private int historyLimit = 10_000;
        private long historyByteLimit = 64L << 20;

        private Builder(Schema schema) {
            this.schema = schema;
        }

        public Builder reducer(String name, Reducer reducer) {
            if (reducers.putIfAbsent(name, reducer) != null) {
                throw new IllegalArgumentException("reducer " + name + " is registered twice");
            }
            return this;
        }

        public Builder onConnect(Reducer reducer) {
            this.onConnect = reducer;
            return this;
        }

        public Builder onDisconnect(Reducer reducer) {
            this.onDisconnect = reducer;
            return this;
        }

        /** Runs a registered reducer every interval, as the system identity. */
        public Builder every(String reducer, Duration interval) {
            intervals.put(reducer, interval);
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /** Keeps durable tables in this document file (created if missing, loaded if present). */
        public Builder document(Path file) {
            this.document = file;
            return this;
        }

        /** Force every batch to the disk itself (default), not only to the operating system. */
        public Builder syncWrites(boolean sync) {
            this.syncWrites = sync;
            return this;
        }

        /** Whether a background thread runs scheduled reducers; tests with a manual clock turn it off. */
        public Builder runScheduler(boolean run) {
            this.runScheduler = run;
            return this;
        }

        /** How many recent commits to keep for subscribers that resume after a disconnect. */
        public Builder historyLimit(int commits) {
            this.historyLimit = commits;
            return this;
        }

        /** About how much memory the commits kept for resuming subscribers may hold (default 64 MB). */
        public Builder historyBytes(long bytes) {
            this.historyByteLimit = bytes;
            return this;
        }

        public Engine open() {
            for (String r : intervals.keySet()) {
                if (!reducers.containsKey(r)) {
                    throw new IllegalArgumentException("scheduled reducer " + r + " is not registered");
                }
            }
            return new Engine(this);
        }
    }
}
