package org.smarttunnel.eval.experiment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.smarttunnel.eval.Failures;
import org.smarttunnel.eval.Progress;
import org.smarttunnel.fitting.predict.IntervalFits;
import org.smarttunnel.ingest.AtomicFiles;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.dataset.Csv;
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
    public static final String REPLAY_HEADER = "n_paths,k,g,run," + ReplayRow.HEADER;
    public static final String COMBINATIONS_HEADER = "n_paths,g,run,site,hosts,traces";

    /** A cell (N, G): how many sets were possible and the combinations drawn. */
    public record Cell(int n, int g, double possible, List<Combination> combinations) {
    }

    /** What ran: the paths, the cells, the rows written, and how often a trace was read. */
    public record Result(PathPool pool, List<Cell> cells, long rows, long traceLoads) {
        public long combinations() {
            return cells.stream().mapToLong(c -> c.combinations().size()).sum();
        }

        /** The cells no combination exists for, as "N=n G=g". */
        public List<String> emptyCells() {
            return cells.stream().filter(c -> c.combinations().isEmpty()).map(c -> "N=" + c.n() + " G=" + c.g())
                    .toList();
        }
    }

    private Experiment() {
    }

    /** The cells of the experiment, combinations drawn. */
    public static List<Cell> cells(PathPool pool, ExperimentOptions o) {
        List<Cell> cells = new ArrayList<>();
        for (int n : o.paths()) {
            for (int g = 0; g <= n; g++) {
                cells.add(new Cell(n, g, CombinationSampler.count(pool, n, g),
                        CombinationSampler.draw(pool, n, g, o.runs(), o.seed())));
            }
        }
        return cells;
    }

    public static Result run(TraceDataset ds, ExperimentOptions o, Path replayCsv, Path combinationsCsv,
            Progress progress) throws IOException, IngestException, InterruptedException {
        PathPool pool = PathPool.of(ds, o.lowLoss());
        List<Cell> cells = cells(pool, o);
        List<Combination> work = new ArrayList<>();
        List<String> combinationRows = new ArrayList<>();
        for (Cell c : cells) {
            for (Combination x : c.combinations()) {
                work.add(x);
                combinationRows.add(Csv.row(x.n(), x.g(), x.run(), x.site(), String.join(";", x.hosts()),
                        String.join(";", x.ids())));
            }
        }
        AtomicFiles.writeLines(combinationsCsv, COMBINATIONS_HEADER, combinationRows);
        TraceCache cache = new TraceCache(ds, o.intervalUs(), Runtime.getRuntime().maxMemory() / 2);
        ReplayOptions base = o.replay();
        progress.start(work.size());
        long rows = 0;
        ExecutorService workers = Executors.newFixedThreadPool(o.threads(), r -> {
            Thread t = new Thread(r, "evaluate");
            t.setDaemon(true);
            return t;
        });
        try (BufferedWriter w = Files.newBufferedWriter(replayCsv, StandardCharsets.UTF_8)) {
            w.write(REPLAY_HEADER);
            w.write('\n');
            ArrayDeque<Future<List<String>>> window = new ArrayDeque<>();
            int next = 0;
            int ahead = 2 * o.threads() + 2;
            while (next < work.size() || !window.isEmpty()) {
                while (next < work.size() && window.size() < ahead) {
                    Combination c = work.get(next++);
                    window.add(workers.submit(() -> {
                        List<String> lines = replay(c, cache, o, base);
                        progress.step();
                        return lines;
                    }));
                }
                for (String line : await(window.poll())) {
                    w.write(line);
                    w.write('\n');
                    rows++;
                }
            }
        } finally {
            workers.shutdownNow();
            progress.finish();
        }
        return new Result(pool, cells, rows, cache.loads());
    }

    private static List<String> await(Future<List<String>> f) throws IOException, IngestException,
            InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw Failures.rethrow(e);
        }
    }

    /** Every row of one combination: per K, the replay of its intervals under every mode and allocator. */
    static List<String> replay(Combination c, TraceCache cache, ExperimentOptions o, ReplayOptions base)
            throws IOException, IngestException {
        List<IntervalFits> fits = new ArrayList<>();
        for (String id : c.ids()) {
            fits.add(cache.get(id));
        }
        List<String> lines = new ArrayList<>();
        for (int k : o.redundancies()) {
            ReplayOptions ro = base.withRedundancy(k).withSeed(CombinationSampler.mix(o.seed(), c.n(), c.g(), c.run(),
                    k));
            String prefix = c.n() + "," + k + "," + c.g() + "," + c.run() + ",";
            for (ReplayRow r : ReplayRunner.run(fits, c.ids(), o.allocators(), ro)) {
                lines.add(prefix + r.csv());
            }
        }
        return lines;
    }
}
