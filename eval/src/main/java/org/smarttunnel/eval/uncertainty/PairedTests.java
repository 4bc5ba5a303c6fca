package org.smarttunnel.eval.uncertainty;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Paired comparisons of two allocators on the same intervals. The exact McNemar test on
 * loss-free (only the discordant pairs count: b intervals loss-free under A alone, c under B
 * alone) and the sign test on per-interval loss rates (ties dropped) are both the two-sided
 * binomial test of b against Bin(b + c, 1/2): p = min(1, 2 P(X &lt;= min(b, c))). Holm's
 * step-down method adjusts a family of p-values for multiple comparisons.
 */
public final class PairedTests {
    private PairedTests() {
    }

    /** Two-sided exact binomial test of b successes against c failures at 1/2; 1 without discordant pairs. */
    public static double exactBinomial(long b, long c) {
        long n = b + c;
        if (n == 0) {
            return 1;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many pairs: " + n);
        }
        double tail = new BinomialDistribution(null, (int) n, 0.5).cumulativeProbability((int) Math.min(b, c));
        return Math.min(1, 2 * tail);
    }

    /** The smallest p-value {@code n} discordant pairs can give: 2^(1-n), 1 for n = 0. */
    public static double smallestP(long n) {
        return n == 0 ? 1 : Math.min(1, Math.pow(2, 1 - n));
    }

    /**
     * Holm's adjusted p-values, in the order given: sorted ascending, the i-th (from 0) of m is
     * multiplied by m - i, made non-decreasing along the order and capped at 1. NaN stays NaN and
     * does not count in m.
     */
    public static double[] holm(double[] p) {
        Integer[] order = new Integer[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i++) {
            if (!Double.isNaN(p[i])) {
                order[m++] = i;
            }
        }
        Integer[] present = Arrays.copyOf(order, m);
        // ties keep the order given, so the adjustment does not depend on the sort
        Arrays.sort(present, Comparator.comparingDouble((Integer i) -> p[i]).thenComparingInt(i -> i));
        double[] out = new double[p.length];
        Arrays.fill(out, Double.NaN);
        double running = 0;
        for (int r = 0; r < m; r++) {
            int i = present[r];
            running = Math.max(running, Math.min(1, (m - r) * p[i]));
            out[i] = running;
        }
        return out;
    }
}
