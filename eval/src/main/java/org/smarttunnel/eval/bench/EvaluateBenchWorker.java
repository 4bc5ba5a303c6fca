package org.smarttunnel.eval.bench;

import java.nio.file.Path;
import java.util.Locale;
import org.smarttunnel.eval.Evaluation;
import org.smarttunnel.eval.Progress;
import org.smarttunnel.eval.experiment.ExperimentOptions;
import org.smarttunnel.ingest.dataset.TraceDataset;

/**
 * Runs one paper-scale evaluation in its own JVM, so that its peak memory is its own:
 * {@code EvaluateBenchWorker <dataset> <reports> <runs> <threads>}. Paper defaults otherwise
 * (N 2,3,4,6; K 7,10,14; groups of 40; both modes; every allocator). Prints one RESULT line:
 * runs, tunnels, intervals replayed, nanoseconds, peak RSS in KiB.
 */
public final class EvaluateBenchWorker {
    private EvaluateBenchWorker() {
    }

    public static void main(String[] args) throws Exception {
        TraceDataset ds = TraceDataset.open(Path.of(args[0]));
        int runs = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        ExperimentOptions o = ExperimentOptions.paper().toBuilder().runs(runs).threads(threads).build();
        long start = System.nanoTime();
        Evaluation.Outcome r = Evaluation.run(ds, args[0], o, Path.of(args[1]), "./smarttunnel bench evaluate",
                Progress.silent());
        long nanos = System.nanoTime() - start;
        System.out.println(String.format(Locale.ROOT, "RESULT %d %d %d %d %d", runs, r.run().combinations(),
                r.run().rows(), nanos, PeakMemory.peakRssKib()));
    }
}
