package org.smarttunnel.replay.schedule;

import java.util.SplittableRandom;
import org.smarttunnel.fitting.stats.GroupLayout;

/**
 * Per-packet random path choice with fixed probabilities (MPIP): every slot of every group
 * draws its path independently. The draws of group k come from a generator seeded by
 * (seed, k), so any group can be produced in any order and a run repeats exactly.
 */
public final class RandomSchedule implements Schedule {
    private final double[] cumulative;
    private final int groupSize;
    private final int data;
    private final long seed;

    public RandomSchedule(double[] probabilities, int groupSize, int data, long seed) {
        double total = 0;
        for (double p : probabilities) {
            if (!(p >= 0)) {
                throw new IllegalArgumentException("probabilities must not be negative");
            }
            total += p;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("probabilities must not all be zero");
        }
        this.cumulative = new double[probabilities.length];
        double c = 0;
        for (int i = 0; i < probabilities.length; i++) {
            c += probabilities[i] / total;
            cumulative[i] = c;
        }
        cumulative[cumulative.length - 1] = 1;
        this.groupSize = groupSize;
        this.data = data;
        this.seed = seed;
    }

    @Override
    public GroupLayout group(long k) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + k * 0xBF58476D1CE4E5B9L + 1);
        int[] owner = new int[groupSize];
        for (int s = 0; s < groupSize; s++) {
            double u = r.nextDouble();
            int i = 0;
            while (u >= cumulative[i]) {
                i++;
            }
            owner[s] = i;
        }
        return new GroupLayout(data, owner, cumulative.length);
    }

    @Override
    public boolean fixed() {
        return false;
    }
}
