package org.smarttunnel.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.common.table.TerminalTable;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.ingest.ImportOptions;
import org.smarttunnel.eval.bench.AllocatorComparison;
import org.smarttunnel.eval.bench.ApproximationReport;
import org.smarttunnel.eval.bench.DriftCalibration;
import org.smarttunnel.eval.bench.IngestBenchmark;
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
                BenchCommand.Calibrate.class,
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
        public Integer call() throws Exception {
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
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            bench.inWork(dir -> {
                List<IngestBenchmark.Result> all = IngestBenchmark.run(new IngestBenchmark.Plan(probes, readers, stages,
                        repeat, dir, bench.jvm), line -> err.println("bench: " + line));
                out.println("Ingest benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                        + System.getProperty("java.version") + "); pass 1 includes JIT warm-up:");
                TerminalTable.print(out, IngestBenchmark.TABLE.columns(), IngestBenchmark.rows(all));
            });
            return 0;
        }

    }

    @Command(name = "calibrate", sortOptions = false, usageHelpAutoWidth = true,
            description = {"How well the simulator's loss-rate drift reproduces the paper's tables.", "",
                    "For each drift, simulates a dataset like the demo's (one site, reply-only, the same seed), "
                            + "evaluates it with the paper's parameters on 2 and 3 paths by the allocators of the "
                            + "paper's tables, and compares: Tables III, IV (oracle) and VII, VIII (predicted) by the "
                            + "mean absolute difference of loss-free percentages, V and VI by the mean absolute "
                            + "difference of log10 mean loss rates, each with the share of the paper's values "
                            + "inside our 95%% intervals. With --shared, every drift is tried with each probability "
                            + "of a bottleneck shared by about half the site's paths. Prints the setting of least "
                            + "residual on the oracle tables, on the predicted ones and on all four.", ""})
    static final class Calibrate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--drifts", split = ",", defaultValue = Defaults.BENCH_DRIFTS, paramLabel = "SIGMA",
                description = "Drifts to try (default: ${DEFAULT-VALUE}).")
        List<Double> drifts;

        @Option(names = "--shared", split = ",", defaultValue = "0", paramLabel = "SHARE",
                description = "Probabilities of the site's shared bottleneck to try with every drift, 0 to 1 "
                        + "(default: ${DEFAULT-VALUE}, none; 1 puts one at the site, crossed by about half its "
                        + "paths).")
        List<Double> shared;

        @Option(names = "--hosts", defaultValue = "28", paramLabel = "HOSTS",
                description = "Simulated hosts, one path each (default: ${DEFAULT-VALUE}, the demo's).")
        int hosts;

        @Option(names = "--duration", defaultValue = Defaults.DURATION, paramLabel = "DURATION",
                converter = Converters.Duration.class, description = "Length of every path (default: "
                        + "${DEFAULT-VALUE}).")
        long durationNs;

        @Option(names = "--runs", defaultValue = "" + Defaults.RUNS, paramLabel = "RUNS",
                description = "Tunnels drawn per cell (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--seed", defaultValue = "" + Defaults.SEED, paramLabel = "SEED",
                description = "Seed of the simulation and the evaluation (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", paramLabel = "FILE", description = "Also write the rows as CSV.")
        Path out;

        @Mixin
        RunMixin running;

        @Option(names = "--work", paramLabel = "DIR", description = "Where the simulated datasets and their "
                + "evaluations go; kept (default: a temporary directory, removed after).")
        Path work;

        @Override
        public Integer call() throws Exception {
            for (double d : drifts) {
                if (!(d >= 0 && d <= org.smarttunnel.eval.simulate.SimulationOptions.MAX_DRIFT)) {
                    throw new IllegalArgumentException("--drifts must lie in [0, "
                            + org.smarttunnel.eval.simulate.SimulationOptions.MAX_DRIFT + "], not " + d);
                }
            }
            for (double s : shared) {
                if (!(s >= 0 && s <= 1)) {
                    throw new IllegalArgumentException("--shared must lie in [0, 1], not " + s);
                }
            }
            if (hosts < 4 || hosts > 250) {
                throw new IllegalArgumentException("--hosts must lie between 4 and 250, not " + hosts);
            }
            if (runs < 1) {
                throw new IllegalArgumentException("--runs must be at least 1, not " + runs);
            }
            int threads = running.apply(org.smarttunnel.eval.experiment.ExperimentOptions.builder()).build().threads();
            PrintWriter err = spec.commandLine().getErr();
            BenchMixin.inWork(work, dir -> {
                List<DriftCalibration.Residual> rows = org.smarttunnel.eval.bench
                        .DriftCalibration.run(new DriftCalibration.Plan(drifts, shared, hosts,
                                durationNs, runs, seed, threads, Defaults.BOOTSTRAP, dir), line -> {
                                    if (!running.quiet) {
                                        err.println("bench: " + line);
                                        err.flush();
                                    }
                                });
                PrintWriter out = spec.commandLine().getOut();
                TerminalTable.print(out, DriftCalibration.TABLE.columns(), rows);
                out.printf(java.util.Locale.ROOT, "%nLeast residual: oracle tables (III, IV) at %s, predicted "
                        + "(VII, VIII) at %s, all four at %s.%n", DriftCalibration.best(rows, List.of("III", "IV")),
                        DriftCalibration.best(rows, List.of("VII", "VIII")),
                        DriftCalibration.best(rows, List.of("III", "IV", "VII", "VIII")));
                if (this.out != null) {
                    org.smarttunnel.common.table.CsvTables.write(this.out, DriftCalibration.TABLE, rows);
                }
            });
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
