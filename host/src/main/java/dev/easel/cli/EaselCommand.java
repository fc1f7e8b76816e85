package dev.easel.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line behind {@code ./easel}: hosting, joining and benchmarks. The desktop app's
 * launcher adds its own subcommands to the same tree.
 */
@Command(name = "easel", mixinStandardHelpOptions = true, version = "Easel 0.1.0",
        description = "Easel: a collaborative design tool. Run with no arguments to open the app.",
        subcommands = {HostCommand.class, JoinCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class EaselCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The command line with every headless subcommand; callers may add more before executing it. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new EaselCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("easel: " + ex.getMessage());
            return 1;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
