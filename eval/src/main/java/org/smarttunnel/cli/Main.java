package org.smarttunnel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.smarttunnel.common.options.InvalidSettingException;
import org.smarttunnel.ingest.IngestException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code smarttunnel} command. Exit status: 0 success, 1 bad input (files that could not
 * be read; the rest was processed), 2 usage errors, 3 unexpected failures. Errors are one
 * line; set SMARTTUNNEL_DEBUG=1 to see stack traces of unexpected failures.
 */
@Command(name = "smarttunnel", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        scope = CommandLine.ScopeType.INHERIT,
        synopsisSubcommandLabel = "COMMAND",
        description = {"Trace-driven evaluation of multipath traffic allocation with forward error correction.",
                "", "Run 'smarttunnel COMMAND --help' for a command's options."})
public final class Main implements Callable<Integer> {
    /**
     * The commands, in the order help lists them. Only the one a command line names is built
     * (picocli inspects every option of every command it is given, a good part of a short
     * run's start); help and anything unrecognised get them all.
     */
    static final List<Class<?>> COMMANDS = List.of(ImportCommand.class, FormatsCommand.class, FitCommand.class,
            ModelsCommand.class, ReplayCommand.class, AllocatorsCommand.class, EvaluateCommand.class, SweepCommand.class, MergeCommand.class,
            TimelineCommand.class, CongestionCommand.class, DemoCommand.class, SimulateCommand.class,
            BenchCommand.class, CommandLine.HelpCommand.class);

    public static final int BAD_INPUT = 1;
    public static final int USAGE = 2;
    public static final int FAILURE = 3;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, out, err));
    }

    /** Runs the command line with the given streams; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // what picocli prints for it, without loading picocli (its classes cannot go into
            // the launcher's class archive, and loading them is most of a start)
            try {
                for (String line : new Version().getVersion()) {
                    out.println(line);
                }
            } catch (IOException e) {
                err.println("error: " + e.getMessage());
                return BAD_INPUT;
            }
            out.flush();
            return 0;
        }
        CommandLine cl = commandLine(commandsFor(args));
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            err.println("error: " + ex.getMessage());
            err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for its options.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            Throwable cause = ex instanceof UncheckedIOException u ? u.getCause() : ex;
            if (cause instanceof IngestException ie) {
                err.println(ie.toDiagnostic().line(Flags::of));
                return BAD_INPUT;
            }
            if (cause instanceof IOException io) {
                err.println("error: " + org.smarttunnel.common.io.IoErrors.describe(io));
                return BAD_INPUT;
            }
            if (cause instanceof InvalidSettingException s) {
                err.println("error: " + Flags.of(s.setting()) + " " + s.problem());
                return USAGE;
            }
            if (cause instanceof IllegalArgumentException) {
                err.println("error: " + cause.getMessage());
                return USAGE;
            }
            err.println("error: unexpected failure: " + cause);
            if (System.getenv("SMARTTUNNEL_DEBUG") != null) {
                cause.printStackTrace(err);
            } else {
                err.println("(set SMARTTUNNEL_DEBUG=1 to see where)");
            }
            return FAILURE;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            // one line, never a stack trace; whatever was being written was left as a temporary file
            err.println("error: out of memory (a heap of " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MiB); the launcher gives more with SMARTTUNNEL_HEAP, e.g. SMARTTUNNEL_HEAP=4g");
            code = FAILURE;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** The root command with these subcommands. */
    static CommandLine commandLine(List<Class<?>> commands) {
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> c : commands) {
            cl.addSubcommand(c);
        }
        return cl;
    }

    /** The commands {@code args} need: the one they name, else all. */
    static List<Class<?>> commandsFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> c : COMMANDS) {
                Command command = c.getAnnotation(Command.class);
                if (c != CommandLine.HelpCommand.class && (command.name().equals(args[0])
                        || List.of(command.aliases()).contains(args[0]))) {
                    return List.of(c);
                }
            }
        }
        return COMMANDS;
    }

    /** The version Maven put into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/smarttunnel-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            // joined without string concatenation, whose first use links method handles (~20 ms of a start)
            return new String[] {String.join("", "smarttunnel ", p.getProperty("version", "(unknown version)")),
                    String.join("", "Java ", System.getProperty("java.version"), " (", System.getProperty("java.vendor"),
                            ")")};
        }
    }
}
