package org.smarttunnel.eval.experiment;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.fitting.predict.StateChoice;
import org.smarttunnel.replay.alloc.AllocationRequest;
import org.smarttunnel.replay.alloc.Allocator;
import org.smarttunnel.replay.alloc.Allocators;
import org.smarttunnel.replay.run.ReplayOptions;

/**
 * An experiment (METHOD section 7): tunnels of every N in {@code paths}, replayed at every
 * redundancy K in {@code redundancies} with groups of {@code group}; per (N, G) cell
 * {@code runs} seeded combinations; every mode and allocator; a path is low-loss below
 * {@code lowLoss}; {@code threads} workers.
 */
public record ExperimentOptions(List<Integer> paths, List<Integer> redundancies, int group, int runs, long seed,
        Set<FitMode> modes, List<Allocator> allocators, double lowLoss, int threads, StateChoice states, int history,
        long intervalUs, int emax) {

    public static final List<Integer> PAPER_PATHS = List.of(2, 3, 4, 6);
    public static final List<Integer> PAPER_REDUNDANCY = List.of(7, 10, 14);
    public static final int PAPER_GROUP = 40;
    public static final int PAPER_RUNS = 20;
    public static final double PAPER_LOW_LOSS = 0.02;
    public static final long DEFAULT_SEED = 1;
    /** METHOD section 2: a prediction pools the previous 8 intervals. */
    public static final int DEFAULT_HISTORY = 8;

    public ExperimentOptions {
        paths = List.copyOf(paths);
        redundancies = List.copyOf(redundancies);
        modes = Set.copyOf(modes);
        allocators = List.copyOf(allocators);
        if (paths.isEmpty() || paths.stream().anyMatch(n -> n < 1 || n > 64) || paths.stream().distinct().count()
                != paths.size()) {
            throw new IllegalArgumentException("--paths needs distinct path counts from 1 to 64");
        }
        if (redundancies.isEmpty() || redundancies.stream().anyMatch(k -> k < 0 || k >= group)
                || redundancies.stream().distinct().count() != redundancies.size()) {
            throw new IllegalArgumentException("--redundancy needs distinct values from 0 to the group size - 1 ("
                    + (group - 1) + ")");
        }
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1");
        }
        if (modes.isEmpty() || allocators.isEmpty()) {
            throw new IllegalArgumentException("at least one mode and one allocator are needed");
        }
        if (!(lowLoss > 0 && lowLoss <= 1)) {
            throw new IllegalArgumentException("--low-loss must lie in (0, 1]");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
    }

    /**
     * The paper's evaluation (N 2,3,4,6; K 7,10,14; groups of 40; both modes; every allocator; the
     * default seed, states and history) with {@code runs} combinations per cell.
     */
    public static ExperimentOptions paper(int runs, int threads, long intervalUs) {
        return new ExperimentOptions(PAPER_PATHS, PAPER_REDUNDANCY, PAPER_GROUP, runs, DEFAULT_SEED,
                EnumSet.allOf(FitMode.class), Allocators.all(), PAPER_LOW_LOSS, threads, StateChoice.AUTO,
                DEFAULT_HISTORY, intervalUs, defaultEmax());
    }

    /** How every tunnel is replayed, before its redundancy and seed are set. */
    public ReplayOptions replay() {
        return new ReplayOptions(group, redundancies.get(0), modes, states, history, intervalUs,
                ReplayOptions.Alignment.INTERVAL, null, seed, emax, Double.NaN, group / 2);
    }

    /** Modes in the order of the tables: oracle, then predicted. */
    public List<FitMode> modeOrder() {
        return java.util.Arrays.stream(FitMode.values()).filter(modes::contains).toList();
    }

    public static int defaultEmax() {
        return AllocationRequest.DEFAULT_EMAX;
    }
}
