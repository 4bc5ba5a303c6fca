package org.smarttunnel.eval.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.eval.Evaluation;
import org.smarttunnel.eval.Progress;
import org.smarttunnel.eval.experiment.ExperimentOptions;
import org.smarttunnel.eval.experiment.Tables;
import org.smarttunnel.eval.report.PaperTables;
import org.smarttunnel.eval.simulate.SimulationOptions;
import org.smarttunnel.eval.simulate.TraceSimulator;
import org.smarttunnel.eval.uncertainty.Ci;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.fitting.predict.ModelOptions;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.dataset.TraceDataset;
import org.smarttunnel.ingest.dataset.TraceFormat;
import org.smarttunnel.replay.alloc.Allocator;
import org.smarttunnel.replay.alloc.Allocators;
import org.smarttunnel.replay.run.ReplayOptions;

/**
 * How well the simulator's loss-rate drift reproduces the paper's tables: for each drift, a
 * dataset like the demo's (same hosts, duration, probing and seed) is simulated and evaluated
 * with the paper's parameters on 2 and 3 paths, by the allocators the paper's tables have, and
 * every table is compared with the paper's: Tables III, IV (oracle) and VII, VIII (predicted)
 * by the mean absolute difference of the loss-free percentages, Tables V and VI
 * (SmartTunnel's mean loss rate, oracle) by the mean absolute difference of log10 rates (0 taken
 * as 1e-6); with each, the share of the paper's values inside our cell's bootstrap interval.
 */
public final class DriftCalibration {
    /** What to simulate and evaluate. */
    public record Plan(List<Double> drifts, List<Double> shared, int hosts, long durationNs, int runs, long seed,
            int threads, int bootstrap, Path work) {
    }

    /** One table at one drift and share of shared bottlenecks. */
    public record Residual(double drift, double shared, String table, String measure, int cells, double residual,
            int inside) {
        double insideShare() {
            return cells == 0 ? Double.NaN : (double) inside / cells;
        }
    }

    public static final TableSpec<Residual> TABLE = TableSpec.<Residual>named("drift_calibration.csv")
            .about("bench calibrate: per drift and paper table, how far the simulated evaluation lies from the paper")
            .column(Column.number("drift", "sigma of log loss rate per period", Residual::drift))
            .column(Column.number("shared", "probability of the site's bottleneck", Residual::shared))
            .column(Column.text("table", Residual::table))
            .column(Column.text("measure", Residual::measure))
            .column(Column.integer("cells", "cells", Residual::cells))
            .column(Column.number("residual", "points or decades", Residual::residual))
            .column(Column.formatted("paper_inside", "%", r -> Double.isNaN(r.insideShare()) ? ""
                    : String.format(Locale.ROOT, "%.0f", 100 * r.insideShare())))
            .build();

    /** The allocators the paper's tables name. */
    static final String ALLOCATORS = "smarttunnel,rr,greedy,mkwnu";

    private DriftCalibration() {
    }

    public static List<Residual> run(Plan p, Consumer<String> log)
            throws IOException, IngestException, InterruptedException {
        List<Residual> out = new ArrayList<>();
        for (double drift : p.drifts()) {
          for (double shared : p.shared()) {
            String name = String.format(Locale.ROOT, "drift-%s", Numbers.number(drift))
                    + (shared == 0 ? "" : "-shared-" + Numbers.number(shared));
            Path data = p.work().resolve(name).resolve("data");
            SimulationOptions s = SimulationOptions.builder(p.hosts(), 1).durationNs(p.durationNs()).replyOnly(true)
                    .seed(p.seed()).drift(drift).shared(shared).build();
            log.accept("simulating " + p.hosts() + " paths with drift " + Numbers.number(drift)
                    + (shared == 0 ? "" : ", shared bottleneck " + Numbers.number(shared)));
            TraceSimulator.write(s, data, org.smarttunnel.common.options.Defaults.micros(
                    org.smarttunnel.common.options.Defaults.INTERVAL), TraceFormat.COMPACT);
            ExperimentOptions o = ExperimentOptions.builder().paths(List.of(2, 3)).runs(p.runs()).threads(p.threads())
                    .bootstrap(p.bootstrap()).replay(ReplayOptions.builder().seed(p.seed())
                            .allocators(Allocators.parse(ALLOCATORS)).models(ModelOptions.builder()
                                    .modes(EnumSet.allOf(FitMode.class)).build()).build())
                    .build();
            log.accept("evaluating (N 2,3; " + ALLOCATORS + ")");
            Tables t = Evaluation.run(TraceDataset.open(data), data.toString(), o, p.work().resolve(name)
                    .resolve("reports"), "bench calibrate", Progress.silent()).tables();
            out.addAll(compare(drift, shared, t, o));
          }
        }
        return out;
    }

    /** The six tables at one drift and share. */
    static List<Residual> compare(double drift, double shared, Tables t, ExperimentOptions o) {
        List<Residual> out = new ArrayList<>();
        String[] names = {"III", "IV", "VII", "VIII"};
        int i = 0;
        for (FitMode m : List.of(FitMode.ORACLE, FitMode.PREDICTED)) {
            for (int n = 2; n <= 3; n++) {
                out.add(table(drift, shared, names[i++], "loss-free %: mean |ours - paper| (points)", t, o, m, n,
                        false));
            }
        }
        out.add(table(drift, shared, "V", "mean loss: mean |log10 ours/paper| (decades)", t, o, FitMode.ORACLE, 2,
                true));
        out.add(table(drift, shared, "VI", "mean loss: mean |log10 ours/paper| (decades)", t, o, FitMode.ORACLE, 3,
                true));
        return out;
    }

    private static Residual table(double drift, double shared, String name, String measure, Tables t, ExperimentOptions o,
            FitMode m, int n, boolean loss) {
        int cells = 0;
        int inside = 0;
        double sum = 0;
        for (int k : o.redundancies()) {
            for (int g = 0; g <= n; g++) {
                for (Allocator a : o.allocators()) {
                    OptionalDouble paper = loss ? PaperTables.meanLoss(m, n, k, g, a, o.group())
                            : PaperTables.lossFreePct(m, n, k, g, a, o.group());
                    var stat = t.stat(n, k, g, m, a.id());
                    if (paper.isEmpty() || stat.isEmpty()) {
                        continue;
                    }
                    double ours = loss ? stat.get().meanLossRate() : 100 * stat.get().lossFreeShare();
                    Ci ci = loss ? stat.get().uncertainty().meanLoss() : stat.get().uncertainty().lossFree().scaled(100);
                    cells++;
                    inside += ci.contains(paper.getAsDouble()) ? 1 : 0;
                    sum += loss ? Math.abs(Math.log10(Math.max(ours, 1e-6) / Math.max(paper.getAsDouble(), 1e-6)))
                            : Math.abs(ours - paper.getAsDouble());
                }
            }
        }
        return new Residual(drift, shared, name, measure, cells, cells == 0 ? Double.NaN : sum / cells, inside);
    }

    /** A simulator setting tried. */
    public record Setting(double drift, double shared) {
        @Override
        public String toString() {
            return "drift " + Numbers.number(drift) + (shared == 0 ? "" : " with shared " + Numbers.number(shared));
        }
    }

    /** The setting of least mean residual over the given tables (ties to the smaller drift, then share). */
    public static Setting best(List<Residual> rows, List<String> tables) {
        Setting best = null;
        double least = Double.POSITIVE_INFINITY;
        List<Setting> settings = rows.stream().map(r -> new Setting(r.drift(), r.shared())).distinct()
                .sorted(java.util.Comparator.comparingDouble(Setting::drift).thenComparingDouble(Setting::shared))
                .toList();
        for (Setting s : settings) {
            double mean = rows.stream().filter(r -> r.drift() == s.drift() && r.shared() == s.shared()
                    && tables.contains(r.table())).mapToDouble(Residual::residual).average().orElse(Double.NaN);
            if (mean < least) {
                least = mean;
                best = s;
            }
        }
        return best;
    }
}
