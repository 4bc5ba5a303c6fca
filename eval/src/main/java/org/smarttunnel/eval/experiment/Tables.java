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
            double delayP95Ms, double inorderP99Ms, double jitterMs, double reorderedShare, double lateShare) {
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
    public record Sample(Key key, boolean lossFree, double lossRate, double expectedLossRate, boolean timed,
            double delayP95Ms, double inorderP99Ms, double jitterMs, double reorderedShare, double lateShare) {
        public static Sample of(ExperimentRow row) {
            IntervalResult r = row.replay().result();
            Key key = new Key(row.n(), row.k(), row.g(), row.replay().mode().id(), row.replay().allocator());
            double rate = r.dataSent() == 0 ? 0 : (double) r.dataLost() / r.dataSent();
            Optional<TimeMetrics> time = row.replay().time();
            if (time.isEmpty()) {
                return new Sample(key, r.lossFree(), rate, row.replay().expectedLossRate(), false, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            TimeMetrics t = time.get();
            return new Sample(key, r.lossFree(), rate, row.replay().expectedLossRate(), true,
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
            OptionalDouble expectedLoss, double pLow) {
    }

    /** Tables III, IV, VII, VIII: % of the cell's intervals without any data lost after FEC. */
    public static final TableSpec<CellRow> LOSS_FREE = cellTable("loss_free.csv", "evaluate, Tables III, IV, VII, "
            + "VIII: per cell, mode and allocator, the percentage of intervals without data lost after FEC",
            Column.formatted("loss_free_pct",
            "%", r -> r.stat().map(s -> Numbers.number(100.0 * s.lossFree() / s.intervals())).orElse("")));

    /** Tables V, VI: the mean over the cell's intervals of data_lost / data_sent. */
    public static final TableSpec<CellRow> MEAN_LOSS = cellTable("mean_loss.csv", "evaluate, Tables V and VI: per "
            + "cell, mode and allocator, the mean over intervals of data lost / data sent", Column.formatted("mean_loss_rate",
            "fraction", r -> r.stat().map(s -> Numbers.number(s.meanLossRate())).orElse("")));

    /** Expected against measured: what assuming independent paths promised, and what the traces gave. */
    /** Delay after FEC per cell: means over the intervals with time metrics (METHOD section 9). */
    public static final TableSpec<CellRow> DELAY = cellTable("delay.csv", "evaluate: per cell, mode and allocator, "
            + "over the intervals with time metrics (their count in intervals), the means of the interval's p95 "
            + "delivery delay, p99 in-order delay, jitter, reordered share and share of data lost or late",
            r -> r.stat().map(Stat::timed).orElse(0L),
            time("delay_p95_ms", "ms", Stat::delayP95Ms, true), time("inorder_p99_ms", "ms", Stat::inorderP99Ms, true),
            time("jitter_ms", "ms", Stat::jitterMs, true), time("reordered_share", "fraction", Stat::reorderedShare,
                    false), time("late_share", "fraction", Stat::lateShare, false));

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
            .build();

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

    private Tables(ExperimentOptions o, double pLow, Map<Key, Stat> stats) {
        this.o = o;
        this.pLow = pLow;
        this.stats = stats;
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
            Map<Key, Stat> stats = new HashMap<>();
            for (Map.Entry<Key, Cell> e : cells.entrySet()) {
                Cell c = e.getValue();
                // the means skip missing values: a time mean is over the intervals that have it
                stats.put(e.getKey(), new Stat(c.lossFree.size(), Math.round(c.lossFree.sum()), c.rate.mean(),
                        c.expected.mean(), Math.round(c.timed.sum()), c.delayP95.mean(), c.inorderP99.mean(),
                        c.jitter.mean(), c.reordered.mean(), c.late.mean()));
            }
            return new Tables(o, pLow, stats);
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
                                lossFreeProbability(n, k, mode, a.id()), expectedLoss(n, k, mode, a.id()), pLow));
                    }
                }
            }
        }
        return rows;
    }
}
