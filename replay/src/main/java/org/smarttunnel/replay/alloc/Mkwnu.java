package org.smarttunnel.replay.alloc;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Markowitz numeric (Jain et al., SIGCOMM 2005, METHOD section 6): path i delivers with mean
 * mu_i = 1 - p_i and variance p_i (1 - p_i) (no burstiness). Over a grid of target means the
 * minimum-variance fractions (x_i >= 0, sum 1) are found by quadratic programs; the grid point
 * with the best Sharpe ratio (sum x_i mu_i - D/G) / sqrt(sum x_i^2 sigma_i^2) wins, and
 * x_i D and x_i R are rounded to integers by largest remainder. With a diagonal covariance the
 * QP's solution is x_i = max(0, a + b mu_i) / sigma_i^2, so its active set is a prefix or
 * suffix of the paths sorted by mu: each QP is solved exactly by trying those 2N sets.
 * A path that never loses has no variance: if one delivers more than D/G the Sharpe ratio is
 * unbounded and the lossless paths share the group equally.
 */
final class Mkwnu extends AbstractAllocator {
    static final int GRID = 1000;

    Mkwnu() {
        super("mkwnu", AllocatorGroup.PAPER_BASELINE, "MkwNu", "Markowitz numeric (Jain, Demmer, Patra and Fall, "
                + "SIGCOMM 2005): the best Sharpe ratio of delivery, losses taken as independent");
    }

    @Override
    public Allocation allocate(AllocationRequest request) {
        double[] x = fractions(request);
        return Allocation.spread(LargestRemainder.round(x, request.data()),
                LargestRemainder.round(x, request.redundancy()));
    }

    static double[] fractions(AllocationRequest request) {
        int n = request.size();
        double[] mu = new double[n];
        double[] var = new double[n];
        for (int i = 0; i < n; i++) {
            double p = request.paths().get(i).lossRate();
            mu[i] = 1 - p;
            var[i] = p * (1 - p);
        }
        double rate = (double) request.data() / request.groupSize();
        double[] riskless = new double[n];
        boolean anyRiskless = false;
        for (int i = 0; i < n; i++) {
            if (var[i] == 0 && mu[i] > rate) {
                riskless[i] = mu[i];
                anyRiskless = true;
            }
        }
        if (anyRiskless) {
            double top = Arrays.stream(riskless).max().orElse(0);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = riskless[i] == top ? 1 : 0;
            }
            return x;
        }
        Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> mu[i])).toArray(Integer[]::new);
        double lo = mu[order[0]];
        double hi = mu[order[n - 1]];
        double[] best = null;
        double bestSharpe = Double.NEGATIVE_INFINITY;
        for (int g = 0; g <= GRID; g++) {
            double target = hi == lo ? lo : lo + (hi - lo) * g / GRID;
            double[] x = minimumVariance(mu, var, order, target);
            if (x == null) {
                continue;
            }
            double v = 0;
            double m = 0;
            for (int i = 0; i < n; i++) {
                v += x[i] * x[i] * var[i];
                m += x[i] * mu[i];
            }
            double sharpe = v > 0 ? (m - rate) / Math.sqrt(v) : (m > rate ? Double.POSITIVE_INFINITY : -1e300);
            if (sharpe > bestSharpe) {
                bestSharpe = sharpe;
                best = x;
            }
        }
        return best;
    }

    /**
     * Minimum of sum x_i^2 var_i with sum x_i = 1, sum x_i mu_i = target, x >= 0; null if no
     * active set satisfies the KKT conditions (target outside [min mu, max mu]).
     */
    static double[] minimumVariance(double[] mu, double[] var, Integer[] order, double target) {
        int n = mu.length;
        for (int size = 1; size <= n; size++) {
            for (int side = 0; side < 2; side++) {
                int from = side == 0 ? n - size : 0;
                double[] x = solve(mu, var, order, from, from + size, target);
                if (x != null) {
                    return x;
                }
                if (size == n) {
                    break;
                }
            }
        }
        return null;
    }

    /** The KKT point with active set order[from..to), or null when it is not one. */
    private static double[] solve(double[] mu, double[] var, Integer[] order, int from, int to, double target) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        for (int j = from; j < to; j++) {
            int i = order[j];
            s0 += 1 / var[i];
            s1 += mu[i] / var[i];
            s2 += mu[i] * mu[i] / var[i];
        }
        double det = s0 * s2 - s1 * s1;
        double a;
        double b;
        if (Math.abs(det) <= 1e-15 * Math.abs(s0 * s2)) {
            double m = s1 / s0;
            if (Math.abs(m - target) > 1e-12) {
                return null;
            }
            a = 1 / s0;
            b = 0;
        } else {
            a = (s2 - s1 * target) / det;
            b = (s0 * target - s1) / det;
        }
        double[] x = new double[mu.length];
        for (int j = 0; j < order.length; j++) {
            int i = order[j];
            double v = a + b * mu[i];
            boolean active = j >= from && j < to;
            if (active && v < -1e-12) {
                return null;
            }
            if (!active && v > 1e-12) {
                return null;
            }
            x[i] = active ? Math.max(0, v) / var[i] : 0;
        }
        return x;
    }
}
