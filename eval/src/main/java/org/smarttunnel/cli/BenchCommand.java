package org.smarttunnel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.common.table.TerminalTable;
import org.smarttunnel.ingest.ImportOptions;
import org.smarttunnel.eval.bench.AllocatorComparison;
import org.smarttunnel.eval.bench.ApproximationReport;
import org.smarttunnel.eval.bench.IngestBenchmark;
import org.smarttunnel.common.io.FileTrees;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import org.smarttunnel.replay.run.ReplayOptions;
import picocli.CommandLine.Mixin;
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

        @Option(names = "--probes", split = ",", defaultValue = Defaults.BENCH_PROBES, paramLabel = "PROBES",
                description = "Capture size(s) in probes; several show whether memory stays flat "
                        + "(default: ${DEFAULT-VALUE}).")
        List<Long> probes;

        @Option(names = "--readers", split = ",", defaultValue = Defaults.BENCH_READERS, paramLabel = "READER",
                description = "Readers to time (default: ${DEFAULT-VALUE}).")
        List<String> readers;

        @Option(names = "--stages", split = ",", defaultValue = Defaults.BENCH_STAGES, paramLabel = "STAGE",
                description = "Stages to time (default: ${DEFAULT-VALUE}).")
        List<String> stages;

        @Option(names = "--repeat", defaultValue = "" + Defaults.BENCH_REPEAT, paramLabel = "PASSES",
                description = "Passes per JVM; the first includes JIT warm-up (default: ${DEFAULT-VALUE}).")
        int repeat;

        @Mixin
        BenchMixin bench;

        @Override
        public Integer call() throws IOException, InterruptedException {
            for (String r : readers) {
                ImportOptions.parseReader(r);
            }
            for (String s : stages) {
                if (!s.equals("scan") && !s.equals("import")) {
                    throw new IllegalArgumentException("--stages must list scan and/or import, not '" + s + "'");
                }
            }
            if (repeat < 1) {
                throw new IllegalArgumentException("--repeat must be at least 1");
            }
            Path dir = bench.directory();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                List<IngestBenchmark.Result> all = IngestBenchmark.run(new IngestBenchmark.Plan(probes, readers, stages,
                        repeat, dir, bench.jvm), line -> err.println("bench: " + line));
                out.println("Ingest benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                        + System.getProperty("java.version") + "); pass 1 includes JIT warm-up:");
                TerminalTable.print(out, IngestBenchmark.TABLE.columns(), IngestBenchmark.rows(all));
            } finally {
                if (bench.temporary()) {
                    FileTrees.delete(dir);
                }
            }
            return 0;
        }

    }

    @Command(name = "approximation", sortOptions = false, usageHelpAutoWidth = true,
            description = {"Exact X_FEC against the paper's normal approximation (eq. 7).", "",
                    "Identical paths (loss rate, mean burst length), slots dealt round robin, a fifth of each group "
                            + "redundant. Columns: burst, loss, N (paths), group (packets), K (redundant packets), "
                            + "exact, normal, log10(normal/exact).", ""})
    static final class Approximation implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--loss", split = ",", defaultValue = Defaults.BENCH_LOSSES, paramLabel = "RATE",
                description = "Loss rates (default: ${DEFAULT-VALUE}).")
        List<Double> losses;

        @Option(names = "--burst", split = ",", defaultValue = Defaults.BENCH_BURSTS, paramLabel = "PROBES",
                description = "Mean burst lengths; 1 = Bernoulli (default: ${DEFAULT-VALUE}).")
        List<Double> bursts;

        @Option(names = "--paths", split = ",", defaultValue = Defaults.BENCH_APPROXIMATION_PATHS, paramLabel = "N",
                description = "Numbers of paths (default: ${DEFAULT-VALUE}).")
        List<Integer> paths;

        @Option(names = "--group", split = ",", defaultValue = Defaults.BENCH_GROUPS, paramLabel = "PACKETS",
                description = "Group sizes; each has a fifth of its packets redundant (default: ${DEFAULT-VALUE}).")
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
                    "Path sets drawn from the simulator's population (78.5%% below 2%% loss, bursty), models known "
                            + "exactly; per N and allocator: median expected loss rate after FEC, share of sets where "
                            + "it is the best, share where it is worse than rr.", ""})
    static final class AllocatorsCompared implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--paths", split = ",", defaultValue = Defaults.BENCH_ALLOCATOR_PATHS, paramLabel = "N",
                description = "Numbers of paths (default: ${DEFAULT-VALUE}).")
        List<Integer> paths;

        @Option(names = "--sets", defaultValue = "" + Defaults.BENCH_SETS, paramLabel = "SETS",
                description = "Path sets per number of paths (default: ${DEFAULT-VALUE}).")
        int sets;

        @Option(names = "--redundancy", defaultValue = "" + Defaults.REDUNDANCY, paramLabel = "K",
                description = "Redundant packets per group (default: ${DEFAULT-VALUE}).")
        int redundancy;

        @Mixin
        AllocationMixin allocation;

        @Override
        public Integer call() {
            if (sets < 1) {
                throw new IllegalArgumentException("--sets must be positive");
            }
            ReplayOptions o = allocation.apply(ReplayOptions.builder()).redundancy(redundancy).build();
            var rows = AllocatorComparison.compare(o.allocators(), paths, sets, o.group(), o.redundancy(), o.seed(),
                    o.emax());
            TerminalTable.print(spec.commandLine().getOut(), AllocatorComparison.TABLE.columns(), rows);
            return 0;
        }
    }
}
