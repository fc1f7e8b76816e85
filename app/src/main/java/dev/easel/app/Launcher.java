package dev.easel.app;

import dev.easel.cli.EaselCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;

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
            System.exit(EaselCommand.commandLine().execute(args));
        }
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
