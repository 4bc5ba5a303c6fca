package org.smarttunnel.fitting.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * The n-state extended Gilbert loss model (paper eq. 2, METHOD section 5). State k is the
 * number of consecutive losses just before the current packet, capped at n-1;
 * {@code q[k]} = P(lost | state k). A loss in state k leads to state min(k+1, n-1), a
 * reception to state 0. n = 1 is the Bernoulli model, n = 2 the 2-state Gilbert model.
 * Immutable; derived quantities are computed once. What the exact statistics derive from the
 * chain (matrix powers, transfers) lives in {@code fitting.stats.ChainTables}.
 */
public final class GilbertModel implements LossChain {
    private final double[] q;
    private final double[] stationary;
    private final double lossRate;
    private final int hash;

    private GilbertModel(double[] q) {
        this.q = q;
        this.stationary = solveStationary(q);
        double rate = 0;
        for (int k = 0; k < q.length; k++) {
            rate += stationary[k] * q[k];
        }
        this.lossRate = rate;
        this.hash = Arrays.hashCode(q);
    }

    /** A model with {@code q.length} states; every q must lie in [0, 1]. */
    public static GilbertModel of(double... q) {
        if (q.length == 0) {
            throw new IllegalArgumentException("a loss model needs at least one state");
        }
        for (double v : q) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("loss probabilities must lie in [0, 1], got " + v);
            }
        }
        return new GilbertModel(q.clone());
    }

    /** The 2-state Gilbert model with P(loss | previous received) = p and P(loss | previous lost) = 1 - r. */
    public static GilbertModel gilbert(double p, double r) {
        return of(p, 1 - r);
    }

    @Override
    public int states() {
        return q.length;
    }

    public double q(int k) {
        return q[k];
    }

    @Override
    public double lossProbability(int state) {
        return q[state];
    }

    @Override
    public int next(int state, boolean lost) {
        return lost ? afterLoss(state) : 0;
    }

    public double[] q() {
        return q.clone();
    }

    /** The state after a loss in state k. */
    public int afterLoss(int k) {
        return Math.min(k + 1, q.length - 1);
    }

    /** The stationary distribution, in closed form: pi_k proportional to q_0 ... q_(k-1), the last state absorbing the tail. */
    @Override
    public double[] stationary() {
        return stationary.clone();
    }

    public double stationary(int k) {
        return stationary[k];
    }

    /** Stationary loss rate, sum over k of pi_k q_k. */
    @Override
    public double lossRate() {
        return lossRate;
    }

    /** P(a loss burst is at least m long), m >= 1: the product of continuation probabilities. */
    public double burstAtLeast(int m) {
        double p = 1;
        for (int j = 1; j < m; j++) {
            p *= q[Math.min(j, q.length - 1)];
            if (p == 0) {
                return 0;
            }
        }
        return p;
    }

    /** Mean loss burst length; NaN when the model never loses, infinite when a burst never ends. */
    public double meanBurst() {
        if (lossRate == 0) {
            return Double.NaN;
        }
        int n = q.length;
        if (n == 1) {
            return q[0] == 1 ? Double.POSITIVE_INFINITY : 1 / (1 - q[0]);
        }
        double sum = 0;
        double prefix = 1;
        for (int m = 1; m <= n - 1; m++) {
            sum += prefix;
            if (m < n - 1) {
                prefix *= q[m];
            }
        }
        double last = q[n - 1];
        if (prefix == 0 || last == 0) {
            return sum;
        }
        return last == 1 ? Double.POSITIVE_INFINITY : sum + prefix * last / (1 - last);
    }

    /** The transition matrix P (paper eq. 2, written row = from-state). */
    public double[][] transition() {
        int n = q.length;
        double[][] p = new double[n][n];
        for (int k = 0; k < n; k++) {
            p[k][0] += 1 - q[k];
            p[k][afterLoss(k)] += q[k];
        }
        return p;
    }

    private static double[] solveStationary(double[] q) {
        int n = q.length;
        double[] u = new double[n];
        u[0] = 1;
        if (n == 1) {
            return u;
        }
        for (int k = 1; k < n - 1; k++) {
            u[k] = u[k - 1] * q[k - 1];
        }
        double inflow = u[n - 2] * q[n - 2];
        if (q[n - 1] == 1 && inflow > 0) {
            double[] absorbed = new double[n];
            absorbed[n - 1] = 1;
            return absorbed;
        }
        u[n - 1] = inflow == 0 ? 0 : inflow / (1 - q[n - 1]);
        double sum = 0;
        for (double x : u) {
            sum += x;
        }
        for (int k = 0; k < n; k++) {
            u[k] /= sum;
        }
        return u;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GilbertModel m && Arrays.equals(m.q, q);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("GilbertModel[n=").append(q.length).append(", q=");
        for (int k = 0; k < q.length; k++) {
            sb.append(k == 0 ? "" : ";").append(String.format(Locale.ROOT, "%.6g", q[k]));
        }
        return sb.append(']').toString();
    }
}
