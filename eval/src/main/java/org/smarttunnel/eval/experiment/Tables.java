package org.smarttunnel.eval.experiment;

import static tech.tablesaw.aggregate.AggregateFunctions.count;
import static tech.tablesaw.aggregate.AggregateFunctions.mean;
import static tech.tablesaw.aggregate.AggregateFunctions.sum;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.ingest.dataset.Csv;
import org.smarttunnel.replay.alloc.Allocator;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The paper's tables, built with Tablesaw from {@code replay.csv}: per cell (N, K, G), mode and
 * allocator, the intervals replayed, the share of them without any data lost after FEC
 * (Tables III, IV, VII, VIII) and the mean over intervals of the interval's loss rate after
 * FEC, data lost / data sent (Tables V, VI); per (N, K) the probability of a loss-free
 * interval (Table II) and the expected loss L_{N,K} (section V-B), both weighting cell G by
 * the chance C(N,G) P^G (1-P)^(N-G) that a random N-path tunnel has G low-loss paths, P the
 * dataset's share of low-loss paths. Every cell of the grid gets a row; a cell without
 * combinations has 0 intervals and empty values, and so does a per-N value that needs it.
 */
public final class Tables {
    public static final String LOSS_FREE_HEADER = "n_paths,k,g,mode,allocator,intervals,loss_free_pct";
    public static final String MEAN_LOSS_HEADER = "n_paths,k,g,mode,allocator,intervals,mean_loss_rate";
    public static final String BY_PATHS_HEADER = "n_paths,k,mode,allocator,intervals,loss_free_prob";
    public static final String EXPECTED_HEADER = "n_paths,k,mode,allocator,p_low,expected_loss";

    /** A cell of the grid. */
    public record Key(int n, int k, int g, String mode, String allocator) {
    }

    /** What a cell's intervals gave. */
    public record Stat(long intervals, long lossFree, double meanLossRate) {
        public double lossFreeShare() {
            return (double) lossFree / intervals;
        }
    }

    private final ExperimentOptions o;
    private final double pLow;
    private final Map<Key, Stat> stats;

    private Tables(ExperimentOptions o, double pLow, Map<Key, Stat> stats) {
        this.o = o;
        this.pLow = pLow;
        this.stats = stats;
    }

    /** Reads {@code replay.csv} (only the columns the tables need) and aggregates it. */
    public static Tables fromReplay(Path replayCsv, ExperimentOptions o, double pLow) throws IOException {
        Table replay = Table.read().csv(CsvReadOptions.builder(replayCsv.toFile()).columnTypes(Tables::type).build());
        LongColumn sent = replay.longColumn("data_sent");
        LongColumn lost = replay.longColumn("data_lost");
        // The interval's loss rate from the exact counts, not from loss_rate (rounded to six digits).
        DoubleColumn rate = DoubleColumn.create("rate", replay.rowCount());
        for (int i = 0; i < replay.rowCount(); i++) {
            rate.set(i, sent.getLong(i) == 0 ? 0 : (double) lost.getLong(i) / sent.getLong(i));
        }
        replay.addColumns(rate);
        Table summary = replay.summarize(List.of("loss_free", "rate"), count, sum, mean)
                .by("n_paths", "k", "g", "mode", "allocator");
        Map<Key, Stat> stats = new HashMap<>();
        for (Row r : summary) {
            Key key = new Key(r.getInt("n_paths"), r.getInt("k"), r.getInt("g"), r.getString("mode"),
                    r.getString("allocator"));
            stats.put(key, new Stat(Math.round(r.getDouble("Count [loss_free]")),
                    Math.round(r.getDouble("Sum [loss_free]")), r.getDouble("Mean [rate]")));
        }
        return new Tables(o, pLow, stats);
    }

    private static ColumnType type(String column) {
        return switch (column) {
            case "n_paths", "k", "g", "loss_free" -> ColumnType.INTEGER;
            case "mode", "allocator" -> ColumnType.STRING;
            case "data_sent", "data_lost" -> ColumnType.LONG;
            default -> ColumnType.SKIP;
        };
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

    public List<String> lossFreeRows() {
        return cellRows(s -> Csv.number(100.0 * s.lossFree() / s.intervals()));
    }

    public List<String> meanLossRows() {
        return cellRows(s -> Csv.number(s.meanLossRate()));
    }

    private List<String> cellRows(java.util.function.Function<Stat, String> value) {
        List<String> rows = new ArrayList<>();
        for (int n : o.paths()) {
            for (int k : o.redundancies()) {
                for (int g = 0; g <= n; g++) {
                    for (FitMode mode : o.modeOrder()) {
                        for (Allocator a : o.allocators()) {
                            Optional<Stat> s = stat(n, k, g, mode, a.id());
                            rows.add(Csv.row(n, k, g, mode.id(), a.id(), s.map(Stat::intervals).orElse(0L),
                                    s.map(value).orElse("")));
                        }
                    }
                }
            }
        }
        return rows;
    }

    public List<String> byPathsRows() {
        return perPathsRows((n, k, mode, a) -> {
            OptionalDouble p = lossFreeProbability(n, k, mode, a);
            return Csv.row(n, k, mode.id(), a, intervals(n, k, mode, a), p.isPresent() ? Csv.number(p.getAsDouble())
                    : "");
        });
    }

    public List<String> expectedLossRows() {
        return perPathsRows((n, k, mode, a) -> {
            OptionalDouble l = expectedLoss(n, k, mode, a);
            return Csv.row(n, k, mode.id(), a, Csv.number(pLow), l.isPresent() ? Csv.number(l.getAsDouble()) : "");
        });
    }

    /** A row per (N, K, mode, allocator). */
    private interface PerPaths {
        String row(int n, int k, FitMode mode, String allocator);
    }

    private List<String> perPathsRows(PerPaths row) {
        List<String> rows = new ArrayList<>();
        for (int n : o.paths()) {
            for (int k : o.redundancies()) {
                for (FitMode mode : o.modeOrder()) {
                    for (Allocator a : o.allocators()) {
                        rows.add(row.row(n, k, mode, a.id()));
                    }
                }
            }
        }
        return rows;
    }
}
