package org.smarttunnel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.smarttunnel.eval.bench.IngestBenchmark;
import org.smarttunnel.ingest.FileTrees;
import org.smarttunnel.eval.bench.Measurement;
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
                table(out, all);
            } finally {
                if (temporary) {
                    FileTrees.delete(dir);
                }
            }
            return 0;
        }

        private void table(PrintWriter out, List<IngestBenchmark.Result> all) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                Measurement m = all.get(i).measurement();
                int pass = 1;
                for (int j = i - 1; j >= 0 && same(all.get(j).measurement(), m); j--) {
                    pass++;
                }
                rows.add(new Row(all.get(i).probes(), m, pass));
            }
            new TextTable<Row>()
                    .right("probes", r -> Long.toString(r.probes))
                    .left("reader", r -> r.m.reader())
                    .left("stage", r -> r.m.stage())
                    .right("pass", r -> Integer.toString(r.pass))
                    .right("packets", r -> Long.toString(r.m.frames()))
                    .right("MB", r -> String.format(Locale.ROOT, "%.0f", r.m.bytes() / 1e6))
                    .right("seconds", r -> String.format(Locale.ROOT, "%.3f", r.m.nanos() / 1e9))
                    .right("packets/s", r -> String.format(Locale.ROOT, "%,.0f", r.m.framesPerSecond()))
                    .right("peak RSS MiB", r -> r.m.peakRssKib() < 0 ? "n/a"
                            : String.format(Locale.ROOT, "%.0f", r.m.peakRssKib() / 1024.0))
                    .print(out, rows, List.of());
        }

        private static boolean same(Measurement a, Measurement b) {
            return a.reader().equals(b.reader()) && a.stage().equals(b.stage()) && a.bytes() == b.bytes();
        }

        private record Row(long probes, Measurement m, int pass) {
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
            new TextTable<org.smarttunnel.eval.bench.ApproximationReport.Row>()
                    .right("burst", r -> String.format(Locale.ROOT, "%.1f", r.burst()))
                    .right("loss", r -> String.format(Locale.ROOT, "%.3f", r.loss()))
                    .right("N", r -> Integer.toString(r.paths()))
                    .right("G", r -> Integer.toString(r.groupSize()))
                    .right("R", r -> Integer.toString(r.redundancy()))
                    .right("exact", r -> String.format(Locale.ROOT, "%.3e", r.exact()))
                    .right("normal", org.smarttunnel.eval.bench.ApproximationReport.Row::normalText)
                    .right("log10(normal/exact)", r -> String.format(Locale.ROOT, "%+.3f", r.log10Ratio()))
                    .print(spec.commandLine().getOut(),
                            org.smarttunnel.eval.bench.ApproximationReport.grid(losses, bursts, paths, groups), List.of());
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
            new TextTable<org.smarttunnel.eval.bench.AllocatorComparison.Row>()
                    .right("N", r -> Integer.toString(r.paths()))
                    .left("allocator", org.smarttunnel.eval.bench.AllocatorComparison.Row::allocator)
                    .right("median loss rate", r -> String.format(Locale.ROOT, "%.3e", r.medianLossRate()))
                    .right("best", r -> String.format(Locale.ROOT, "%.1f%%", 100 * r.bestShare()))
                    .right("worse than rr", r -> Double.isNaN(r.worseThanRrShare()) ? "-"
                            : String.format(Locale.ROOT, "%.1f%%", 100 * r.worseThanRrShare()))
                    .print(spec.commandLine().getOut(), rows, List.of());
            return 0;
        }
    }
}
