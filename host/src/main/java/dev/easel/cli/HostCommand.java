package dev.easel.cli;

import dev.easel.engine.Engine;
import dev.easel.engine.store.StoreException;
import dev.easel.engine.tx.Clock;
import dev.easel.host.canvas.Canvas;
import dev.easel.host.canvas.CanvasAssets;
import dev.easel.host.server.HostedSession;
import dev.easel.host.server.SessionServer;
import dev.easel.host.session.Role;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./easel host FILE [--port N]}: hosts a document without a window and prints its invite links. */
@Command(name = "host", mixinStandardHelpOptions = true, description = "Host a document (created if missing) and print its invite links.")
public final class HostCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The document file (.easel).")
    Path file;

    @Option(names = "--port", defaultValue = "7420", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "0.0.0.0", description = "Address to listen on (default: ${DEFAULT-VALUE}, every interface).")
    String bind;

    @Option(names = "--advertise", description = "Host name or address to put in invite links (default: this machine's LAN address).")
    String advertise;

    @Override
    public Integer call() throws Exception {
        Engine engine;
        try {
            engine = Canvas.engineBuilder(file, Clock.SYSTEM).open();
        } catch (StoreException e) {
            System.err.println("easel host: " + e.getMessage());
            return 1;
        }
        SessionServer server;
        try {
            server = SessionServer.start(new SessionServer.Options(bind, port, advertise,
                    dev.easel.host.server.SessionLimits.DEFAULT));
        } catch (IllegalStateException e) {
            engine.close();
            System.err.println("easel host: " + e.getMessage());
            return 1;
        }
        HostedSession session = server.host(engine, CanvasAssets.of(engine));
        CountDownLatch ended = new CountDownLatch(1);
        System.out.println("hosting " + file.toAbsolutePath() + " on port " + server.port());
        HostConsole console = new HostConsole(session, engine, System.out, ended::countDown);
        console.printLinks();
        System.out.println("type help for commands; end (or Ctrl+C) ends the session");
        System.out.flush();
        Thread shutdown = new Thread(() -> stop(server, engine), "easel-host-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        console.readFrom(System.in);
        ended.await();
        Runtime.getRuntime().removeShutdownHook(shutdown);
        stop(server, engine);
        System.out.println("session ended");
        return 0;
    }

    /** Tells every joiner the session ended, then closes the document (the last commits are on disk). */
    private static void stop(SessionServer server, Engine engine) {
        server.close();
        engine.close();
    }
}
