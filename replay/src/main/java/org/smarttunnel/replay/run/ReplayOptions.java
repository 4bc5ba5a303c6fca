package org.smarttunnel.replay.run;

import java.util.EnumSet;
import java.util.Set;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.fitting.predict.StateChoice;
import org.smarttunnel.replay.alloc.AllocationRequest;

/**
 * How to replay: group size G and redundancy R, modes, model states and history, interval
 * length and alignment, capacities (packets per group per path, null for none), seed, Emax,
 * and optional FEC adaptation (a target loss rate, NaN for none, and the largest R to try).
 */
public record ReplayOptions(int group, int redundancy, Set<FitMode> modes, StateChoice states, int history,
        long intervalUs, Alignment alignment, int[] capacity, long seed, int emax, double targetLoss,
        int maxRedundancy) {

    /** How the intervals of several traces line up (METHOD section 2). */
    public enum Alignment { INTERVAL, TIME }

    public ReplayOptions {
        if (group < 1 || redundancy < 0 || redundancy >= group) {
            throw new IllegalArgumentException("need 0 <= redundancy < group, got group " + group + ", redundancy "
                    + redundancy);
        }
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("at least one mode is needed");
        }
        if (history < 1) {
            throw new IllegalArgumentException("history must be at least 1 interval");
        }
        modes = Set.copyOf(modes);
        capacity = capacity == null ? null : capacity.clone();
    }

    public static ReplayOptions defaults() {
        return new ReplayOptions(40, 7, EnumSet.allOf(FitMode.class), StateChoice.AUTO, 8, 40_000_000L,
                Alignment.INTERVAL, null, 1, AllocationRequest.DEFAULT_EMAX, Double.NaN, 20);
    }

    public boolean adapting() {
        return !Double.isNaN(targetLoss);
    }

    public ReplayOptions withRedundancy(int r) {
        return new ReplayOptions(group, r, modes, states, history, intervalUs, alignment, capacity, seed, emax,
                targetLoss, maxRedundancy);
    }

    public ReplayOptions withSeed(long s) {
        return new ReplayOptions(group, redundancy, modes, states, history, intervalUs, alignment, capacity, s, emax,
                targetLoss, maxRedundancy);
    }

    public ReplayOptions withIntervalUs(long us) {
        return new ReplayOptions(group, redundancy, modes, states, history, us, alignment, capacity, seed, emax,
                targetLoss, maxRedundancy);
    }
}
