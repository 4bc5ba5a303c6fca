package org.smarttunnel.eval.uncertainty;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A cluster bootstrap over the tunnels of a cell: intervals of one tunnel are not independent,
 * so a draw resamples whole tunnels with replacement (as many as the cell has) and recomputes
 * the cell's statistic over all intervals of the tunnels drawn. The draws of a cell are seeded
 * from the run's seed and the cell's (N, G), so every K, mode and allocator of that cell
 * resamples the same tunnels in the same draw (their intervals are paired), whatever the
 * thread count. The interval is the percentile one: the draws' quantiles (1 - c)/2 and
 * (1 + c)/2 by nearest rank, draws without intervals left out.
 */
public final class ClusterBootstrap {
    private ClusterBootstrap() {
    }

    /**
     * The tunnels drawn: {@code draws} rows of {@code clusters} indices in [0, clusters), from a
     * generator seeded by {@code seed}, N and G.
     */
    public static int[][] resamples(long seed, int n, int g, int clusters, int draws) {
        SplittableRandom r = new SplittableRandom(mix(seed, n, g));
        int[][] out = new int[draws][clusters];
        for (int b = 0; b < draws; b++) {
            for (int i = 0; i < clusters; i++) {
                out[b][i] = r.nextInt(clusters);
            }
        }
        return out;
    }

    /** A fixed mixing of the seed with the cell, independent of the platform's hash codes. */
    static long mix(long seed, int n, int g) {
        long h = seed * 0x9E3779B97F4A7C15L + n * 0xC2B2AE3D27D4EB4FL + g * 0x165667B19E3779F9L;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 29);
    }

    /**
     * The statistic sum(numerator) / sum(denominator) over the clusters of every draw (NaN for a
     * draw whose denominator is 0).
     */
    public static double[] ratioDraws(int[][] resamples, double[] numerator, double[] denominator) {
        double[] out = new double[resamples.length];
        for (int b = 0; b < resamples.length; b++) {
            double num = 0;
            double den = 0;
            for (int i : resamples[b]) {
                num += numerator[i];
                den += denominator[i];
            }
            out[b] = den == 0 ? Double.NaN : num / den;
        }
        return out;
    }

    /** The percentile interval of the draws at {@code confidence}; {@link Ci#NONE} without any. */
    public static Ci percentile(double[] draws, double confidence) {
        double[] sorted = Arrays.stream(draws).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (sorted.length == 0) {
            return Ci.NONE;
        }
        return new Ci(rank(sorted, (1 - confidence) / 2), rank(sorted, (1 + confidence) / 2));
    }

    /** The nearest-rank quantile q: the ceil(q m)-th smallest of m (at least the first). */
    private static double rank(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length - 1e-9) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
