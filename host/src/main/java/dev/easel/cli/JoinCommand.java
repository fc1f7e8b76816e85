package dev.easel.cli;

import dev.easel.engine.replica.ReplicaListener;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Row;
import dev.easel.host.client.JoinException;
import dev.easel.host.client.RemoteConnection;
import dev.easel.host.identity.DataFolder;
import dev.easel.host.identity.KeyIdentity;
import dev.easel.host.protocol.Codecs;
import dev.easel.host.session.Invite;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./easel join LINK --watch}: joins a session without a window and prints what changes. */
@Command(name = "join", mixinStandardHelpOptions = true, description = "Join a session by its invite link.")
public final class JoinCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LINK", description = "Invite link: easel://HOST:PORT/SESSION?k=SECRET")
    String link;

    @Option(names = "--watch", description = "Subscribe to every table and print each transaction received.")
    boolean watch;

    @Option(names = "--name", defaultValue = "${sys:user.name}", description = "Display name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--json", description = "Use the readable JSON encoding instead of the binary one.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Invite invite;
        try {
            invite = Invite.parse(link);
        } catch (IllegalArgumentException e) {
            System.err.println("easel join: " + e.getMessage());
            return 2;
        }
        KeyIdentity keys = KeyIdentity.loadOrCreate(DataFolder.identityKey());
        RemoteConnection.Options options = RemoteConnection.Options.DEFAULT
                .withSubprotocol(json ? Codecs.JSON : Codecs.CBOR);
        RemoteConnection c;
        try {
            c = RemoteConnection.join(invite, keys, name, options);
        } catch (JoinException e) {
            System.err.println("easel join: " + e.getMessage());
            return 1;
        }
        out.println("joined " + invite.host() + ":" + invite.port() + " as " + c.identity() + " (" + c.role() + ")");
        CountDownLatch closed = new CountDownLatch(1);
        c.addStateListener(s -> {
            System.err.println("connection: " + s.name().toLowerCase());
            if (s == RemoteConnection.State.CLOSED) {
                closed.countDown();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(c::close));
        if (watch) {
            c.replica().addListener(new Printer(out));
            for (TableSchema t : c.schema().tables()) {
                c.subscribe("SELECT * FROM " + t.name()).join();
            }
        }
        closed.await();
        return 0;
    }

    /** Prints each change as it is applied, one line per row, then a line per transaction. */
    private static final class Printer implements ReplicaListener {
        private final PrintStream out;

        Printer(PrintStream out) {
            this.out = out;
        }

        @Override
        public void onInsert(TableSchema table, Row row) {
            out.println("  + " + table.name() + " " + row);
        }

        @Override
        public void onUpdate(TableSchema table, Row before, Row after) {
            StringBuilder b = new StringBuilder("  ~ " + table.name() + " " + after.get(table.primaryKey()));
            for (int i = 0; i < after.size(); i++) {
                if (!java.util.Objects.equals(before.get(i), after.get(i))) {
                    b.append(' ').append(table.column(i).name()).append('=').append(after.get(i));
                }
            }
            out.println(b);
        }

        @Override
        public void onDelete(TableSchema table, Row row) {
            out.println("  - " + table.name() + " " + row.get(table.primaryKey()));
        }

        @Override
        public void onApplied(long offset) {
            out.println("tx " + offset);
            out.flush();
        }
    }
}
