package org.smarttunnel.replay.alloc;

import java.util.List;
import java.util.SplittableRandom;
import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.fitting.predict.PathModel;

/**
 * What an allocator is asked: the models of the paths (of the current mode only, never the
 * interval's losses), the group size G and redundancy R, optional capacities (packets per
 * group, null for none), the seed of any random choice, and Emax for smarttunnel's scaled
 * means.
 */
public record AllocationRequest(List<PathModel> paths, int groupSize, int redundancy, int[] capacity, long seed,
        int emax) {
    public AllocationRequest {
        paths = List.copyOf(paths);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("at least one path is needed");
        }
        if (groupSize < 1 || redundancy < 0 || redundancy >= groupSize) {
            throw new IllegalArgumentException("need 0 <= R < G, got G=" + groupSize + ", R=" + redundancy);
        }
        if (capacity != null) {
            if (capacity.length != paths.size()) {
                throw new IllegalArgumentException(capacity.length + " capacities for " + paths.size() + " paths");
            }
            long total = 0;
            for (int c : capacity) {
                if (c < 0) {
                    throw new IllegalArgumentException("capacities must not be negative");
                }
                total += c;
            }
            if (total < groupSize) {
                throw new IllegalArgumentException("capacities add up to " + total + " packets, fewer than G="
                        + groupSize);
            }
            capacity = capacity.clone();
        }
        if (emax < 1) {
            throw new IllegalArgumentException("Emax must be positive");
        }
    }

    public static AllocationRequest of(List<PathModel> paths, int groupSize, int redundancy) {
        return new AllocationRequest(paths, groupSize, redundancy, null, Defaults.SEED, Defaults.EMAX);
    }

    public int data() {
        return groupSize - redundancy;
    }

    public int size() {
        return paths.size();
    }

    public SplittableRandom random() {
        return new SplittableRandom(seed);
    }

    public AllocationRequest withRedundancy(int r) {
        return new AllocationRequest(paths, groupSize, r, capacity, seed, emax);
    }

    public AllocationRequest withSeed(long s) {
        return new AllocationRequest(paths, groupSize, redundancy, capacity, s, emax);
    }
}
