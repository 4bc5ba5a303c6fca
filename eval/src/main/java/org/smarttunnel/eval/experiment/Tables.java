package org.smarttunnel.eval.experiment;


import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.stat.StatUtils;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.eval.uncertainty.Ci;
import org.smarttunnel.eval.uncertainty.CellUncertainty;
import org.smarttunnel.eval.uncertainty.ClusterBootstrap;
import org.smarttunnel.eval.uncertainty.PairedTests;
import org.smarttunnel.eval.uncertainty.Wilson;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.replay.alloc.Allocator;
import org.smarttunnel.replay.engine.IntervalResult;
import org.smarttunnel.replay.time.TimeMetrics;

/**
 * The paper's tables, built from the replayed rows as they stream out of the experiment (never
 * read back from {@code replay.csv}, whose numbers are rounded): per cell (N, K, G), mode and
 * allocator, the intervals replayed, the share of them without any data lost after FEC
 * (Tables III, IV, VII, VIII) and the mean over intervals of the interval's loss rate after
 * FEC, data lost / data sent (Tables V, VI); per (N, K) the probability of a loss-free
 * interval (Table II) and the expected loss L_{N,K} (section V-B), both weighting cell G by
 * the chance C(N,G) P^G (1-P)^(N-G) that a random N-path tunnel has G low-loss paths, P the
 * dataset's share of low-loss paths. Every cell of the grid gets a row; a cell without
 * combinations has 0 intervals and empty values, and so does a per-N value that needs it.
 */
public final class Tables {
    /** A cell of the grid. */
    public record Key(int n, int k, int g, String mode, String allocator) {
    }

    /**
     * What a cell's intervals gave: how many, how many were loss-free, the mean loss rate after
     * FEC, and the mean loss rate the models expected for the allocations made; then how many
     * had time metrics and the means over those of the p95 delivery delay, p99 in-order delay and
     * jitter (ms), the reordered and the lost-or-late shares (each NaN where no interval has it).
     */
    public record Stat(long intervals, long lossFree, double meanLossRate, double meanExpectedLossRate, long timed,
            double delayP95Ms, double inorderP99Ms, double jitterMs, double reorderedShare, double lateShare,
            CellUncertainty uncertainty) {
        public double lossFreeShare() {
            return (double) lossFree / intervals;
        }
    }

    /**
     * What the tables take from one replayed interval, exactly (the doubles as computed, not as
     * printed in replay.csv): its cell, whether it was loss-free, its loss rate from the exact
     * counts, the loss rate the models expected, and its time measures (NaN where it has none;
     * all NaN unless {@code timed}). The evaluation's journal keeps these for a resumed run.
     */
    public record Sample(Key key, int run, int interval, boolean lossFree, double lossRate, double expectedLossRate,
            boolean timed, double delayP95Ms, double inorderP99Ms, double jitterMs, double reorderedShare,
            double lateShare) {
        public static Sample of(ExperimentRow row) {
            IntervalResult r = row.replay().result();
            Key key = new Key(row.n(), row.k(), row.g(), row.replay().mode().id(), row.replay().allocator());
            double rate = r.dataSent() == 0 ? 0 : (double) r.dataLost() / r.dataSent();
            Optional<TimeMetrics> time = row.replay().time();
            if (time.isEmpty()) {
                return new Sample(key, row.run(), row.replay().interval(), r.lossFree(), rate,
                        row.replay().expectedLossRate(), false, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN);
            }
            TimeMetrics t = time.get();
            return new Sample(key, row.run(), row.replay().interval(), r.lossFree(), rate,
                    row.replay().expectedLossRate(), true,
                    t.delayP95Ms().orElse(Double.NaN), t.inorderP99Ms().orElse(Double.NaN), t.jitterMs().orElse(Double.NaN),
                    t.reorderedShare().orElse(Double.NaN), t.lateShare());
        }
    }

    /** A row of loss_free.csv and mean_loss.csv: a cell of the grid and what its intervals gave, if any. */
    public record CellRow(int n, int k, int g, FitMode mode, String allocator, Optional<Stat> stat) {
        long intervals() {
            return stat.map(Stat::intervals).orElse(0L);
        }
    }

    /** A row of loss_free_by_paths.csv and expected_loss.csv: one (N, K, mode, allocator) over every G. */
    public record PathsRow(int n, int k, FitMode mode, String allocator, long intervals, OptionalDouble lossFreeProb,
            OptionalDouble expectedLoss, double pLow, Ci lossFreeCi, Ci expectedLossCi) {
    }

    /**
     * Tables III, IV, VII, VIII: % of the cell's intervals without any data lost after FEC; its
     * cluster-bootstrap interval (tunnels resampled) and its Wilson interval (intervals taken as
     * independent), in %.
     */
    public static final TableSpec<CellRow> LOSS_FREE = cellTable("loss_free.csv", "evaluate, Tables III, IV, VII, "
            + "VIII: per cell, mode and allocator, the percentage of intervals without data lost after FEC, with its "
            + "cluster-bootstrap and Wilson intervals",
            Column.formatted("loss_free_pct",
            "%", r -> r.stat().map(s -> Numbers.number(100.0 * s.lossFree() / s.intervals())).orElse("")),
            ci("ci_low", "%", u -> u.lossFree().scaled(100), true), ci("ci_high", "%", u -> u.lossFree().scaled(100),
                    false),
            ci("wilson_low", "%", u -> u.wilson().scaled(100), true), ci("wilson_high", "%",
                    u -> u.wilson().scaled(100), false));

    /** Tables V, VI: the mean over the cell's intervals of data_lost / data_sent, with its bootstrap interval. */
    public static final TableSpec<CellRow> MEAN_LOSS = cellTable("mean_loss.csv", "evaluate, Tables V and VI: per "
            + "cell, mode and allocator, the mean over intervals of data lost / data sent, with its cluster-bootstrap "
            + "interval", Column.formatted("mean_loss_rate",
            "fraction", r -> r.stat().map(s -> Numbers.number(s.meanLossRate())).orElse("")),
            ci("ci_low", "fraction", CellUncertainty::meanLoss, true), ci("ci_high", "fraction",
                    CellUncertainty::meanLoss, false));

    /** Expected against measured: what assuming independent paths promised, and what the traces gave. */
    /** Delay after FEC per cell: means over the intervals with time metrics (METHOD section 9). */
    public static final TableSpec<CellRow> DELAY = cellTable("delay.csv", "evaluate: per cell, mode and allocator, "
            + "over the intervals with time metrics (their count in intervals), the means of the interval's p95 "
            + "delivery delay, p99 in-order delay, jitter, reordered share and share of data lost or late",
            r -> r.stat().map(Stat::timed).orElse(0L),
            time("delay_p95_ms", "ms", Stat::delayP95Ms, true), time("inorder_p99_ms", "ms", Stat::inorderP99Ms, true),
            time("jitter_ms", "ms", Stat::jitterMs, true), time("reordered_share", "fraction", Stat::reorderedShare,
                    false), time("late_share", "fraction", Stat::lateShare, false),
            Column.formatted("ci_low", "ms", r -> r.stat().filter(s -> s.timed() > 0)
                    .map(s -> s.uncertainty().delayP95()).filter(Ci::present).map(c -> Numbers.millis(c.low()))
                    .orElse("")),
            Column.formatted("ci_high", "ms", r -> r.stat().filter(s -> s.timed() > 0)
                    .map(s -> s.uncertainty().delayP95()).filter(Ci::present).map(c -> Numbers.millis(c.high()))
                    .orElse("")));

    public static final TableSpec<CellRow> CALIBRATION = cellTable("calibration.csv", "evaluate: per cell, mode "
            + "and allocator, the mean loss rate after FEC the models expected for the allocations made (exact, "
            + "paths taken as independent) beside the measured one", Column.formatted("expected_loss_rate",
            "fraction", r -> r.stat().map(s -> Numbers.number(s.meanExpectedLossRate())).orElse("")),
            Column.formatted("measured_loss_rate", "fraction",
                    r -> r.stat().map(s -> Numbers.number(s.meanLossRate())).orElse("")));

    /** Table II: probability of a loss-free interval over random N-path tunnels. */
    public static final TableSpec<PathsRow> BY_PATHS = TableSpec.<PathsRow>named("loss_free_by_paths.csv")
            .about("evaluate, Table II: per N, K, mode and allocator, the probability of a loss-free interval over "
                    + "random N-path tunnels")
            .column(Column.integer("n_paths", "paths", PathsRow::n))
            .column(Column.integer("k", "packets", PathsRow::k))
            .column(Column.text("mode", r -> r.mode().id()))
            .column(Column.text("allocator", PathsRow::allocator))
            .column(Column.integer("intervals", "intervals", PathsRow::intervals))
            .column(Column.formatted("loss_free_prob", "probability", r -> optional(r.lossFreeProb())))
            .column(Column.formatted("ci_low", "probability", r -> end(r.lossFreeCi(), true)))
            .column(Column.formatted("ci_high", "probability", r -> end(r.lossFreeCi(), false)))
            .build();

    /** L(N,K) of the paper's section V-B. */
    public static final TableSpec<PathsRow> EXPECTED_LOSS = TableSpec.<PathsRow>named("expected_loss.csv")
            .about("evaluate: the expected loss L(N,K) of the paper's section V-B")
            .column(Column.integer("n_paths", "paths", PathsRow::n))
            .column(Column.integer("k", "packets", PathsRow::k))
            .column(Column.text("mode", r -> r.mode().id()))
            .column(Column.text("allocator", PathsRow::allocator))
            .column(Column.number("p_low", "fraction", PathsRow::pLow))
            .column(Column.formatted("expected_loss", "fraction", r -> optional(r.expectedLoss())))
            .column(Column.formatted("ci_low", "fraction", r -> end(r.expectedLossCi(), true)))
            .column(Column.formatted("ci_high", "fraction", r -> end(r.expectedLossCi(), false)))
            .build();

    /** An end of a cell's interval, empty when the cell or its interval is missing. */
    private static Column<CellRow> ci(String name, String unit, java.util.function.Function<CellUncertainty, Ci> ci,
            boolean low) {
        return Column.formatted(name, unit, r -> r.stat().map(s -> end(ci.apply(s.uncertainty()), low)).orElse(""));
    }

    private static String end(Ci ci, boolean low) {
        return ci.present() ? Numbers.number(low ? ci.low() : ci.high()) : "";
    }

    /** A time mean of a cell, empty without one: milliseconds with three decimals, or a share. */
    private static Column<CellRow> time(String name, String unit, java.util.function.ToDoubleFunction<Stat> value,
            boolean millis) {
        return Column.formatted(name, unit, r -> r.stat().filter(s -> s.timed() > 0).map(s -> {
            double v = value.applyAsDouble(s);
            return millis ? Numbers.millis(v) : Numbers.number(v);
        }).orElse(""));
    }

    /** A per-cell table: the cell, mode, allocator and intervals, then {@code values}. */
    @SafeVarargs
    private static TableSpec<CellRow> cellTable(String name, String about, Column<CellRow>... values) {
        return cellTable(name, about, CellRow::intervals, values);
    }

    /** A per-cell table whose intervals column counts what {@code intervals} says. */
    @SafeVarargs
    private static TableSpec<CellRow> cellTable(String name, String about,
            java.util.function.ToLongFunction<CellRow> intervals, Column<CellRow>... values) {
        TableSpec.Builder<CellRow> b = TableSpec.<CellRow>named(name).about(about)
                .column(Column.integer("n_paths", "paths", CellRow::n))
                .column(Column.integer("k", "packets", CellRow::k))
                .column(Column.integer("g", "paths", CellRow::g))
                .column(Column.text("mode", r -> r.mode().id()))
                .column(Column.text("allocator", CellRow::allocator))
                .column(Column.integer("intervals", "intervals", intervals));
        for (Column<CellRow> v : values) {
            b = b.column(v);
        }
        return b.build();
    }

    private static String optional(OptionalDouble v) {
        return v.isPresent() ? Numbers.number(v.getAsDouble()) : "";
    }

    private final ExperimentOptions o;
    private final double pLow;
    private final Map<Key, Stat> stats;
    private final Map<Key, Collector.Cell> cells;
    /** Computed when first asked for (report and file alike). */
    private List<Comparison> comparisons;

    private Tables(ExperimentOptions o, double pLow, Map<Key, Stat> stats, Map<Key, Collector.Cell> cells) {
        this.o = o;
        this.pLow = pLow;
        this.stats = stats;
        this.cells = cells;
    }

    /**
     * Gathers the replayed rows, as they stream out of the experiment, into columns of the
     * values the summaries need, one set per (N, K, G, mode, allocator) in arrival order, and
     * summarises each: its count, and commons-math3's sum and mean (the two-pass mean with its
     * correction term) over the values that are not NaN — what Tablesaw's count, sum and mean
     * computed when the columns were Tablesaw's, number for number; Tablesaw and the 30 MB of
     * libraries it brings (half the launcher's start went to opening that jar) are gone.
     */
    public static final class Collector {
        private final Map<Key, Cell> cells = new LinkedHashMap<>();

        /** One cell's values. */
        private static final class Cell {
            /** Each value's tunnel (run of the cell) and interval number, for the bootstrap and the pairing. */
            int[] runs = new int[16];
            int[] intervals = new int[16];
            final Values lossFree = new Values();
            // The interval's loss rate from the exact counts, not from loss_rate (rounded to six digits).
            final Values rate = new Values();
            final Values expected = new Values();
            final Values timed = new Values();
            final Values delayP95 = new Values();
            final Values inorderP99 = new Values();
            final Values jitter = new Values();
            final Values reordered = new Values();
            final Values late = new Values();
        }

        /** A growing column of numbers; NaN is a missing value. */
        static final class Values {
            private double[] values = new double[16];
            private int size;

            void append(double v) {
                if (size == values.length) {
                    values = java.util.Arrays.copyOf(values, 2 * size);
                }
                values[size++] = v;
            }

            int size() {
                return size;
            }

            /** Every value, NaN included, in order (a copy). */
            double[] all() {
                return java.util.Arrays.copyOf(values, size);
            }

            /** The values that are not NaN, in order. */
            double[] present() {
                double[] out = new double[size];
                int n = 0;
                for (int i = 0; i < size; i++) {
                    if (!Double.isNaN(values[i])) {
                        out[n++] = values[i];
                    }
                }
                return n == size ? out : java.util.Arrays.copyOf(out, n);
            }

            /** Sum of the present values (NaN when none). */
            double sum() {
                return StatUtils.sum(present());
            }

            /** Mean of the present values (NaN when none). */
            double mean() {
                return StatUtils.mean(present());
            }
        }

        public void add(ExperimentRow row) {
            add(Sample.of(row));
        }

        public void add(Sample s) {
            Cell c = cells.computeIfAbsent(s.key(), key -> new Cell());
            int i = c.lossFree.size();
            if (i == c.runs.length) {
                c.runs = java.util.Arrays.copyOf(c.runs, 2 * i);
                c.intervals = java.util.Arrays.copyOf(c.intervals, 2 * i);
            }
            c.runs[i] = s.run();
            c.intervals[i] = s.interval();
            c.lossFree.append(s.lossFree() ? 1 : 0);
            c.rate.append(s.lossRate());
            c.expected.append(s.expectedLossRate());
            c.timed.append(s.timed() ? 1 : 0);
            c.delayP95.append(s.delayP95Ms());
            c.inorderP99.append(s.inorderP99Ms());
            c.jitter.append(s.jitterMs());
            c.reordered.append(s.reorderedShare());
            c.late.append(s.lateShare());
        }

        public Tables tables(ExperimentOptions o, double pLow) {
            // the tunnels of each (N, G), in run order: every K, mode and allocator of it resamples them alike
            Map<List<Integer>, java.util.TreeSet<Integer>> runs = new HashMap<>();
            for (Map.Entry<Key, Cell> e : cells.entrySet()) {
                java.util.TreeSet<Integer> set = runs.computeIfAbsent(List.of(e.getKey().n(), e.getKey().g()),
                        x -> new java.util.TreeSet<>());
                Cell c = e.getValue();
                for (int i = 0; i < c.lossFree.size(); i++) {
                    set.add(c.runs[i]);
                }
            }
            Map<List<Integer>, int[][]> resamples = new HashMap<>();
            Map<List<Integer>, int[]> order = new HashMap<>();
            runs.forEach((ng, set) -> {
                int[] sorted = set.stream().mapToInt(Integer::intValue).toArray();
                order.put(ng, sorted);
                resamples.put(ng, sorted.length < 2 ? new int[0][]
                        : ClusterBootstrap.resamples(o.seed(), ng.get(0), ng.get(1), sorted.length, o.bootstrap()));
            });
            Map<Key, Stat> stats = new HashMap<>();
            for (Map.Entry<Key, Cell> e : cells.entrySet()) {
                Cell c = e.getValue();
                List<Integer> ng = List.of(e.getKey().n(), e.getKey().g());
                long lossFree = Math.round(c.lossFree.sum());
                CellUncertainty u = uncertainty(c, lossFree, order.get(ng), resamples.get(ng), o.confidence());
                // the means skip missing values: a time mean is over the intervals that have it
                stats.put(e.getKey(), new Stat(c.lossFree.size(), lossFree, c.rate.mean(),
                        c.expected.mean(), Math.round(c.timed.sum()), c.delayP95.mean(), c.inorderP99.mean(),
                        c.jitter.mean(), c.reordered.mean(), c.late.mean(), u));
            }
            return new Tables(o, pLow, stats, Map.copyOf(cells));
        }

        /** A cell's intervals: Wilson's on its share, the bootstrap's from per-tunnel sums. */
        private static CellUncertainty uncertainty(Cell c, long lossFree, int[] runs, int[][] resamples,
                double confidence) {
            int n = c.lossFree.size();
            Ci wilson = Wilson.interval(lossFree, n, confidence);
            if (resamples.length == 0) {
                return new CellUncertainty(runs.length, wilson, Ci.NONE, Ci.NONE, Ci.NONE, new double[0],
                        new double[0]);
            }
            double[] count = new double[runs.length];
            double[] free = new double[runs.length];
            double[] rate = new double[runs.length];
            double[] timed = new double[runs.length];
            double[] delay = new double[runs.length];
            double[] delays = c.delayP95.all();
            double[] frees = c.lossFree.all();
            double[] rates = c.rate.all();
            for (int i = 0; i < n; i++) {
                int t = java.util.Arrays.binarySearch(runs, c.runs[i]);
                count[t]++;
                free[t] += frees[i];
                rate[t] += rates[i];
                if (!Double.isNaN(delays[i])) {
                    timed[t]++;
                    delay[t] += delays[i];
                }
            }
            double[] freeDraws = ClusterBootstrap.ratioDraws(resamples, free, count);
            double[] lossDraws = ClusterBootstrap.ratioDraws(resamples, rate, count);
            double[] delayDraws = ClusterBootstrap.ratioDraws(resamples, delay, timed);
            return new CellUncertainty(runs.length, wilson, ClusterBootstrap.percentile(freeDraws, confidence),
                    ClusterBootstrap.percentile(lossDraws, confidence), ClusterBootstrap.percentile(delayDraws,
                            confidence), freeDraws, lossDraws);
        }
    }

    public double pLow() {
        return pLow;
    }

    public ExperimentOptions options() {
        return o;
    }

    public Optional<Stat> stat(int n, int k, int g, FitMode mode, String allocator) {
        return Optional.ofNullable(stats.get(new Key(n, k, g, mode.id(), allocator)));
    }

    /** C(N,G) P^G (1-P)^(N-G) with this dataset's P. */
    public double weight(int n, int g) {
        return weight(n, g, pLow);
    }

    /** C(N,G) P^G (1-P)^(N-G): the chance that a random N-path tunnel has G low-loss paths. */
    public static double weight(int n, int g, double p) {
        double c = 1;
        for (int i = 1; i <= g; i++) {
            c = c * (n - g + i) / i;
        }
        return c * Math.pow(p, g) * Math.pow(1 - p, n - g);
    }

    /** Probability of a loss-free interval over random N-path tunnels (Table II); empty when a weighted cell has no data. */
    public OptionalDouble lossFreeProbability(int n, int k, FitMode mode, String allocator) {
        return weighted(n, k, mode, allocator, Stat::lossFreeShare);
    }

    /**
     * A time measure over random N-path tunnels, weighted like Table II; empty when a weighted
     * cell has no interval with time metrics.
     */
    public OptionalDouble weightedTime(int n, int k, FitMode mode, String allocator,
            java.util.function.ToDoubleFunction<Stat> value) {
        OptionalDouble v = weighted(n, k, mode, allocator, value);
        return v.isPresent() && !Double.isNaN(v.getAsDouble()) ? v : OptionalDouble.empty();
    }

    /** Whether any replayed interval had time metrics. */
    public boolean timed() {
        return stats.values().stream().anyMatch(s -> s.timed() > 0);
    }

    /** L_{N,K}: the cells' mean loss rates weighted by the chance of G. */
    public OptionalDouble expectedLoss(int n, int k, FitMode mode, String allocator) {
        return weighted(n, k, mode, allocator, Stat::meanLossRate);
    }

    private OptionalDouble weighted(int n, int k, FitMode mode, String allocator,
            java.util.function.ToDoubleFunction<Stat> value) {
        double sum = 0;
        for (int g = 0; g <= n; g++) {
            double w = weight(n, g);
            if (w == 0) {
                continue;
            }
            Optional<Stat> s = stat(n, k, g, mode, allocator);
            if (s.isEmpty()) {
                return OptionalDouble.empty();
            }
            sum += w * value.applyAsDouble(s.get());
        }
        return OptionalDouble.of(sum);
    }

    /** Intervals of every cell (N, K, *). */
    public long intervals(int n, int k, FitMode mode, String allocator) {
        long total = 0;
        for (int g = 0; g <= n; g++) {
            total += stat(n, k, g, mode, allocator).map(Stat::intervals).orElse(0L);
        }
        return total;
    }

    /** Every cell of the grid, in the order of the tables: N, K, G, mode, allocator. */
    public List<CellRow> cellRows() {
        List<CellRow> rows = new ArrayList<>();
        for (int n : o.paths()) {
            for (int k : o.redundancies()) {
                for (int g = 0; g <= n; g++) {
                    for (FitMode mode : o.modeOrder()) {
                        for (Allocator a : o.allocators()) {
                            rows.add(new CellRow(n, k, g, mode, a.id(), stat(n, k, g, mode, a.id())));
                        }
                    }
                }
            }
        }
        return rows;
    }

    /** A row per (N, K, mode, allocator). */
    public List<PathsRow> pathsRows() {
        List<PathsRow> rows = new ArrayList<>();
        for (int n : o.paths()) {
            for (int k : o.redundancies()) {
                for (FitMode mode : o.modeOrder()) {
                    for (Allocator a : o.allocators()) {
                        rows.add(new PathsRow(n, k, mode, a.id(), intervals(n, k, mode, a.id()),
                                lossFreeProbability(n, k, mode, a.id()), expectedLoss(n, k, mode, a.id()), pLow,
                                lossFreeProbabilityCi(n, k, mode, a.id()), expectedLossCi(n, k, mode, a.id())));
                    }
                }
            }
        }
        return rows;
    }

    /** Table II's value's interval (the cells' bootstrap draws weighted like the value). */
    public Ci lossFreeProbabilityCi(int n, int k, FitMode mode, String allocator) {
        return weightedCi(n, k, mode, allocator, CellUncertainty::lossFreeDraws);
    }

    /** L(N,K)'s interval. */
    public Ci expectedLossCi(int n, int k, FitMode mode, String allocator) {
        return weightedCi(n, k, mode, allocator, CellUncertainty::meanLossDraws);
    }

    /**
     * The interval of a Table II-like value: each bootstrap draw weighted over G like the value
     * itself (the cells' draws resample each (N, G)'s tunnels independently); NONE when a weighted
     * cell has no draws.
     */
    private Ci weightedCi(int n, int k, FitMode mode, String allocator,
            java.util.function.Function<CellUncertainty, double[]> draws) {
        double[] sum = null;
        for (int g = 0; g <= n; g++) {
            double w = weight(n, g);
            if (w == 0) {
                continue;
            }
            Optional<Stat> s = stat(n, k, g, mode, allocator);
            if (s.isEmpty() || draws.apply(s.get().uncertainty()).length == 0) {
                return Ci.NONE;
            }
            double[] d = draws.apply(s.get().uncertainty());
            if (sum == null) {
                sum = new double[d.length];
            }
            for (int b = 0; b < d.length; b++) {
                sum[b] += w * d[b];
            }
        }
        return sum == null ? Ci.NONE : ClusterBootstrap.percentile(sum, o.confidence());
    }

    /**
     * Per cell and mode, the best of the SmartTunnel family there (the highest loss-free share,
     * ties to the first listed) against every allocator outside it, on the intervals both replayed
     * (paired by tunnel and interval); Holm's adjustment over all of them, per test.
     */
    public List<Comparison> comparisons() {
        if (comparisons == null) {
            comparisons = List.copyOf(compare());
        }
        return comparisons;
    }

    private List<Comparison> compare() {
        List<Allocator> family = o.allocators().stream()
                .filter(a -> a.group() == org.smarttunnel.replay.alloc.AllocatorGroup.SMARTTUNNEL).toList();
        List<Allocator> others = o.allocators().stream()
                .filter(a -> a.group() != org.smarttunnel.replay.alloc.AllocatorGroup.SMARTTUNNEL).toList();
        List<Comparison> raw = new ArrayList<>();
        for (int n : o.paths()) {
            for (int k : o.redundancies()) {
                for (int g = 0; g <= n; g++) {
                    for (FitMode mode : o.modeOrder()) {
                        Allocator best = null;
                        double bestShare = -1;
                        for (Allocator a : family) {
                            Optional<Stat> s = stat(n, k, g, mode, a.id());
                            if (s.isPresent() && s.get().lossFreeShare() > bestShare) {
                                best = a;
                                bestShare = s.get().lossFreeShare();
                            }
                        }
                        if (best == null) {
                            continue;
                        }
                        for (Allocator b : others) {
                            Collector.Cell cb = cells.get(new Key(n, k, g, mode.id(), b.id()));
                            if (cb != null) {
                                raw.add(pair(n, k, g, mode, best.id(), cells.get(new Key(n, k, g, mode.id(),
                                        best.id())), b.id(), cb));
                            }
                        }
                    }
                }
            }
        }
        double[] p = raw.stream().mapToDouble(Comparison::pValue).toArray();
        double[] sign = raw.stream().mapToDouble(Comparison::signP).toArray();
        double[] pHolm = PairedTests.holm(p);
        double[] signHolm = PairedTests.holm(sign);
        List<Comparison> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Comparison c = raw.get(i);
            out.add(new Comparison(c.n(), c.k(), c.g(), c.mode(), c.allocatorA(), c.allocatorB(), c.intervals(),
                    c.aOnly(), c.bOnly(), c.pValue(), pHolm[i], c.aLower(), c.bLower(), c.signP(), signHolm[i]));
        }
        return out;
    }

    /** The two cells' intervals paired by (tunnel, interval). */
    private static Comparison pair(int n, int k, int g, FitMode mode, String a, Collector.Cell ca, String b,
            Collector.Cell cb) {
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < ca.lossFree.size(); i++) {
            index.put(((long) ca.runs[i] << 32) | (ca.intervals[i] & 0xFFFFFFFFL), i);
        }
        double[] freeA = ca.lossFree.all();
        double[] rateA = ca.rate.all();
        double[] freeB = cb.lossFree.all();
        double[] rateB = cb.rate.all();
        long pairs = 0;
        long aOnly = 0;
        long bOnly = 0;
        long aLower = 0;
        long bLower = 0;
        for (int j = 0; j < cb.lossFree.size(); j++) {
            Integer i = index.get(((long) cb.runs[j] << 32) | (cb.intervals[j] & 0xFFFFFFFFL));
            if (i == null) {
                continue;
            }
            pairs++;
            boolean fa = freeA[i] == 1;
            boolean fb = freeB[j] == 1;
            aOnly += fa && !fb ? 1 : 0;
            bOnly += fb && !fa ? 1 : 0;
            aLower += rateA[i] < rateB[j] ? 1 : 0;
            bLower += rateB[j] < rateA[i] ? 1 : 0;
        }
        return new Comparison(n, k, g, mode.id(), a, b, pairs, aOnly, bOnly, PairedTests.exactBinomial(aOnly, bOnly),
                Double.NaN, aLower, bLower, PairedTests.exactBinomial(aLower, bLower), Double.NaN);
    }
}
