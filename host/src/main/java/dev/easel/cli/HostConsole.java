package dev.easel.cli;

import dev.easel.engine.Engine;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Identity;
import dev.easel.host.canvas.CanvasSchema;
import dev.easel.host.identity.DisplayNames;
import dev.easel.host.server.HostedSession;
import dev.easel.host.session.Role;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The headless host's commands, typed on its standard input: what the app's invite dialog and avatar menu
 * offer, for a host without a window. A host whose input ends (started in the background) keeps hosting.
 */
final class HostConsole {
    static final String HELP = String.join("\n",
            "commands:",
            "  links               print the editor and viewer links",
            "  new editor|viewer   replace that link: the old one lets nobody new in (people already in stay)",
            "  who                 list who is here: ID, name (unverified), role",
            "  remove ID           disconnect the member whose ID starts so, and keep them out",
            "  end                 end the session and stop hosting",
            "  help                this list");

    private final HostedSession session;
    private final Engine engine;
    private final PrintStream out;
    private final Runnable end;

    HostConsole(HostedSession session, Engine engine, PrintStream out, Runnable end) {
        this.session = session;
        this.engine = engine;
        this.out = out;
        this.end = end;
    }

    /** Reads and runs commands on a thread of their own until the input ends or the session does. */
    void readFrom(InputStream in) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!run(line)) {
                        return;
                    }
                }
            } catch (IOException e) {
                // No console (the input was closed): keep hosting until stopped.
            }
        }, "easel-host-console");
        t.setDaemon(true);
        t.start();
    }

    /** Runs one command line; false once the session has been ended. */
    boolean run(String line) {
        String[] words = line.strip().split("\\s+", 2);
        String arg = words.length > 1 ? words[1].strip() : "";
        switch (words[0].toLowerCase(Locale.ROOT)) {
            case "" -> {
            }
            case "links" -> printLinks();
            case "new" -> replaceLink(arg);
            case "who" -> who();
            case "remove" -> remove(arg);
            case "end" -> {
                end.run();
                return false;
            }
            case "help" -> out.println(HELP);
            default -> out.println("unknown command '" + words[0] + "'; type help for the list");
        }
        out.flush();
        return true;
    }

    void printLinks() {
        out.println("editor link: " + session.invite(Role.EDITOR).link());
        out.println("viewer link: " + session.invite(Role.VIEWER).link());
    }

    private void replaceLink(String role) {
        Role r;
        try {
            r = Role.fromLabel(role);
        } catch (IllegalArgumentException e) {
            out.println("new what? 'new editor' or 'new viewer'");
            return;
        }
        out.println(r.label() + " link: " + session.revoke(r).link());
    }

    private void who() {
        List<Row> present = engine.rows(CanvasSchema.PRESENCE);
        if (present.isEmpty()) {
            out.println("nobody is here");
        }
        for (Row p : present) {
            String id = (String) p.get(0);
            out.println("  " + DisplayNames.shortId(id) + "  " + member(id, "name") + " (unverified)  " + member(id, "role"));
        }
    }

    /** Removes the one member (present or not) whose identity starts with {@code prefix}, spaces ignored. */
    private void remove(String prefix) {
        String wanted = prefix.replace(" ", "").toLowerCase(Locale.ROOT);
        if (wanted.length() < 4) {
            out.println("remove whom? give at least the first 4 characters of their ID (see who)");
            return;
        }
        List<String> matches = engine.rows(CanvasSchema.MEMBER).stream().map(m -> (String) m.get(0))
                .filter(id -> id.startsWith(wanted)).toList();
        if (matches.size() != 1) {
            out.println(matches.isEmpty() ? "nobody has an ID starting " + prefix
                    : matches.size() + " members have an ID starting " + prefix + "; give more of it");
            return;
        }
        String id = matches.get(0);
        session.remove(new Identity(id));
        out.println("removed " + member(id, "name") + " (" + DisplayNames.shortId(id) + "): no link lets them back in");
    }

    /** A column of someone's member row (their name was tidied when they joined); "?" if they have none. */
    private String member(String identity, String column) {
        Row m = engine.find(CanvasSchema.MEMBER, identity);
        TableSchema t = engine.schema().require(CanvasSchema.MEMBER);
        return m == null ? "?" : String.valueOf(m.get(t.columnIndex(column)));
    }
}
