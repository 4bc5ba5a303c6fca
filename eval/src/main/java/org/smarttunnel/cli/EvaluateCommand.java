package org.smarttunnel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TerminalTable;
import org.smarttunnel.common.text.Durations;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.eval.Evaluation;
import org.smarttunnel.eval.experiment.ExperimentOptions;
import org.smarttunnel.eval.experiment.Journal;
import org.smarttunnel.eval.experiment.Tables;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.dataset.TraceDataset;
import org.smarttunnel.replay.alloc.Allocator;
import org.smarttunnel.replay.run.ReplayOptions;
import picocli.CommandLine;
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
                        + "REPORTS, all at once at the end. The same seed gives the same files at any --threads. "
                        + "A run killed or stopped by a full disk is resumed by the same command, to the same files "
                        + "(its journal is REPORTS/.evaluate-journal; --restart starts over).",
                ""})
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatasetMixin data;

    @Option(names = "--paths", split = ",", defaultValue = Defaults.PATHS, paramLabel = "N",
            description = "Paths per tunnel, N, 2 to 64 (default: ${DEFAULT-VALUE}).")
    List<Integer> paths;

    @Option(names = "--redundancy", split = ",", defaultValue = Defaults.REDUNDANCIES, paramLabel = "K",
            description = "Redundant packets per group, K (default: ${DEFAULT-VALUE}).")
    List<Integer> redundancy;

    @Option(names = "--runs", defaultValue = "" + Defaults.RUNS, paramLabel = "RUNS",
            description = "Tunnels drawn per cell (N, G) (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--low-loss", defaultValue = "" + Defaults.LOW_LOSS, paramLabel = "RATE",
            description = "A path is low-loss when its whole-trace loss rate is below RATE (default: ${DEFAULT-VALUE}).")
    double lowLoss;

    @Option(names = "--confidence", defaultValue = "" + Defaults.CONFIDENCE, paramLabel = "LEVEL",
            description = "Level of every interval in the tables, 0.5 to below 1 (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--bootstrap", defaultValue = "" + Defaults.BOOTSTRAP, paramLabel = "DRAWS",
            description = "Draws of the cluster bootstrap over tunnels behind the tables' intervals, 0 for none "
                    + "(default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--all-tunnels", description = "Evaluate every possible tunnel of each cell instead of --runs "
            + "drawn ones; their count is printed first.")
    boolean allTunnels;

    @Option(names = "--max-tunnels", defaultValue = "" + Defaults.MAX_TUNNELS, paramLabel = "COUNT",
            description = "With --all-tunnels, refuse to start when the cells hold more tunnels than this "
                    + "(default: ${DEFAULT-VALUE}).")
    long maxTunnels;

    @Mixin
    AllocationMixin allocation;

    @Mixin
    ModelMixin model;

    @Mixin
    TunnelMixin tunnel;

    @Mixin
    RunMixin running;

    @Option(names = "--tunnels", paramLabel = "FILE",
            description = "Evaluate exactly these tunnels instead of drawing them: a CSV of tunnel,trace rows, one "
                    + "row per path in path order (any traces, e.g. one host probing several destinations); not "
                    + "with --paths or --runs, which the file decides.")
    Path tunnels;

    @Option(names = "--out", required = true, paramLabel = "REPORTS", description = "Directory for the reports.")
    Path out;

    @Option(names = "--shard", paramLabel = "I/N", description = "Replay only shard I of N of the tunnels (every "
            + "N-th, from the I-th) into REPORTS/shard.bin, for 'smarttunnel merge' to combine with the other shards "
            + "into the files of a whole run, byte for byte; no table is written.")
    String shard;

    @Option(names = "--restart", description = "Start over even if REPORTS holds an interrupted run of this "
            + "evaluation (by default that run is resumed: tunnels it finished are not replayed again), or of "
            + "another one (which is refused by default).")
    boolean restart;

    ExperimentOptions options() {
        return running.apply(ExperimentOptions.builder()
                .replay(tunnel.apply(allocation.apply(ReplayOptions.builder())).models(model.options()).build())
                .paths(paths).redundancies(redundancy).runs(runs).lowLoss(lowLoss).tunnels(Optional.ofNullable(tunnels))
                .confidence(confidence).bootstrap(bootstrap).allTunnels(allTunnels).maxTunnels(maxTunnels))
                .build();
    }

    @Override
    public Integer call() throws IOException, IngestException, InterruptedException {
        if (tunnels != null) {
            for (String flag : List.of("--paths", "--runs")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(flag)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '" + flag
                            + "': cannot be given with --tunnels (the file says which tunnels to evaluate)");
                }
            }
        }
        ExperimentOptions given = options(); // refuses nonsense before the dataset is read
        TraceDataset ds = data.open();
        if (ds.traces().isEmpty()) {
            throw IngestException.inFile(data.data.resolve(TraceDataset.INDEX).toString(),
                    "the dataset has no traces: nothing to evaluate");
        }
        ExperimentOptions o = given.withDatasetInterval(ds.intervalUs());
        PrintWriter w = spec.commandLine().getOut();
        if (o.allTunnels()) {
            java.util.Map<String, Double> possible = org.smarttunnel.eval.experiment.Experiment.possible(
                    org.smarttunnel.eval.experiment.PathPool.of(ds, o.lowLoss()), o);
            double total = possible.values().stream().mapToDouble(Double::doubleValue).sum();
            w.printf(java.util.Locale.ROOT, "All tunnels: %.0f (%s)%n", total, String.join(", ", possible.entrySet()
                    .stream().map(e -> e.getKey() + " " + String.format(java.util.Locale.ROOT, "%.0f", e.getValue()))
                    .toList()));
            w.flush();
        }
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        if (shard != null) {
            org.smarttunnel.eval.experiment.Shard s = org.smarttunnel.eval.experiment.Shard.parse(shard);
            int[] done = org.smarttunnel.eval.experiment.Experiment.shard(ds, o, out, settings(o), s,
                    running.progress(err));
            w.printf(java.util.Locale.ROOT, "Shard %s: %d of %d tunnels replayed into %s in %.0fs; when every shard "
                    + "is done: ./smarttunnel merge --data %s --out REPORTS SHARD_DIRS...%n", s, done[0], done[1],
                    out.resolve(org.smarttunnel.eval.experiment.Shard.FILE), (System.nanoTime() - start) / 1e9,
                    data.data);
            return 0;
        }
        Evaluation.Outcome r;
        try {
            r = Evaluation.run(ds, data.data.toString(), o, out, reproduce(o, data.data, out),
                    new Evaluation.Resume(settings(o), restart), running.progress(err));
        } catch (Journal.Mismatch e) {
            throw new CommandLine.ParameterException(spec.commandLine(), out + " holds an interrupted evaluation "
                    + "with other settings (" + String.join("; ", e.differences()) + "): rerun with its settings to "
                    + "resume it, add --restart to start over, or write to another --out");
        }
        summary(w, r, (System.nanoTime() - start) / 1e9);
        r.run().coarse().warning(o.group()).ifPresent(x -> err.println("warning: " + data.data + ": " + x));
        return 0;
    }

    /**
     * The command line that runs {@code o} again: every option of the experiment spelled out,
     * so that a report says exactly what produced it whatever the defaults become.
     */
    static String reproduce(ExperimentOptions o, Path dataset, Path reports) {
        StringBuilder line = new StringBuilder("./smarttunnel evaluate");
        for (Map.Entry<String, String> f : flags(o, dataset, reports).entrySet()) {
            if (List.of("--modes", "--low-loss", "--deadline", "--out").contains(f.getKey())) {
                line.append(" \\\n   ");
            }
            // a switch (--all-tunnels) has no value
            line.append(' ').append(f.getKey()).append(f.getValue().isEmpty() ? "" : " " + quoted(f.getValue()));
        }
        return line.toString();
    }

    /** Every option of the experiment and its value, in the order {@link #reproduce} spells them. */
    static Map<String, String> flags(ExperimentOptions o, Path dataset, Path reports) {
        ReplayOptions r = o.replay();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("--data", dataset.toString());
        if (o.tunnels().isPresent()) {
            f.put("--tunnels", o.tunnels().get().toString());
        } else {
            f.put("--paths", join(o.paths()));
        }
        f.put("--redundancy", join(o.redundancies()));
        f.put("--group", "" + r.group());
        if (o.tunnels().isEmpty() && !o.allTunnels()) {
            f.put("--runs", "" + o.runs());
        }
        if (o.allTunnels()) {
            f.put("--all-tunnels", "");
            f.put("--max-tunnels", "" + o.maxTunnels());
        }
        f.put("--seed", "" + r.seed());
        f.put("--modes", FitMode.text(r.models().modes()));
        f.put("--allocators", String.join(",", r.allocators().stream().map(Allocator::id).toList()));
        f.put("--low-loss", Numbers.number(o.lowLoss()));
        f.put("--confidence", Numbers.number(o.confidence()));
        f.put("--bootstrap", "" + o.bootstrap());
        f.put("--model", r.models().model().id());
        f.put("--states", "" + r.models().requestedStates());
        f.put("--history", "" + r.models().history());
        f.put("--interval", Durations.format(o.intervalUs() * 1000));
        f.put("--emax", "" + r.emax());
        f.put("--align", r.alignment().id());
        f.put("--shared", r.shared().id());
        f.put("--deadline", Durations.format(r.deadlineUs() * 1000));
        r.spacingUs().ifPresent(s -> f.put("--spacing", Durations.format(s * 1000)));
        f.put("--delays", r.delays().id());
        f.put("--out", reports.toString());
        return f;
    }

    /**
     * What decides this run's results, for its journal: every option but where the data is
     * read from and the reports go (the journal checks the dataset's content itself), and the
     * version that computes them.
     */
    static Map<String, String> settings(ExperimentOptions o) throws IOException {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("version", new Main.Version().getVersion()[0]);
        s.putAll(flags(o, Path.of(""), Path.of("")));
        s.remove("--data");
        s.remove("--out");
        return s;
    }

    /** {@code value} as a POSIX shell reads it back: as it is when it is plain, else in single quotes. */
    private static String quoted(String value) {
        return value.matches("[A-Za-z0-9_./,:=+@%-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }

    private static String join(List<Integer> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    /** What ran, where it went, and the loss-free table. */
    static void summary(PrintWriter w, Evaluation.Outcome r, double seconds) {
        ExperimentOptions o = r.tables().options();
        long intervals = r.run().rows();
        w.printf(Locale.ROOT, "Evaluated %d tunnels (%d cells, %d traces read %d times): %d intervals replayed in %s%n",
                r.run().combinations(), r.run().cells().size(), r.run().pool().traces().size(), r.run().traceLoads(),
                intervals, Durations.human(seconds));
        List<String> empty = r.run().emptyCells();
        boolean together = o.replay().alignment() == ReplayOptions.Alignment.TIME;
        if (!empty.isEmpty()) {
            w.println("No combination " + (together ? "of traces measured together " : "") + "exists for "
                    + String.join(", ", empty) + ": those cells have 0 intervals and empty values");
        }
        if (r.run().combinations() == 0 && o.tunnels().isEmpty()) {
            int most = r.run().pool().sites().stream().mapToInt(s -> s.hosts().size()).max().orElse(0);
            w.printf(Locale.ROOT, "A tunnel needs traces to one site from N different hosts%s; this dataset has at "
                    + "most %d host%s per site%n", together ? ", measured together (send times overlapping by at "
                    + "least one interval; --align time)" : "", most, most == 1 ? "" : "s");
        }
        w.printf(Locale.ROOT, "Tunnels aligned by time (measured together): %d; by interval number: %d%n",
                r.run().aligned(ReplayOptions.Alignment.TIME), r.run().aligned(ReplayOptions.Alignment.INTERVAL));
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
