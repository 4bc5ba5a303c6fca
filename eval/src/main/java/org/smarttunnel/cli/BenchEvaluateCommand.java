package org.smarttunnel.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.smarttunnel.common.table.TerminalTable;
import org.smarttunnel.eval.bench.EvaluateBenchmark;
import org.smarttunnel.common.io.FileTrees;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Time the paper-scale evaluation on a simulated dataset.", "",
                "Simulates paths of the paper's size (800 s at 2 ms, 1 s on / 1 s off), then runs the paper's whole "
                        + "evaluation (N 2,3,4,6; K 7,10,14; both modes; every allocator) for each --runs, each in a "
                        + "fresh JVM that reports its time and peak resident memory.", ""})
final class BenchEvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--hosts", defaultValue = "30", paramLabel = "H",
            description = "Hosts (default: ${DEFAULT-VALUE}; at least 28 per site gives every cell).")
    int hosts;

    @Option(names = "--sites", defaultValue = "2", paramLabel = "S", description = "Sites (default: ${DEFAULT-VALUE}).")
    int sites;

    @Option(names = "--duration", defaultValue = "800s", paramLabel = "DURATION", converter = Converters.Duration.class,
            description = "Length of every path (default: ${DEFAULT-VALUE}).")
    long durationNs;

    @Option(names = "--runs", split = ",", defaultValue = "5,10,20", paramLabel = "R",
            description = "Runs per cell to time (default: ${DEFAULT-VALUE}).")
    List<Integer> runs;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "T", description = "Threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Where the dataset and reports go; kept, and the dataset reused (default: a temporary "
                    + "directory, removed after).")
    Path work;

    @Option(names = "--jvm", split = " ", paramLabel = "OPTS", description = "Extra JVM options for the timed JVMs.")
    List<String> jvm = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        boolean temporary = work == null;
        Path dir = temporary ? Files.createTempDirectory("smarttunnel-bench-") : Files.createDirectories(work);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<EvaluateBenchmark.Result> results = EvaluateBenchmark.run(new EvaluateBenchmark.Plan(hosts, sites,
                    durationNs, runs, threads, dir, jvm), line -> err.println("bench: " + line));
            out.printf(Locale.ROOT, "Paper-scale evaluation (%d hosts x %d sites, %s per path; %d threads on %d cores, "
                    + "Java %s):%n", hosts, sites, org.smarttunnel.common.text.Durations.format(durationNs), threads,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            TerminalTable.print(out, EvaluateBenchmark.TABLE.columns(), results);
        } finally {
            if (temporary) {
                FileTrees.delete(dir);
            }
        }
        return 0;
    }
}
