package org.smarttunnel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.smarttunnel.common.table.TerminalTable;
import org.smarttunnel.eval.bench.AllocatorComparison;
import org.smarttunnel.eval.bench.ApproximationReport;
import org.smarttunnel.eval.bench.IngestBenchmark;
import org.smarttunnel.common.io.FileTrees;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench",
        description = "Benchmarks (speed and memory), never part of the tests.",
        subcommands = {BenchCommand.Ingest.class, BenchCommand.Approximation.class, BenchCommand.AllocatorsCompared.class,
                BenchEvaluateCommand.class,
                CommandLine.HelpCommand.class})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.USAGE;
    }

    @Command(name = "ingest", sortOptions = false, usageHelpAutoWidth = true,
            description = {"Time both capture readers on a generated capture.", "",
                    "Generates a request+reply capture (4 paths, 2 ms spacing, bursty losses) and times both "
                    + "capture readers on it, each in a fresh JVM that reports its own peak resident memory.", "",
                    "scan = read and decode only; import = read, decode, match and write the dataset.", ""})
    static final class Ingest implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--probes", split = ",", defaultValue = "1000000", paramLabel = "N",
                description = "Capture size(s) in probes; several show whether memory stays flat "
                        + "(default: ${DEFAULT-VALUE}).")
        List<Long> probes;

        @Option(names = "--readers", split = ",", defaultValue = "fast,pcap4j", paramLabel = "READER",
                description = "Readers to time (default: ${DEFAULT-VALUE}).")
        List<String> readers;

        @Option(names = "--stages", split = ",", defaultValue = "scan,import", paramLabel = "STAGE",
                description = "Stages to time (default: ${DEFAULT-VALUE}).")
        List<String> stages;

        @Option(names = "--repeat", defaultValue = "2", paramLabel = "N",
                description = "Passes per JVM; the first includes JIT warm-up (default: ${DEFAULT-VALUE}).")
        int repeat;

        @Option(names = "--work", paramLabel = "DIR",
                description = "Where captures and datasets go (default: a temporary directory, removed after).")
        Path work;

        @Option(names = "--jvm", split = " ", paramLabel = "OPTS",
                description = "Extra JVM options for the timed JVMs, e.g. --jvm=-Xmx512m.")
        List<String> jvm = new ArrayList<>();

        @Override
        public Integer call() throws IOException, InterruptedException {
            for (String r : readers) {
                ImportCommand.choice(org.smarttunnel.ingest.capture.CaptureReader.class, "--readers", r);
            }
            for (String s : stages) {
                if (!s.equals("scan") && !s.equals("import")) {
                    throw new IllegalArgumentException("--stages must list scan and/or import, not '" + s + "'");
                }
            }
            if (repeat < 1) {
                throw new IllegalArgumentException("--repeat must be at least 1");
            }
            boolean temporary = work == null;
            Path dir = temporary ? Files.createTempDirectory("smarttunnel-bench-") : Files.createDirectories(work);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                List<IngestBenchmark.Result> all = IngestBenchmark.run(new IngestBenchmark.Plan(probes, readers, stages,
                        repeat, dir, jvm), line -> err.println("bench: " + line));
                out.println("Ingest benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                        + System.getProperty("java.version") + "); pass 1 includes JIT warm-up:");
                TerminalTable.print(out, IngestBenchmark.TABLE.columns(), IngestBenchmark.rows(all));
            } finally {
                if (temporary) {
                    FileTrees.delete(dir);
                }
            }
            return 0;
        }

    }

    @Command(name = "approximation", sortOptions = false, usageHelpAutoWidth = true,
            description = {"Exact X_FEC against the paper's normal approximation (eq. 7).", "",
                    "Identical paths (loss rate, mean burst length), slots dealt round robin, R = G/5. Columns: "
                            + "burst, loss, N, G, R, exact, normal, log10(normal/exact).", ""})
    static final class Approximation implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--loss", split = ",", defaultValue = "0.005,0.02,0.05,0.1,0.2,0.25", paramLabel = "P",
                description = "Loss rates (default: ${DEFAULT-VALUE}).")
        List<Double> losses;

        @Option(names = "--burst", split = ",", defaultValue = "1,3", paramLabel = "B",
                description = "Mean burst lengths; 1 = Bernoulli (default: ${DEFAULT-VALUE}).")
        List<Double> bursts;

        @Option(names = "--paths", split = ",", defaultValue = "3,10", paramLabel = "N",
                description = "Numbers of paths (default: ${DEFAULT-VALUE}).")
        List<Integer> paths;

        @Option(names = "--group", split = ",", defaultValue = "40,100,300", paramLabel = "G",
                description = "Group sizes (default: ${DEFAULT-VALUE}).")
        List<Integer> groups;

        @Override
        public Integer call() {
            for (double b : bursts) {
                if (b < 1) {
                    throw new IllegalArgumentException("--burst values must be at least 1");
                }
            }
            for (double l : losses) {
                if (!(l > 0 && l < 1)) {
                    throw new IllegalArgumentException("--loss values must lie strictly between 0 and 1");
                }
            }
            TerminalTable.print(spec.commandLine().getOut(), ApproximationReport.TABLE.columns(),
                    ApproximationReport.grid(losses, bursts, paths, groups));
            return 0;
        }
    }

    @Command(name = "allocators", sortOptions = false, usageHelpAutoWidth = true,
            description = {"Compare allocators by the exact expected loss of the schedules they choose.", "",
                    "Path sets drawn from the simulator's population (78.5% below 2% loss, bursty), models known "
                            + "exactly; per N and allocator: median expected loss rate after FEC, share of sets where "
                            + "it is the best, share where it is worse than rr.", ""})
    static final class AllocatorsCompared implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--paths", split = ",", defaultValue = "2,3,4", paramLabel = "N",
                description = "Numbers of paths (default: ${DEFAULT-VALUE}).")
        List<Integer> paths;

        @Option(names = "--sets", defaultValue = "200", paramLabel = "K",
                description = "Path sets per N (default: ${DEFAULT-VALUE}).")
        int sets;

        @Option(names = "--group", defaultValue = "40", paramLabel = "G", description = "Group size (default: ${DEFAULT-VALUE}).")
        int group;

        @Option(names = "--redundancy", defaultValue = "7", paramLabel = "R",
                description = "Redundancy (default: ${DEFAULT-VALUE}).")
        int redundancy;

        @Option(names = "--allocator", defaultValue = "all", paramLabel = "IDS",
                description = "Allocators (default: ${DEFAULT-VALUE}).")
        String allocators;

        @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() {
            if (sets < 1) {
                throw new IllegalArgumentException("--sets must be positive");
            }
            var rows = org.smarttunnel.eval.bench.AllocatorComparison.compare(
                    org.smarttunnel.replay.alloc.Allocators.parse(allocators), paths, sets, group, redundancy, seed);
            TerminalTable.print(spec.commandLine().getOut(), AllocatorComparison.TABLE.columns(), rows);
            return 0;
        }
    }
}
