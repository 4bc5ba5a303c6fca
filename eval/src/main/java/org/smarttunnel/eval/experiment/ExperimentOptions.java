package org.smarttunnel.eval.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.common.options.InvalidSettingException;
import org.smarttunnel.common.options.Limits;
import org.smarttunnel.common.options.Setting;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.replay.alloc.Allocator;
import org.smarttunnel.replay.run.ReplayOptions;

/**
 * An experiment (METHOD section 7): tunnels of every N in {@code paths}, replayed at every
 * redundancy K in {@code redundancies} as {@code replay} says (its own redundancy is replaced
 * by each K); per (N, G) cell {@code runs} seeded combinations; a path is low-loss below
 * {@code lowLoss}; {@code threads} workers (the results do not depend on them). Instead of
 * drawn tunnels, {@code tunnels} may name a file of tunnels to evaluate ({@link UserTunnels});
 * their sizes are then the N of the tables. The tables' intervals are at {@code confidence},
 * the cluster bootstrap's from {@code bootstrap} draws (0: none). With {@code allTunnels} every
 * possible set of each cell is evaluated instead of {@code runs} drawn ones, as long as they are
 * at most {@code maxTunnels} in all. The defaults are the paper's experiment.
 */
public record ExperimentOptions(ReplayOptions replay, List<Integer> paths, List<Integer> redundancies, int runs,
        double lowLoss, int threads, Optional<Path> tunnels, double confidence, int bootstrap, boolean allTunnels,
        long maxTunnels) {

    public ExperimentOptions {
        paths = List.copyOf(paths);
        redundancies = List.copyOf(redundancies);
        InvalidSettingException.require(!paths.isEmpty() && paths.stream().allMatch(n -> n >= Limits.MIN_PATHS
                && n <= Limits.MAX_PATHS) && paths.stream().distinct().count() == paths.size(), Setting.PATHS,
                "must list distinct path counts from " + Limits.MIN_PATHS + " to " + Limits.MAX_PATHS);
        int group = replay.group();
        InvalidSettingException.require(!redundancies.isEmpty() && redundancies.stream().allMatch(k -> k >= 0
                && k < group) && redundancies.stream().distinct().count() == redundancies.size(), Setting.REDUNDANCY,
                "must list distinct values from 0 to the group size - 1 (" + (group - 1) + ")");
        InvalidSettingException.require(runs >= 1, Setting.RUNS, "must be at least 1");
        InvalidSettingException.require(lowLoss > 0 && lowLoss <= 1, Setting.LOW_LOSS, "must lie in (0, 1]");
        InvalidSettingException.require(threads >= 1, Setting.THREADS, "must be at least 1");
        InvalidSettingException.require(confidence >= 0.5 && confidence < 1, Setting.CONFIDENCE,
                "must lie in [0.5, 1), not " + confidence);
        InvalidSettingException.require(!allTunnels || tunnels.isEmpty(), Setting.ALL_TUNNELS,
                "cannot be given with a file of tunnels");
        InvalidSettingException.require(maxTunnels >= 1, Setting.MAX_TUNNELS, "must be at least 1, not " + maxTunnels);
        InvalidSettingException.require(bootstrap >= 0 && bootstrap <= Limits.MAX_BOOTSTRAP, Setting.BOOTSTRAP,
                "must lie between 0 (none) and " + Limits.MAX_BOOTSTRAP + " draws, not " + bootstrap);
        InvalidSettingException.require(replay.capacity().isEmpty(), Setting.CAPACITY,
                "applies to one tunnel's replay, not to an evaluation");
        InvalidSettingException.require(!replay.adapting(), Setting.TARGET_LOSS,
                "applies to one tunnel's replay, not to an evaluation");
    }

    /** The paper's experiment: every default. */
    public static ExperimentOptions paper() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().replay(replay).paths(paths).redundancies(redundancies).runs(runs).lowLoss(lowLoss)
                .threads(threads).tunnels(tunnels).confidence(confidence).bootstrap(bootstrap)
                .allTunnels(allTunnels).maxTunnels(maxTunnels);
    }

    // What the experiment reads of its replay options, named as the tables name them.

    public int group() {
        return replay.group();
    }

    public long seed() {
        return replay.seed();
    }

    public List<Allocator> allocators() {
        return replay.allocators();
    }

    /** Modes in the order of the tables: oracle, then predicted. */
    public List<FitMode> modeOrder() {
        return replay.models().modeOrder();
    }

    /** The interval length; the dataset's is set before an experiment runs. */
    public long intervalUs() {
        return replay.models().intervalUs().orElseThrow(() -> new InvalidSettingException(Setting.INTERVAL,
                "must be set before the experiment runs"));
    }

    /** With the dataset's interval length unless one is set. */
    public ExperimentOptions withDatasetInterval(long datasetUs) {
        if (replay.models().intervalUs().isPresent()) {
            return this;
        }
        return toBuilder().replay(replay.toBuilder().models(replay.models().toBuilder().intervalUs(datasetUs).build())
                .build()).build();
    }

    /** Starts from the defaults ({@link Defaults}), the paper's experiment. */
    public static final class Builder {
        private ReplayOptions replay = ReplayOptions.builder().build();
        private List<Integer> paths = Defaults.ints(Defaults.PATHS);
        private List<Integer> redundancies = Defaults.ints(Defaults.REDUNDANCIES);
        private int runs = Defaults.RUNS;
        private double lowLoss = Defaults.LOW_LOSS;
        private int threads = Runtime.getRuntime().availableProcessors();
        private Optional<Path> tunnels = Optional.empty();
        private double confidence = Defaults.CONFIDENCE;
        private int bootstrap = Defaults.BOOTSTRAP;
        private boolean allTunnels;
        private long maxTunnels = Defaults.MAX_TUNNELS;

        public Builder replay(ReplayOptions r) {
            replay = r;
            return this;
        }

        public Builder paths(List<Integer> p) {
            paths = p;
            return this;
        }

        public Builder redundancies(List<Integer> k) {
            redundancies = k;
            return this;
        }

        public Builder runs(int r) {
            runs = r;
            return this;
        }

        public Builder lowLoss(double l) {
            lowLoss = l;
            return this;
        }

        /** Worker threads; by default the number of processors. */
        public Builder threads(int t) {
            threads = t;
            return this;
        }

        /** A file of tunnels to evaluate instead of drawing them; empty to draw. */
        public Builder tunnels(Optional<Path> file) {
            tunnels = file;
            return this;
        }

        /** The level of every interval in the tables. */
        public Builder confidence(double c) {
            confidence = c;
            return this;
        }

        /** Draws of the cluster bootstrap; 0 for none. */
        public Builder bootstrap(int draws) {
            bootstrap = draws;
            return this;
        }

        /** Every possible tunnel of each cell instead of {@code runs} drawn ones. */
        public Builder allTunnels(boolean all) {
            allTunnels = all;
            return this;
        }

        /** The most tunnels {@link #allTunnels} may evaluate. */
        public Builder maxTunnels(long most) {
            maxTunnels = most;
            return this;
        }

        public ExperimentOptions build() {
            return new ExperimentOptions(replay, paths, redundancies, runs, lowLoss, threads, tunnels, confidence,
                    bootstrap, allTunnels, maxTunnels);
        }
    }
}
