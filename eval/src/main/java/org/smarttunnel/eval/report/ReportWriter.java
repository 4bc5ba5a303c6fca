package org.smarttunnel.eval.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.MarkdownTable;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.common.text.Durations;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.eval.experiment.Combination;
import org.smarttunnel.eval.experiment.Experiment;
import org.smarttunnel.eval.experiment.ExperimentOptions;
import org.smarttunnel.eval.experiment.ExperimentRow;
import org.smarttunnel.eval.experiment.PathPool;
import org.smarttunnel.eval.experiment.Tables;
import org.smarttunnel.eval.uncertainty.Ci;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.replay.alloc.Allocator;
import org.smarttunnel.replay.alloc.AllocatorGroup;
import org.smarttunnel.replay.run.ReplayOptions;

/**
 * {@code report.md}: what the data is and the findings first, then how to reproduce the run,
 * the dataset, the cells, and the tables laid out like the paper's (allocators as rows, K and G
 * as columns, G descending as the paper prints them) with the paper's published value in
 * parentheses wherever the paper has that cell; cells with fewer than {@link #FEW} intervals
 * carry a mark; then the charts and the files. Nothing in it depends on the machine or the
 * time, so equal runs give equal reports.
 */
public final class ReportWriter {
    public static final String LOSS_FREE_CHART = "loss_free.svg";
    public static final String TRADEOFF_CHART = "loss_vs_late.svg";
    /** A cell with fewer intervals than this gets {@link #MARK}: too few to tell allocators apart. */
    public static final int FEW = 30;
    static final String MARK = "†";

    /** What the report says about where its data came from and how to run it again. */
    public record Source(String data, Optional<String> origin, String reproduce) {
    }

    private final Tables t;
    private final ExperimentOptions o;
    private final Experiment.Result run;
    private final Source source;
    private final StringBuilder md = new StringBuilder();

    private ReportWriter(Tables t, Experiment.Result run, Source source) {
        this.t = t;
        this.o = t.options();
        this.run = run;
        this.source = source;
    }

    public static String lossRateChart(FitMode mode) {
        return "loss_rate_" + mode.id() + ".svg";
    }

    public static String write(Tables t, Experiment.Result run, Source source) {
        return new ReportWriter(t, run, source).render();
    }

    private String render() {
        md.append("# SmartTunnel trace-driven evaluation\n\n");
        md.append("Dataset `").append(source.data()).append("`: ").append(source.origin()
                .map(s -> s + ".")
                .orElse("its origin is not recorded in the dataset (docs/formats.md says how to record it)."))
                .append(' ').append(run.combinations()).append(" tunnels of ").append(join(o.paths()))
                .append(" paths, ").append(run.rows()).append(" interval replays.\n\n");
        findings();
        parameters();
        dataset();
        cells();
        tableII();
        lossFreeTables();
        meanLossTables();
        delayTables();
        expectedLoss();
        calibration();
        charts();
        files();
        return md.toString();
    }

    private void parameters() {
        md.append("## Run\n\nReproduce with:\n\n```sh\n").append(source.reproduce()).append("\n```\n\n");
        md.append("FEC groups of ").append(o.group()).append(" packets, K of them redundant; tunnels of N paths to one "
                + "site from N different hosts, G of them low-loss (whole-trace loss rate below ")
                .append(percent(o.lowLoss())).append("); ").append(o.runs()).append(" seeded tunnels per cell "
                        + "(N, G), each replayed at every K; intervals of ")
                .append(Durations.format(o.intervalUs() * 1000)).append("; predictions pool the previous ")
                .append(o.replay().models().history()).append(" intervals (docs/method.md). The number of threads "
                        + "does not change any result.\n\n");
        md.append("Intervals line up ").append(switch (o.replay().alignment()) {
            case TIME -> "by absolute time: only tunnels of traces measured together were drawn";
            case INTERVAL -> "by interval number, whenever the traces were measured";
            case AUTO -> "by absolute time for tunnels of traces measured together (send times overlapping by at "
                    + "least one interval), by interval number otherwise";
        }).append(": ").append(run.aligned(ReplayOptions.Alignment.TIME)).append(" tunnels aligned by time, ")
                .append(run.aligned(ReplayOptions.Alignment.INTERVAL)).append(" by interval number.\n\n");
    }

    private void dataset() {
        PathPool pool = run.pool();
        double meanRate = pool.traces().stream().mapToDouble(PathPool.PoolTrace::lossRate).average().orElse(0);
        md.append("## Dataset\n\n");
        List<List<String>> rows = List.of(
                List.of("origin", source.origin().orElse("not recorded"), "measured (PlanetLab)"),
                List.of("traces (paths)", Long.toString(pool.traces().size()), "57 hosts x 55 sites"),
                List.of("hosts / sites", pool.hostCount() + " / " + pool.sites().size(), "57 / 55"),
                List.of("low-loss paths (P)", pool.lowCount() + " (" + number(t.pLow()) + ")", "78.5% (0.785)"),
                List.of("probes / lost", pool.probes() + " / " + pool.lost(), "over a billion packets"),
                List.of("mean loss rate of the paths", number(meanRate), "0.0175"));
        md.append(MarkdownTable.of(List.of(Column.text("", r -> r.get(0)), Column.formatted("this run", "",
                r -> r.get(1)), Column.formatted("paper", "", r -> r.get(2))), rows)).append('\n');
    }

    private void cells() {
        md.append("## Cells\n\nPossible sets counts every choice of N traces to one site from N different hosts with "
                + "exactly G low-loss ones; runs are the tunnels drawn. Intervals are per allocator; ").append(MARK)
                .append(" marks fewer than ").append(FEW).append(".\n\n");
        List<Column<Experiment.Cell>> columns = new ArrayList<>(List.of(
                Column.integer("N", "paths", Experiment.Cell::n),
                Column.integer("G", "paths", Experiment.Cell::g),
                Column.fixed("possible sets", "sets", "%.0f", Experiment.Cell::possible),
                Column.integer("runs", "tunnels", c -> c.combinations().size())));
        for (FitMode m : o.modeOrder()) {
            columns.add(Column.formatted(m.id() + " intervals", "intervals", c -> {
                long n = intervals(c.n(), o.redundancies().get(0), c.g(), m, o.allocators().get(0));
                return n + (small(n) ? " " + MARK : "");
            }));
        }
        md.append(MarkdownTable.of(columns, run.cells())).append('\n');
        List<String> empty = run.emptyCells();
        md.append(empty.isEmpty() ? "Every cell has combinations.\n\n"
                : "No combination " + (o.replay().alignment() == ReplayOptions.Alignment.TIME
                        ? "of traces measured together " : "") + "exists for " + String.join(", ", empty)
                        + ": those cells are empty (-) below, "
                        + "and so are the per-N values that need them.\n\n");
    }

    private long intervals(int n, int k, int g, FitMode m, Allocator a) {
        return t.stat(n, k, g, m, a.id()).map(Tables.Stat::intervals).orElse(0L);
    }

    private static boolean small(long intervals) {
        return intervals > 0 && intervals < FEW;
    }

    private void tableII() {
        md.append("## Probability of a loss-free interval (Table II)\n\nOver random N-path tunnels: the cells' "
                + "loss-free shares weighted by C(N,G) P^G (1-P)^(N-G). In parentheses SmartTunnel's value in the "
                + "paper, which does not say for which K.\n\n");
        perPathsTables((m, n, k, a) -> withPaper(fixed(t.lossFreeProbability(n, k, m, a.id()), 4),
                PaperTables.lossFreeProbability(m, n, a, o.group()), 4, t.lossFreeProbabilityCi(n, k, m, a.id())));
        verdict((m, n, k, g, a) -> g > 0 ? null : new Check(PaperTables.lossFreeProbability(m, n, a, o.group()),
                t.lossFreeProbability(n, k, m, a.id()), t.lossFreeProbabilityCi(n, k, m, a.id())), Scale.POINTS);
    }

    /** A paper value, ours and our interval for the same number; null where the table has no such cell. */
    private record Check(OptionalDouble paper, OptionalDouble value, Ci ours) {
    }

    /** How a table's differences from the paper are told: in percentage points, or in decades of a rate. */
    private enum Scale {
        POINTS, PERCENT, DECADES;

        double difference(double ours, double paper) {
            return switch (this) {
                case POINTS -> 100 * (ours - paper);
                case PERCENT -> ours - paper;
                case DECADES -> Math.log10(Math.max(ours, 1e-6) / Math.max(paper, 1e-6));
            };
        }

        String unit() {
            return this == DECADES ? " decades (log10 of the ratio, 0 taken as 1e-6)" : " points";
        }
    }

    private interface CheckOf {
        Check of(FitMode mode, int n, int k, int g, Allocator allocator);
    }

    /**
     * How many of the paper's values in a table lie inside our interval, per mode: the verdict the
     * numbers allow, with the cells where ours has no interval (fewer than two tunnels) left out.
     */
    private void verdict(CheckOf check, Scale scale) {
        List<String> parts = new ArrayList<>();
        for (FitMode m : o.modeOrder()) {
            int inside = 0;
            int compared = 0;
            int above = 0;
            int below = 0;
            double distance = 0;
            for (int n : o.paths()) {
                for (int k : o.redundancies()) {
                    for (int g = 0; g <= n; g++) {
                        for (Allocator a : o.allocators()) {
                            Check c = check.of(m, n, k, g, a);
                            if (c != null && c.paper().isPresent() && c.ours().present() && c.value().isPresent()) {
                                compared++;
                                inside += c.ours().contains(c.paper().getAsDouble()) ? 1 : 0;
                                double d = scale.difference(c.value().getAsDouble(), c.paper().getAsDouble());
                                distance += Math.abs(d);
                                above += d > 0 ? 1 : 0;
                                below += d < 0 ? 1 : 0;
                            }
                        }
                    }
                }
            }
            if (compared > 0) {
                parts.add(String.format(Locale.ROOT, "%s, %d of %d of the paper's values lie inside our %s interval; "
                        + "ours are %.2f%s from the paper's on average, above it in %d and below in %d", m.id(), inside,
                        compared, percent(o.confidence()), distance / compared, scale.unit(), above, below));
            }
        }
        if (!parts.isEmpty()) {
            md.append("Against the paper (✓ inside our interval, ✗ outside): ").append(String.join("; ", parts))
                    .append(".\n\n");
        }
    }

    private void lossFreeTables() {
        md.append("## Loss-free intervals per cell, % (Tables III, IV, VII, VIII)\n\nIn parentheses the paper's value "
                + "(Tables III and IV oracle, VII and VIII predicted; 2 and 3 paths). ").append(MARK)
                .append(": fewer than ").append(FEW).append(" intervals.\n\n");
        cellTables((m, n, k, g, a) -> withPaper(mark(n, k, g, m, a, s -> String.format(Locale.ROOT, "%.2f",
                100.0 * s.lossFreeShare())), PaperTables.lossFreePct(m, n, k, g, a, o.group()), 2, cellCi(n, k, g,
                        m, a, u -> u.lossFree().scaled(100))));
        verdict((m, n, k, g, a) -> new Check(PaperTables.lossFreePct(m, n, k, g, a, o.group()), share(n, k, g, m, a,
                s -> 100 * s.lossFreeShare()), cellCi(n, k, g, m, a, u -> u.lossFree().scaled(100))), Scale.PERCENT);
    }

    /** A cell's value, empty without one. */
    private OptionalDouble share(int n, int k, int g, FitMode m, Allocator a,
            java.util.function.ToDoubleFunction<Tables.Stat> value) {
        Optional<Tables.Stat> s = t.stat(n, k, g, m, a.id());
        return s.isPresent() ? OptionalDouble.of(value.applyAsDouble(s.get())) : OptionalDouble.empty();
    }

    private Ci cellCi(int n, int k, int g, FitMode m, Allocator a,
            java.util.function.Function<org.smarttunnel.eval.uncertainty.CellUncertainty, Ci> ci) {
        return t.stat(n, k, g, m, a.id()).map(s -> ci.apply(s.uncertainty())).orElse(Ci.NONE);
    }

    private void meanLossTables() {
        md.append("## Mean loss rate after FEC per cell (Tables V, VI)\n\nThe mean over intervals of data lost / data "
                + "sent. In parentheses SmartTunnel's value in the paper (oracle, 2 and 3 paths). ").append(MARK)
                .append(": fewer than ").append(FEW).append(" intervals.\n\n");
        cellTables((m, n, k, g, a) -> {
            String ours = mark(n, k, g, m, a, s -> rate(s.meanLossRate()));
            OptionalDouble paper = PaperTables.meanLoss(m, n, k, g, a, o.group());
            return paper.isPresent() ? ours + " (" + rate(paper.getAsDouble()) + against(paper, cellCi(n, k, g, m, a,
                    org.smarttunnel.eval.uncertainty.CellUncertainty::meanLoss)) + ")" : ours;
        });
        verdict((m, n, k, g, a) -> new Check(PaperTables.meanLoss(m, n, k, g, a, o.group()), share(n, k, g, m, a,
                Tables.Stat::meanLossRate), cellCi(n, k, g, m, a,
                        org.smarttunnel.eval.uncertainty.CellUncertainty::meanLoss)), Scale.DECADES);
    }

    /**
     * Delay after FEC beside the loss tables: per mode and N, over random N-path tunnels (cells
     * weighted like Table II), the p95 delivery delay, the p99 in-order delay and the share of
     * data packets lost or late.
     */
    private void delayTables() {
        md.append("## Delay after FEC\n\n");
        if (o.replay().delays() == ReplayOptions.Delays.OFF) {
            md.append("Time metrics were not computed (`--delays off`): loss only.\n\n");
            return;
        }
        if (!t.timed()) {
            md.append("The traces carry no delays (no RTT or one-way delay per probe), so there are no time metrics."
                    + "\n\n");
            return;
        }
        md.append("Over random N-path tunnels (cells weighted like Table II): the p95 of delivery delay and the p99 "
                + "of in-order delay in ms (each the mean over intervals of the interval's percentile), and the "
                + "share of data packets lost or released more than ").append(Durations.format(o.replay()
                        .deadlineUs() * 1000)).append(" after sending, %. Per cell: `delay.csv`; definitions: "
                                + "docs/method.md.\n\n");
        for (FitMode m : o.modeOrder()) {
            for (int n : o.paths()) {
                md.append("**").append(m.id()).append(", ").append(n).append(" paths**\n\n");
                List<Column<Allocator>> columns = new ArrayList<>(List.of(Column.text("allocator", Allocator::id)));
                for (int k : o.redundancies()) {
                    columns.add(Column.formatted("K=" + k + " p95 ms", "", a -> millis(t.weightedTime(n, k, m, a.id(),
                            Tables.Stat::delayP95Ms))));
                    columns.add(Column.formatted("K=" + k + " in-order p99 ms", "", a -> millis(t.weightedTime(n, k,
                            m, a.id(), Tables.Stat::inorderP99Ms))));
                    columns.add(Column.formatted("K=" + k + " lost or late %", "", a -> {
                        OptionalDouble v = t.weightedTime(n, k, m, a.id(), Tables.Stat::lateShare);
                        return v.isPresent() ? String.format(Locale.ROOT, "%.3f", 100 * v.getAsDouble()) : "-";
                    }));
                }
                md.append(MarkdownTable.of(columns, o.allocators())).append('\n');
            }
        }
    }

    private static String millis(OptionalDouble v) {
        return v.isPresent() ? Numbers.millis(v.getAsDouble()) : "-";
    }

    /** A cell's value, "-" without intervals, marked when there are few. */
    private String mark(int n, int k, int g, FitMode m, Allocator a, java.util.function.Function<Tables.Stat, String> value) {
        return t.stat(n, k, g, m, a.id()).map(s -> value.apply(s) + (small(s.intervals()) ? " " + MARK : ""))
                .orElse("-");
    }

    private void expectedLoss() {
        md.append("## Expected loss L(N,K)\n\nSum over G of the cell's mean loss rate times C(N,G) P^G (1-P)^(N-G), "
                + "P = ").append(number(t.pLow())).append(" (this dataset's low-loss share). In parentheses the "
                        + "value the paper's Tables V and VI give with its P = 0.785 (it states L(2,7) = 8e-4 and "
                        + "L(3,14) = 5e-5).\n\n");
        perPathsTables((m, n, k, a) -> {
            OptionalDouble l = t.expectedLoss(n, k, m, a.id());
            OptionalDouble paper = PaperTables.expectedLoss(m, n, k, a, o.group());
            String ours = l.isPresent() ? rate(l.getAsDouble()) : "-";
            return paper.isPresent() ? ours + " (" + rate(paper.getAsDouble()) + against(paper, t.expectedLossCi(n, k,
                    m, a.id())) + ")" : ours;
        });
        verdict((m, n, k, g, a) -> g > 0 ? null : new Check(PaperTables.expectedLoss(m, n, k, a, o.group()),
                t.expectedLoss(n, k, m, a.id()), t.expectedLossCi(n, k, m, a.id())), Scale.DECADES);
    }

    /** A measured loss this many times the expected one counts as the models' promise broken. */
    static final double BROKEN = 2;

    /**
     * Where the measured loss after FEC exceeds what the models expected for the allocations
     * made by more than {@link #BROKEN} times: the cost of taking paths as independent (and of
     * predicting wrongly, in predicted mode).
     */
    private void calibration() {
        md.append("## Expected against measured loss\n\nFor every allocation the models of its mode expected a loss "
                + "rate after FEC (exact, paths taken as independent); `calibration.csv` holds the mean per cell "
                + "beside the measured mean. Cells where the measured loss exceeds ").append(number(BROKEN))
                .append(" times the expected one (and is not 0):\n\n");
        for (FitMode m : o.modeOrder()) {
            int broken = 0;
            int cells = 0;
            List<String> worst = new ArrayList<>();
            for (Tables.CellRow c : t.cellRows()) {
                if (c.mode() != m || c.stat().isEmpty()) {
                    continue;
                }
                Tables.Stat s = c.stat().get();
                cells++;
                if (s.meanLossRate() > 0 && s.meanLossRate() > BROKEN * s.meanExpectedLossRate()) {
                    broken++;
                    if (worst.size() < 12) {
                        worst.add(String.format(Locale.ROOT, "%s N=%d K=%d G=%d (%s vs %s)", c.allocator(), c.n(),
                                c.k(), c.g(), rate(s.meanLossRate()), rate(s.meanExpectedLossRate())));
                    }
                }
            }
            md.append("- ").append(m.id()).append(": ").append(broken).append(" of ").append(cells).append(" cells")
                    .append(worst.isEmpty() ? "." : (broken > worst.size() ? ", among them " : ": ")
                            + String.join(", ", worst) + ".").append('\n');
        }
        md.append('\n');
    }

    private interface PerPathsText {
        String of(FitMode mode, int n, int k, Allocator allocator);
    }

    /** Per mode, a table with allocators as rows and (N, K) as columns. */
    private void perPathsTables(PerPathsText text) {
        for (FitMode m : o.modeOrder()) {
            md.append("**").append(m.id()).append("**\n\n");
            List<Column<Allocator>> columns = new ArrayList<>(List.of(Column.text("allocator", Allocator::id)));
            for (int n : o.paths()) {
                for (int k : o.redundancies()) {
                    columns.add(Column.formatted("N=" + n + " K=" + k, "", a -> text.of(m, n, k, a)));
                }
            }
            md.append(MarkdownTable.of(columns, o.allocators())).append('\n');
        }
    }

    private interface CellText {
        String of(FitMode mode, int n, int k, int g, Allocator allocator);
    }

    /** Per mode and N, a table with allocators as rows and (K, G) as columns, G descending. */
    private void cellTables(CellText text) {
        for (FitMode m : o.modeOrder()) {
            for (int n : o.paths()) {
                md.append("**").append(m.id()).append(", ").append(n).append(" paths**\n\n");
                List<Column<Allocator>> columns = new ArrayList<>(List.of(Column.text("allocator", Allocator::id)));
                for (int k : o.redundancies()) {
                    for (int g = n; g >= 0; g--) {
                        int kk = k;
                        int gg = g;
                        columns.add(Column.formatted("K=" + k + " G=" + g, "", a -> text.of(m, n, kk, gg, a)));
                    }
                }
                md.append(MarkdownTable.of(columns, o.allocators())).append('\n');
            }
        }
    }

    /** The paper's qualitative claims, checked on this run's tables, comparing registry groups. */
    private void findings() {
        List<Allocator> family = inRun(AllocatorGroup.SMARTTUNNEL);
        List<Allocator> baselines = inRun(AllocatorGroup.PAPER_BASELINE);
        md.append("## Findings\n\nComputed from the tables below (a cell counts when it has intervals). Differences "
                + "between allocators are claimed only where McNemar's exact test on the same intervals, Holm-adjusted "
                + "over every comparison of `comparisons.csv`, gives p < ").append(Numbers.number(LEVEL))
                .append(".\n\n");
        for (FitMode m : o.modeOrder()) {
            if (!family.isEmpty() && !baselines.isEmpty()) {
                versus(m, family, baselines);
            }
            for (Allocator a : o.allocators()) {
                int[] byK = monotone(a.id(), m, true);
                int[] byG = monotone(a.id(), m, false);
                md.append("- ").append(m.id()).append(", ").append(a.id()).append(": loss-free share grows (or holds) "
                        + "with K in ").append(byK[0]).append(" of ").append(byK[1]).append(" steps and with G in ")
                        .append(byG[0]).append(" of ").append(byG[1]).append(" steps.\n");
            }
        }
        long few = 0;
        long withData = 0;
        for (Tables.CellRow c : t.cellRows()) {
            if (c.stat().isPresent()) {
                withData++;
                few += small(c.stat().get().intervals()) ? 1 : 0;
            }
        }
        md.append("- ").append(few).append(" of ").append(withData).append(" cells (per mode and allocator) have fewer "
                + "than ").append(FEW).append(" intervals, marked ").append(MARK).append(" below: too few to tell "
                        + "allocators apart there.\n\n");
        md.append("Intervals: the CSV tables give each value a ").append(percent(o.confidence()))
                .append(" interval (`ci_low`, `ci_high`) from a cluster bootstrap over tunnels (")
                .append(o.bootstrap()).append(" draws, seeded; percentile interval), since the intervals of one "
                        + "tunnel share its paths and are not independent; `loss_free.csv` adds the Wilson interval, "
                        + "which takes them as independent and is narrower. The values of Table II and L(N,K) get "
                        + "theirs from the cells' draws weighted alike.\n\n");
    }

    /** The level a Holm-adjusted p-value must be below for a finding to claim a difference. */
    static final double LEVEL = 0.05;

    /**
     * Per cell, the better of the family against the best baseline there (by loss-free share),
     * on the same intervals: ahead or behind where the difference survives Holm, else no
     * difference, and how many of those could not have shown one (too few discordant intervals).
     */
    private void versus(FitMode m, List<Allocator> family, List<Allocator> baselines) {
        int cells = 0;
        int ahead = 0;
        int same = 0;
        int tooSmall = 0;
        List<String> behind = new ArrayList<>();
        for (int n : o.paths()) {
            for (int k : o.redundancies()) {
                for (int g = 0; g <= n; g++) {
                    double best = best(family, n, k, g, m);
                    Allocator rival = bestOf(baselines, n, k, g, m);
                    if (Double.isNaN(best) || rival == null) {
                        continue;
                    }
                    Optional<org.smarttunnel.eval.experiment.Comparison> c = comparison(n, k, g, m, rival);
                    if (c.isEmpty()) {
                        continue;
                    }
                    cells++;
                    org.smarttunnel.eval.experiment.Comparison x = c.get();
                    if (x.significant(LEVEL) && x.aOnly() > x.bOnly()) {
                        ahead++;
                    } else if (x.significant(LEVEL)) {
                        behind.add(String.format(Locale.ROOT, "N=%d K=%d G=%d (%.2f vs %.2f, %s, p = %s)", n, k, g,
                                100 * best, 100 * best(List.of(rival), n, k, g, m), rival.id(),
                                Numbers.number(x.pHolm())));
                    } else {
                        same++;
                        tooSmall += x.tooSmall(LEVEL) ? 1 : 0;
                    }
                }
            }
        }
        md.append("- ").append(m.id()).append(": ").append(ids(family.size() > 1 ? "the better of " : "", family))
                .append(" (the ").append(AllocatorGroup.SMARTTUNNEL.label()).append(") against ")
                .append(ids(baselines.size() > 1 ? "the best of " : "", baselines)).append(" (the ")
                .append(AllocatorGroup.PAPER_BASELINE.label()).append(") per cell: ahead in ").append(ahead)
                .append(" of ").append(cells).append(" cells, behind in ").append(behind.size())
                .append(behind.isEmpty() ? "" : " (" + String.join(", ", behind) + ")").append(", no difference "
                        + "shown in ").append(same).append(" (").append(tooSmall).append(" of them too small to tell: "
                                + "fewer than ").append(discordantNeeded()).append(" intervals where the two differ).\n");
    }

    /** The fewest discordant intervals whose most one-sided outcome reaches the level. */
    private static int discordantNeeded() {
        int d = 1;
        while (org.smarttunnel.eval.uncertainty.PairedTests.smallestP(d) >= LEVEL) {
            d++;
        }
        return d;
    }

    private Optional<org.smarttunnel.eval.experiment.Comparison> comparison(int n, int k, int g, FitMode m,
            Allocator b) {
        return t.comparisons().stream().filter(c -> c.n() == n && c.k() == k && c.g() == g && c.mode().equals(m.id())
                && c.allocatorB().equals(b.id())).findFirst();
    }

    /** The allocator of the highest loss-free share in a cell (ties to the first listed); null without data. */
    private Allocator bestOf(List<Allocator> among, int n, int k, int g, FitMode m) {
        Allocator best = null;
        double share = -1;
        for (Allocator a : among) {
            Optional<Tables.Stat> s = t.stat(n, k, g, m, a.id());
            if (s.isPresent() && s.get().lossFreeShare() > share) {
                best = a;
                share = s.get().lossFreeShare();
            }
        }
        return best;
    }

    private List<Allocator> inRun(AllocatorGroup group) {
        return o.allocators().stream().filter(a -> a.group() == group).toList();
    }

    private static String ids(String lead, List<Allocator> allocators) {
        return lead + String.join(", ", allocators.stream().map(Allocator::id).toList());
    }

    private double best(List<Allocator> allocators, int n, int k, int g, FitMode m) {
        double best = Double.NaN;
        for (Allocator a : allocators) {
            Optional<Tables.Stat> s = t.stat(n, k, g, m, a.id());
            if (s.isPresent() && (Double.isNaN(best) || s.get().lossFreeShare() > best)) {
                best = s.get().lossFreeShare();
            }
        }
        return best;
    }

    /** {grows or holds, steps}: along K (fixed N, G) or along G (fixed N, K). */
    private int[] monotone(String allocator, FitMode m, boolean alongK) {
        int holds = 0;
        int steps = 0;
        List<Integer> ks = o.redundancies().stream().sorted().toList();
        int dk = alongK ? 1 : 0;
        int dg = alongK ? 0 : 1;
        for (int n : o.paths()) {
            for (int i = dk; i < ks.size(); i++) {
                for (int g = dg; g <= n; g++) {
                    Optional<Tables.Stat> a = t.stat(n, ks.get(i - dk), g - dg, m, allocator);
                    Optional<Tables.Stat> b = t.stat(n, ks.get(i), g, m, allocator);
                    if (a.isPresent() && b.isPresent()) {
                        steps++;
                        holds += b.get().lossFreeShare() >= a.get().lossFreeShare() ? 1 : 0;
                    }
                }
            }
        }
        return new int[] {holds, steps};
    }

    private void charts() {
        md.append("## Charts\n\n![Loss-free intervals per allocator, N and K](").append(LOSS_FREE_CHART)
                .append(")\n\n![Loss-free intervals against data lost or late](").append(TRADEOFF_CHART)
                .append(")\n\n");
        for (FitMode m : o.modeOrder()) {
            md.append("![Mean loss rate after FEC by G, ").append(m.id()).append("](").append(lossRateChart(m))
                    .append(")\n\n");
        }
    }

    private void files() {
        md.append("## Files\n\n");
        md.append("- `replay.csv`: every replayed interval (`").append(header(ExperimentRow.TABLE)).append("`)\n");
        md.append("- `combinations.csv`: the tunnels drawn (`").append(header(Combination.TABLE)).append("`)\n");
        for (TableSpec<?> table : List.of(Tables.LOSS_FREE, Tables.MEAN_LOSS, Tables.BY_PATHS, Tables.EXPECTED_LOSS,
                Tables.CALIBRATION, Tables.DELAY)) {
            md.append("- `").append(table.name()).append("`: `").append(header(table)).append("`\n");
        }
    }

    private static String withPaper(String ours, OptionalDouble paper, int decimals, Ci ci) {
        return paper.isPresent() ? ours + " (" + String.format(Locale.ROOT, "%." + decimals + "f", paper.getAsDouble())
                + against(paper, ci) + ")" : ours;
    }

    /** " ✓" when the paper's value lies inside our interval, " ✗" outside, nothing without one. */
    private static String against(OptionalDouble paper, Ci ci) {
        if (paper.isEmpty() || !ci.present()) {
            return "";
        }
        return ci.contains(paper.getAsDouble()) ? " ✓" : " ✗";
    }

    private static String fixed(OptionalDouble v, int decimals) {
        return v.isPresent() ? String.format(Locale.ROOT, "%." + decimals + "f", v.getAsDouble()) : "-";
    }

    /** A loss rate as the paper prints them: 0.0101, 0.0009, 2.6e-5; 0 as 0. */
    static String rate(double v) {
        if (v == 0) {
            return "0";
        }
        if (v >= 1e-4) {
            return String.format(Locale.ROOT, "%.4f", v);
        }
        String s = String.format(Locale.ROOT, "%.1e", v);
        int e = s.indexOf('e');
        return s.substring(0, e) + "e" + Integer.parseInt(s.substring(e + 1));
    }

    private static String number(double v) {
        return Numbers.number(v);
    }

    private static String percent(double v) {
        return number(100 * v) + "%";
    }

    private static String header(TableSpec<?> table) {
        return String.join(",", table.header());
    }

    private static String join(List<Integer> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }
}
