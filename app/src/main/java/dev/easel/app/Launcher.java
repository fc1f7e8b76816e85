package dev.easel.app;

import dev.easel.cli.EaselCommand;

/** Entry point of {@code ./easel}: subcommands go to the command line. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(EaselCommand.commandLine().execute(args));
    }
}
