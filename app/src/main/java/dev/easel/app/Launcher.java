package dev.easel.app;

import dev.easel.app.bench.AppBenchCommand;
import dev.easel.cli.EaselCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import picocli.CommandLine;

/**
 * Entry point of {@code ./easel}: no arguments, or a single document file, open the desktop app; anything
 * else (host, join, bench, --help ...) goes to the command line.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (opensApp(args)) {
            Application.launch(EaselApp.class, args);
        } else {
            System.exit(commandLine().execute(args));
        }
    }

    /** The command line with the headless subcommands and the app's own (bench app). */
    public static CommandLine commandLine() {
        CommandLine cl = EaselCommand.commandLine();
        cl.getSubcommands().get("bench").addSubcommand("app", new AppBenchCommand());
        return cl;
    }

    /** Whether these arguments start the app rather than a subcommand. */
    static boolean opensApp(String[] args) {
        if (args.length == 0) {
            return true;
        }
        if (args.length != 1 || args[0].startsWith("-")) {
            return false;
        }
        try {
            return args[0].endsWith(".easel") || Files.isRegularFile(Path.of(args[0]));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}
