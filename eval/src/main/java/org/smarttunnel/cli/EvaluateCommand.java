package org.smarttunnel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TerminalTable;
import org.smarttunnel.common.text.Durations;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.eval.Evaluation;
import org.smarttunnel.eval.experiment.ExperimentOptions;
import org.smarttunnel.eval.experiment.Tables;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.dataset.TraceDataset;
import org.smarttunnel.replay.alloc.Allocator;
import org.smarttunnel.replay.alloc.Allocators;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Run the paper's trace-driven evaluation on a trace dataset and write its tables.", "",
                "Cells (N, K, G): tunnels of N paths (traces to the same site from N different hosts), K redundant "
                        + "packets per group, G of the paths low-loss. Per (N, G), --runs seeded combinations; "
                        + "every interval of each is replayed at every K under every allocator and mode. Writes "
                        + "replay.csv, combinations.csv, loss_free.csv, mean_loss.csv, loss_free_by_paths.csv, "
                        + "expected_loss.csv, report.md (the tables beside the paper's) and SVG charts into "
                        + "REPORTS, all at once at the end. The same seed gives the same files at any --threads.",
                ""})
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Trace dataset (from 'import').")
    Path data;

    @Option(names = "--paths", split = ",", defaultValue = "2,3,4,6", paramLabel = "N",
            description = "Numbers of paths per tunnel (default: ${DEFAULT-VALUE}).")
    List<Integer> paths;

    @Option(names = "--redundancy", split = ",", defaultValue = "7,10,14", paramLabel = "K",
            description = "Redundant packets per group (default: ${DEFAULT-VALUE}).")
    List<Integer> redundancy;

    @Option(names = "--group", defaultValue = "40", paramLabel = "G", description = "FEC group size (default: ${DEFAULT-VALUE}).")
    int group;

    @Option(names = "--runs", defaultValue = "20", paramLabel = "R",
            description = "Combinations per cell (N, G) (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--modes", split = ",", defaultValue = "oracle,predicted", paramLabel = "MODE",
            description = "oracle, predicted or both (default: ${DEFAULT-VALUE}).")
    List<String> modes;

    @Option(names = "--allocators", split = ",", defaultValue = "all", paramLabel = "ID",
            description = "Allocators, or all (default: ${DEFAULT-VALUE}; see 'smarttunnel allocators').")
    List<String> allocators;

    @Option(names = "--low-loss", defaultValue = "0.02", paramLabel = "RATE",
            description = "A path is low-loss when its whole-trace loss rate is below RATE (default: ${DEFAULT-VALUE}).")
    double lowLoss;

    @Mixin
    ModelOptions model;

    @Option(names = "--interval", paramLabel = "DURATION", converter = Converters.Duration.class,
            description = "Interval length (default: the dataset's).")
    Long intervalNs;

    @Option(names = "--emax", defaultValue = "500", paramLabel = "E",
            description = "smarttunnel's scale of means (default: ${DEFAULT-VALUE}).")
    int emax;

    @Mixin
    RunOptions running;

    @Option(names = "--out", required = true, paramLabel = "REPORTS", description = "Directory for the reports.")
    Path out;

    @Override
    public Integer call() throws IOException, IngestException, InterruptedException {
        TraceDataset ds = TraceDataset.open(data);
        ExperimentOptions o = options(ds);
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        Evaluation.Outcome r = Evaluation.run(ds, data.toString(), o, out, running.progress(err));
        summary(w, r, o, (System.nanoTime() - start) / 1e9);
        return 0;
    }

    ExperimentOptions options(TraceDataset ds) {
        long intervalUs = intervalNs == null ? ds.intervalUs() : Converters.micros(intervalNs, "--interval");
        return new ExperimentOptions(paths, redundancy, group, runs, seed, modes(modes),
                Allocators.parse(String.join(",", allocators)), lowLoss,
                running.threads(), model.stateChoice(),
                model.history, intervalUs, emax);
    }

    static Set<FitMode> modes(List<String> texts) {
        Set<FitMode> out = EnumSet.noneOf(FitMode.class);
        for (String t : texts) {
            out.addAll(FitCommand.modes(t.trim()));
        }
        return out;
    }

    /** What ran, where it went, and the loss-free table. */
    static void summary(PrintWriter w, Evaluation.Outcome r, ExperimentOptions o, double seconds) {
        long intervals = r.run().rows();
        w.printf(Locale.ROOT, "Evaluated %d tunnels (%d cells, %d traces read %d times): %d intervals replayed in %s%n",
                r.run().combinations(), r.run().cells().size(), r.run().pool().traces().size(), r.run().traceLoads(),
                intervals, Durations.human(seconds));
        List<String> empty = r.run().emptyCells();
        if (!empty.isEmpty()) {
            w.println("No combination exists for " + String.join(", ", empty)
                    + ": those cells have 0 intervals and empty values");
        }
        if (r.run().combinations() == 0) {
            int most = r.run().pool().sites().stream().mapToInt(s -> s.hosts().size()).max().orElse(0);
            w.printf(Locale.ROOT, "A tunnel needs traces to one site from N different hosts; this dataset has at most "
                    + "%d host%s per site%n", most, most == 1 ? "" : "s");
        }
        w.println("Wrote " + String.join(", ", r.files().stream().map(p -> p.getFileName().toString()).toList())
                + " to " + r.files().get(0).getParent());
        Tables t = r.tables();
        for (FitMode m : o.modeOrder()) {
            w.println();
            w.printf(Locale.ROOT, "Loss-free intervals (%%) over random N-path tunnels, %s (Table II; P = %s):%n",
                    m.id(), Numbers.number(t.pLow()));
            List<Column<Allocator>> columns = new ArrayList<>(List.of(Column.text("allocator", Allocator::id)));
            for (int n : o.paths()) {
                for (int k : o.redundancies()) {
                    columns.add(Column.formatted("N=" + n + " K=" + k, "%", a -> {
                        OptionalDouble p = t.lossFreeProbability(n, k, m, a.id());
                        return p.isPresent() ? String.format(Locale.ROOT, "%.2f", 100 * p.getAsDouble()) : "-";
                    }));
                }
            }
            TerminalTable.print(w, columns, o.allocators());
        }
    }
}
