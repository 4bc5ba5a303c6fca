package org.smarttunnel.eval.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.smarttunnel.eval.Failures;
import org.smarttunnel.eval.Progress;
import org.smarttunnel.fitting.predict.IntervalFits;
import org.smarttunnel.common.table.CsvTables;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.dataset.TraceDataset;
import org.smarttunnel.replay.run.ReplayOptions;
import org.smarttunnel.replay.run.ReplayRow;
import org.smarttunnel.replay.run.ReplayRunner;

/**
 * Runs an experiment (METHOD section 7): draws the combinations of every cell (N, G), replays
 * each combination's intervals at every K under every mode and allocator, and streams the rows
 * to {@code replay.csv} in a fixed order (cell, run, K, mode, allocator, interval). Combinations
 * are replayed in parallel; each one's random choices come from seeds derived from the run's
 * seed and its (N, G, run, K), and rows are written in combination order whatever finishes
 * first, so the output is the same for any number of threads. A combination's draw does not
 * depend on K: the same tunnels are replayed at every redundancy.
 */
public final class Experiment {
    /** A cell (N, G): how many sets were possible and the combinations drawn. */
    public record Cell(int n, int g, double possible, List<Combination> combinations) {
    }

    /** What ran: the paths, the cells, the rows written, how often a trace was read, and the tables of the rows. */
    public record Result(PathPool pool, List<Cell> cells, long rows, long traceLoads, Tables tables,
            ReplayRunner.Coarse coarse) {
        public long combinations() {
            return cells.stream().mapToLong(c -> c.combinations().size()).sum();
        }

        /** How many tunnels were aligned this way. */
        public long aligned(ReplayOptions.Alignment a) {
            return cells.stream().flatMap(c -> c.combinations().stream()).filter(c -> c.alignment() == a).count();
        }

        /** The cells no combination exists for, as "N=n G=g". */
        public List<String> emptyCells() {
            return cells.stream().filter(c -> c.combinations().isEmpty()).map(c -> "N=" + c.n() + " G=" + c.g())
                    .toList();
        }
    }

    private Experiment() {
    }

    /**
     * The cells of the experiment, combinations drawn and aligned: with alignment by time only
     * tunnels of traces measured together are drawn; with AUTO a tunnel is aligned by time when its
     * traces are pairwise concurrent, by interval number otherwise.
     */
    public static List<Cell> cells(PathPool pool, ExperimentOptions o) {
        OptionalLong together = o.replay().alignment() == ReplayOptions.Alignment.TIME
                ? OptionalLong.of(o.intervalUs()) : OptionalLong.empty();
        List<Cell> cells = new ArrayList<>();
        if (o.allTunnels()) {
            requireFewEnough(pool, o);
        }
        for (int n : o.paths()) {
            for (int g = 0; g <= n; g++) {
                double possible = CombinationSampler.count(pool, n, g, together);
                int runs = o.allTunnels() ? (int) possible : o.runs();
                cells.add(new Cell(n, g, possible, CombinationSampler.draw(pool, n, g, runs, o.seed(), together)));
            }
        }
        return aligned(cells, o);
    }

    /** Every possible tunnel per cell (N, G) of {@code o}, in grid order: what --all-tunnels evaluates. */
    public static java.util.LinkedHashMap<String, Double> possible(PathPool pool, ExperimentOptions o) {
        OptionalLong together = o.replay().alignment() == ReplayOptions.Alignment.TIME
                ? OptionalLong.of(o.intervalUs()) : OptionalLong.empty();
        java.util.LinkedHashMap<String, Double> out = new java.util.LinkedHashMap<>();
        for (int n : o.paths()) {
            for (int g = 0; g <= n; g++) {
                out.put("N=" + n + " G=" + g, CombinationSampler.count(pool, n, g, together));
            }
        }
        return out;
    }

    /** Refuses --all-tunnels beyond the most tunnels allowed, saying how many there are. */
    static void requireFewEnough(PathPool pool, ExperimentOptions o) {
        double total = possible(pool, o).values().stream().mapToDouble(Double::doubleValue).sum();
        org.smarttunnel.common.options.InvalidSettingException.require(total <= o.maxTunnels(),
                org.smarttunnel.common.options.Setting.MAX_TUNNELS, "is " + o.maxTunnels() + ", below the "
                        + String.format(java.util.Locale.ROOT, "%.0f", total) + " tunnels every cell holds: raise it "
                        + "to evaluate them all");
    }

    /** Every tunnel of the cells with its alignment resolved (TIME on traces not measured together is an error). */
    static List<Cell> aligned(List<Cell> cells, ExperimentOptions o) {
        List<Cell> out = new ArrayList<>();
        for (Cell cell : cells) {
            List<Combination> combos = new ArrayList<>();
            for (Combination c : cell.combinations()) {
                combos.add(c.aligned(ReplayRunner.alignment(c.traces().stream().map(PathPool.PoolTrace::span)
                        .toList(), o.replay().alignment(), o.intervalUs())));
            }
            out.add(new Cell(cell.n(), cell.g(), cell.possible(), combos));
        }
        return out;
    }

    /**
     * Runs the experiment into the journal's directory: {@code combinations.csv} first, then
     * {@code replay.csv} streamed row by row while the summary tables are built from the same
     * rows in memory. A journal left by an interrupted run of the same {@code settings}, dataset
     * and tunnels is resumed (unless {@code restart}): its tunnels are not replayed again, their
     * saved rows go to the tables first.
     */
    public static Result run(TraceDataset ds, ExperimentOptions o, Journal journal, Map<String, String> settings,
            boolean restart, Progress progress)
            throws IOException, IngestException, InterruptedException, Journal.Mismatch {
        Plan plan;
        try {
            plan = plan(ds, o, journal.dir().resolve(Combination.TABLE.name()), settings);
        } catch (IOException e) {
            throw journal.failure(e);
        }
        o = plan.options();
        ExperimentOptions options = o;
        List<Combination> work = plan.work();
        PathPool pool = plan.pool();
        List<Cell> cells = plan.cells();
        Map<String, String> identity = plan.identity();
        Tables.Collector tables = new Tables.Collector();
        ReplayRunner.Coarse coarse = new ReplayRunner.Coarse(0, 0, 0);
        int next = 0;
        for (Journal.Batch b : journal.begin(identity, restart, work.size())) {
            b.samples().forEach(tables::add);
            coarse = coarse.plus(b.coarse());
            next += b.tunnels();
        }
        TraceCache cache = new TraceCache(ds, o.intervalUs(), Runtime.getRuntime().maxMemory() / 2);
        progress.start(work.size(), next);
        ExecutorService workers = Executors.newFixedThreadPool(o.threads(), r -> {
            Thread t = new Thread(r, "evaluate");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<Finished>> window = new ArrayDeque<>();
            int ahead = 2 * o.threads() + 2;
            while (next < work.size() || !window.isEmpty()) {
                while (next < work.size() && window.size() < ahead) {
                    Combination c = work.get(next++);
                    window.add(workers.submit(() -> {
                        Finished f = replay(c, cache, options);
                        progress.step();
                        return f;
                    }));
                }
                Finished f = await(window.poll());
                f.samples().forEach(tables::add);
                coarse = coarse.plus(f.coarse());
                journal.add(f.rows(), f.samples(), f.coarse());
            }
            journal.complete();
            return new Result(pool, cells, journal.rows(), cache.loads(), tables.tables(o, pool.lowShare()), coarse);
        } finally {
            workers.shutdownNow();
            progress.finish();
        }
    }

    /** The run's tunnels, written to {@code combinationsCsv}, and what identifies the run. */
    private record Plan(PathPool pool, List<Cell> cells, ExperimentOptions options, List<Combination> work,
            Map<String, String> identity) {
    }

    private static Plan plan(TraceDataset ds, ExperimentOptions o, Path combinationsCsv, Map<String, String> settings)
            throws IOException, IngestException {
        PathPool pool = PathPool.of(ds, o.lowLoss());
        List<Cell> cells;
        if (o.tunnels().isPresent()) {
            cells = aligned(UserTunnels.cells(o.tunnels().get(), pool), o);
            o = o.toBuilder().paths(UserTunnels.sizes(cells)).build();
        } else {
            cells = cells(pool, o);
        }
        List<Combination> work = new ArrayList<>();
        for (Cell c : cells) {
            work.addAll(c.combinations());
        }
        CsvTables.write(combinationsCsv, Combination.TABLE, work);
        Map<String, String> identity = new LinkedHashMap<>(settings);
        identity.put("dataset", datasetDigest(ds));
        identity.put("tunnels drawn", Journal.DIGEST + sha256(Files.readAllBytes(combinationsCsv)));
        return new Plan(pool, cells, o, work, identity);
    }

    /**
     * Shard {@code shard} of the run {@code settings} names: every tunnel drawn is listed in
     * {@code out/combinations.csv} as by the whole run, this shard's are replayed, and their rows
     * and samples go to {@code out/shard.bin} ({@link Shard}); no table is written. Returns the
     * tunnels replayed and the tunnels in all.
     */
    public static int[] shard(TraceDataset ds, ExperimentOptions o, Path out, Map<String, String> settings,
            Shard shard, Progress progress) throws IOException, IngestException, InterruptedException {
        Files.createDirectories(out);
        Plan plan = plan(ds, o, out.resolve(Combination.TABLE.name()), settings);
        ExperimentOptions options = plan.options();
        List<Integer> mine = new ArrayList<>();
        for (int t = 0; t < plan.work().size(); t++) {
            if (shard.owns(t)) {
                mine.add(t);
            }
        }
        TraceCache cache = new TraceCache(ds, options.intervalUs(), Runtime.getRuntime().maxMemory() / 2);
        progress.start(mine.size(), 0);
        ExecutorService workers = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "evaluate");
            t.setDaemon(true);
            return t;
        });
        List<Shard.Entry> entries = new ArrayList<>();
        try {
            ArrayDeque<Future<Finished>> window = new ArrayDeque<>();
            int ahead = 2 * options.threads() + 2;
            int next = 0;
            int done = 0;
            while (next < mine.size() || !window.isEmpty()) {
                while (next < mine.size() && window.size() < ahead) {
                    Combination c = plan.work().get(mine.get(next++));
                    window.add(workers.submit(() -> {
                        Finished f = replay(c, cache, options);
                        progress.step();
                        return f;
                    }));
                }
                entries.add(Shard.Entry.of(mine.get(done++), await(window.poll())));
            }
        } finally {
            workers.shutdownNow();
            progress.finish();
        }
        shard.write(out, plan.identity(), plan.work().size(), entries);
        return new int[] {mine.size(), plan.work().size()};
    }

    private static Finished await(Future<Finished> f) throws IOException, IngestException,
            InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw Failures.rethrow(e);
        }
    }

    /** A tunnel replayed: its rows, what the tables take from each, and its coarse-probing counts. */
    record Finished(List<ExperimentRow> rows, List<Tables.Sample> samples, ReplayRunner.Coarse coarse) {
    }

    /** Every row of one combination: per K, the replay of its intervals under every mode and allocator. */
    static Finished replay(Combination c, TraceCache cache, ExperimentOptions o) throws IOException, IngestException {
        List<IntervalFits> fits = new ArrayList<>();
        OptionalLong origin = c.alignment() == ReplayOptions.Alignment.TIME ? OptionalLong.of(c.originUs())
                : OptionalLong.empty();
        for (String id : c.ids()) {
            fits.add(cache.get(id, origin));
        }
        ReplayRunner.Coarse coarse = ReplayRunner.coarse(fits, o.group());
        List<ExperimentRow> rows = new ArrayList<>();
        for (int k : o.redundancies()) {
            ReplayOptions ro = o.replay().withRedundancy(k).withSeed(CombinationSampler.mix(o.seed(), c.n(), c.g(),
                    c.run(), k));
            for (ReplayRow r : ReplayRunner.run(fits, c.ids(), ro)) {
                rows.add(new ExperimentRow(c.n(), k, c.g(), c.run(), r));
            }
        }
        return new Finished(rows, rows.stream().map(Tables.Sample::of).toList(), coarse);
    }

    /**
     * What identifies the dataset's content for a resumed run: its index and settings byte for
     * byte, and every trace file's name, size and modification time (as make and rsync judge a
     * file unchanged; hashing every trace would read the whole dataset once more).
     */
    public static String datasetDigest(TraceDataset ds) throws IOException {
        java.security.MessageDigest d = sha256();
        d.update(Files.readAllBytes(ds.dir().resolve(TraceDataset.INDEX)));
        Path settings = ds.dir().resolve(TraceDataset.SETTINGS);
        if (Files.isRegularFile(settings)) {
            d.update(Files.readAllBytes(settings));
        }
        for (org.smarttunnel.ingest.dataset.TraceSummary t : ds.traces()) {
            Path f = ds.dir().resolve(t.file());
            d.update((t.file() + "\n" + Files.size(f) + "\n" + Files.getLastModifiedTime(f).toMillis() + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return Journal.DIGEST + java.util.HexFormat.of().formatHex(d.digest());
    }

    /** The SHA-256 of {@code bytes} in lowercase hex. */
    public static String sha256(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
