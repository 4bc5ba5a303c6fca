package org.smarttunnel.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.smarttunnel.common.options.InvalidSettingException;
import picocli.CommandLine;

/**
 * What a runner that spreads an {@code evaluate} or {@code sweep} over several machines needs
 * of the command line, without knowing its options: check a command line before any work,
 * run one shard of it ({@code --shard I/N}) into a directory of its own, and merge the shards
 * into the files of the whole run ({@code merge}), byte for byte those of one JVM. The
 * arguments are the command's own, command name first, exactly as a user types them after
 * {@code ./smarttunnel}.
 */
public final class ShardedRuns {
    /** The commands that can be sharded. */
    public static final List<String> COMMANDS = List.of("evaluate", "sweep");
    /** Options naming a file every shard reads (besides the dataset). */
    public static final List<String> INPUT_FILES = List.of("--grid", "--tunnels");

    private ShardedRuns() {
    }

    /**
     * Empty when {@code args} is a command line a sharded run can take, else the one-line
     * error the command itself would print (or why it cannot be sharded). Reads the sweep's
     * grid file; does not open the dataset.
     */
    public static Optional<String> check(String[] args) {
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            return Optional.of("error: expected " + String.join(" or ", COMMANDS) + " and its options, got "
                    + (args.length == 0 ? "nothing" : "'" + args[0] + "'"));
        }
        for (String own : List.of("--shard", "--help", "-h", "--version", "-V")) {
            if (value(args, own).isPresent() || Arrays.asList(args).contains(own)) {
                return Optional.of("error: " + own + " cannot be given to a distributed " + args[0]
                        + " (it runs the shards itself)");
            }
        }
        CommandLine cl = Main.commandLine(Main.commandsFor(args));
        try {
            CommandLine.ParseResult parsed = cl.parseArgs(args);
            Object command = parsed.subcommand().commandSpec().userObject();
            if (command instanceof EvaluateCommand e) {
                e.options();
            } else if (command instanceof SweepCommand s) {
                SweepCommand.check(s.grid);
            }
        } catch (CommandLine.ParameterException e) {
            return Optional.of("error: " + e.getMessage());
        } catch (InvalidSettingException e) {
            return Optional.of("error: " + Flags.of(e.setting()) + " " + e.problem());
        } catch (org.smarttunnel.ingest.IngestException e) {
            return Optional.of(e.toDiagnostic().line(Flags::of));
        } catch (java.io.IOException e) {
            return Optional.of("error: " + org.smarttunnel.common.io.IoErrors.describe(e));
        } catch (IllegalArgumentException e) {
            return Optional.of("error: " + e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * The value of option {@code name} in {@code args} ({@code --name value} or
     * {@code --name=value}), the last one given.
     */
    public static Optional<String> value(String[] args, String name) {
        String found = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals(name) && i + 1 < args.length) {
                found = args[++i];
            } else if (args[i].startsWith(name + "=")) {
                found = args[i].substring(name.length() + 1);
            }
        }
        return Optional.ofNullable(found);
    }

    /** {@code args} with every value of option {@code name} replaced by {@code value}. */
    public static String[] with(String[] args, String name, String value) {
        List<String> out = new ArrayList<>();
        boolean seen = false;
        for (int i = 0; i < args.length; i++) {
            if (i > 0 && args[i].equals(name) && i + 1 < args.length) {
                out.add(name);
                out.add(value);
                i++;
                seen = true;
            } else if (i > 0 && args[i].startsWith(name + "=")) {
                out.add(name + "=" + value);
                seen = true;
            } else {
                out.add(args[i]);
            }
        }
        if (!seen) {
            out.add(name);
            out.add(value);
        }
        return out.toArray(new String[0]);
    }

    /**
     * Runs shard {@code index} of {@code count} of the command line into {@code out} (which
     * replaces the command's --out), without a progress bar; returns the exit status.
     */
    public static int runShard(String[] args, int index, int count, Path out, PrintWriter said, PrintWriter err) {
        List<String> shard = new ArrayList<>(Arrays.asList(with(args, "--out", out.toString())));
        shard.addAll(List.of("--shard", index + "/" + count, "--quiet"));
        return Main.run(shard.toArray(new String[0]), said, err);
    }

    /**
     * Merges the shards' directories into {@code out}: the files the command line would have
     * written there in one JVM. Returns the exit status of {@code merge}.
     */
    public static int merge(Path data, Path out, List<Path> shards, PrintWriter said, PrintWriter err) {
        List<String> args = new ArrayList<>(List.of("merge", "--data", data.toString(), "--out", out.toString()));
        shards.forEach(s -> args.add(s.toString()));
        return Main.run(args.toArray(new String[0]), said, err);
    }
}
