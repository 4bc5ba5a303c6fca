package org.smarttunnel.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.common.text.Durations;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.eval.Evaluation;
import org.smarttunnel.eval.experiment.ExperimentOptions;
import org.smarttunnel.eval.experiment.PathPool;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.dataset.TraceDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", sortOptions = false, usageHelpAutoWidth = true,
        description = {"The main job on the bundled data: the paper's evaluation of traces/demo into reports/.", "",
                "traces/demo is a trace dataset imported (compact) from simulated reply-only captures of 28 hosts "
                        + "probing one site for 400 s at 2 ms (see traces/demo/README.md). The demo evaluates it "
                        + "with the paper's parameters (N 2,3,4,6; K 7,10,14; groups of 40; 20 runs per cell; oracle and "
                        + "predicted; every allocator), writes the tables, report.md and charts into reports/ and "
                        + "prints the loss-free table. The same as 'smarttunnel evaluate --data traces/demo --out "
                        + "reports'.", ""})
final class DemoCommand implements Callable<Integer> {
    static final String DATA = Defaults.DEMO_DATA;
    static final String REPORTS = Defaults.DEMO_REPORTS;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Dataset (default: traces/demo here, else in the smarttunnel checkout).")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", description = "Reports (default: reports beside traces/).")
    Path out;

    @Option(names = "--runs", defaultValue = "" + Defaults.RUNS, paramLabel = "RUNS",
            description = "Tunnels drawn per cell (default: ${DEFAULT-VALUE}, the paper's).")
    int runs;

    @Mixin
    RunMixin running;

    /** The paper's experiment, with these runs and threads. */
    ExperimentOptions options() {
        return running.apply(ExperimentOptions.paper().toBuilder().runs(runs)).build();
    }

    @Override
    public Integer call() throws Exception {
        Path root = root();
        Path dataset = data != null ? data : root.resolve(DATA);
        Path reports = out != null ? out : root.resolve(REPORTS);
        PrintWriter w = spec.commandLine().getOut();
        TraceDataset ds = TraceDataset.open(dataset);
        ExperimentOptions o = options().withDatasetInterval(ds.intervalUs());
        PathPool pool = PathPool.of(ds, o.lowLoss());
        w.printf(Locale.ROOT, "Dataset %s: %d traces (%d hosts, %d site%s), %d probes, intervals of %s; %d paths below "
                + "%s%% loss (P = %s)%n", dataset, pool.traces().size(), pool.hostCount(), pool.sites().size(),
                pool.sites().size() == 1 ? "" : "s", pool.probes(), Durations.format(ds.intervalUs() * 1000), pool.lowCount(),
                Numbers.number(100 * o.lowLoss()), Numbers.number(pool.lowShare()));
        w.printf(Locale.ROOT, "Evaluating: N %s, K %s, groups of %d packets, %d runs per cell, %s, %d allocators, "
                + "%d threads%n", joined(o.paths()), joined(o.redundancies()), o.group(), o.runs(),
                o.modeOrder().stream().map(FitMode::id).collect(Collectors.joining(" and ")), o.allocators().size(),
                o.threads());
        w.flush();
        long start = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        Evaluation.Outcome r = Evaluation.run(ds, dataset.toString(), o, reports,
                EvaluateCommand.reproduce(o, dataset, reports), running.progress(err));
        EvaluateCommand.summary(w, r, (System.nanoTime() - start) / 1e9);
        w.println();
        w.println("Tables beside the paper's, findings and charts: " + reports.resolve(Evaluation.REPORT));
        return 0;
    }

    private static String joined(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Where traces/demo is: here, else the checkout the launcher runs from. */
    private static Path root() throws IngestException {
        Path here = Path.of("");
        if (Files.isDirectory(here.resolve(DATA))) {
            return here;
        }
        String home = System.getenv("SMARTTUNNEL_HOME");
        if (home != null && Files.isDirectory(Path.of(home).resolve(DATA))) {
            return Path.of(home);
        }
        throw IngestException.inFile(DATA, "not found here or in $SMARTTUNNEL_HOME; run from the smarttunnel checkout "
                + "or give --data");
    }
}
