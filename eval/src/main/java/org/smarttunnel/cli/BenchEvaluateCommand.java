package org.smarttunnel.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.common.table.TerminalTable;
import org.smarttunnel.eval.bench.EvaluateBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Option(names = "--hosts", defaultValue = "" + Defaults.BENCH_HOSTS, paramLabel = "HOSTS",
            description = "Hosts (default: ${DEFAULT-VALUE}; at least 28 per site gives every cell).")
    int hosts;

    @Option(names = "--sites", defaultValue = "" + Defaults.BENCH_SITES, paramLabel = "SITES",
            description = "Sites (default: ${DEFAULT-VALUE}).")
    int sites;

    @Option(names = "--duration", defaultValue = Defaults.DURATION, paramLabel = "DURATION",
            converter = Converters.Duration.class,
            description = "Length of every path (default: ${DEFAULT-VALUE}).")
    long durationNs;

    @Option(names = "--runs", split = ",", defaultValue = Defaults.BENCH_RUNS, paramLabel = "RUNS",
            description = "Tunnels drawn per cell, one timed evaluation each (default: ${DEFAULT-VALUE}).")
    List<Integer> runs;

    @Option(names = "--threads", defaultValue = "" + Defaults.BENCH_THREADS, paramLabel = "THREADS",
            description = "Threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Mixin
    BenchMixin bench;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        bench.inWork(dir -> {
            List<EvaluateBenchmark.Result> results = EvaluateBenchmark.run(new EvaluateBenchmark.Plan(hosts, sites,
                    durationNs, runs, threads, dir, bench.jvm), line -> err.println("bench: " + line));
            out.printf(Locale.ROOT, "Paper-scale evaluation (%d hosts x %d sites, %s per path; %d threads on %d cores, "
                    + "Java %s):%n", hosts, sites, org.smarttunnel.common.text.Durations.format(durationNs), threads,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            TerminalTable.print(out, EvaluateBenchmark.TABLE.columns(), results);
        });
        return 0;
    }
}
