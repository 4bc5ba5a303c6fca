package org.smarttunnel.fitting.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * The n-state extended Gilbert loss model (paper eq. 2, METHOD section 5). State k is the
 * number of consecutive losses just before the current packet, capped at n-1;
 * {@code q[k]} = P(lost | state k). A loss in state k leads to state min(k+1, n-1), a
 * reception to state 0. n = 1 is the Bernoulli model, n = 2 the 2-state Gilbert model.
 * Immutable; derived quantities are computed once.
 */
public final class GilbertModel {
    private final double[] q;
    private final double[] stationary;
    private final double lossRate;
    private volatile double[][] powers = new double[0][];
    private volatile double[][] transfers = new double[0][];
    private volatile double[][] lostTransfers = new double[0][];

    private GilbertModel(double[] q) {
        this.q = q;
        this.stationary = solveStationary(q);
        double rate = 0;
        for (int k = 0; k < q.length; k++) {
            rate += stationary[k] * q[k];
        }
        this.lossRate = rate;
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

    public int states() {
        return q.length;
    }

    public double q(int k) {
        return q[k];
    }

    public double[] q() {
        return q.clone();
    }

    /** The state after a loss in state k. */
    public int afterLoss(int k) {
        return Math.min(k + 1, q.length - 1);
    }

    public double[] stationary() {
        return stationary.clone();
    }

    public double stationary(int k) {
        return stationary[k];
    }

    /** Stationary loss rate, sum over k of pi_k q_k. */
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

    /**
     * P^g for g = 0..maxPower, each flattened row-major (entry [i*n + j]); computed once and
     * cached, since schedules reuse them for every allocation.
     */
    public double[][] powers(int maxPower) {
        double[][] cached = powers;
        if (cached.length > maxPower) {
            return cached;
        }
        int n = q.length;
        double[][] out = Arrays.copyOf(cached, maxPower + 1);
        int from = cached.length;
        if (from == 0) {
            out[0] = new double[n * n];
            for (int i = 0; i < n; i++) {
                out[0][i * n + i] = 1;
            }
            from = 1;
        }
        for (int g = from; g <= maxPower; g++) {
            out[g] = step(out[g - 1]);
        }
        powers = out;
        return out;
    }

    /**
     * For g = 0..maxGap, the move from "before a carried slot" to "before the next carried slot
     * g slots later", split by the fate of that next slot: entries [0, n) hold
     * P(next slot received | state k now), entries n + k*n + t hold P(next slot lost and the
     * chain then in state t | state k now). Cached like {@link #powers}.
     */
    public double[][] transfers(int maxGap) {
        double[][] cached = transfers;
        if (cached.length > maxGap) {
            return cached;
        }
        int n = q.length;
        double[][] pw = powers(maxGap);
        double[][] out = new double[maxGap + 1][];
        for (int g = 0; g <= maxGap; g++) {
            double[] t = new double[n + n * n];
            for (int k = 0; k < n; k++) {
                for (int s = 0; s < n; s++) {
                    double reach = pw[g][k * n + s];
                    t[k] += reach * (1 - q[s]);
                    t[n + k * n + afterLoss(s)] += reach * q[s];
                }
            }
            out[g] = t;
        }
        transfers = out;
        return out;
    }

    /**
     * The "lost" half of {@link #transfers} in a factored form, for gaps g = 0..min(maxGap, n-3)
     * (where it is cheaper than the dense n x n form). After g uncarried slots the chain is in
     * state j < g only if slot g-j was received: P(j | k) = P(state 0 after g-j steps | k) Q(j),
     * Q(j) = q_0 ... q_{j-1}; otherwise every slot was lost and it is in state min(k+g, n-1).
     * So P(next slot lost, then state s | k) is, for 1 <= s <= g, a[s-1][k] = P(state 0 after
     * g-s+1 steps | k) Q(s-1) q_{s-1}, entry (s-1)*n + k; plus, into state min(k+g+1, n-1),
     * b[k] = q_k ... q_{min(k+g, n-1)} (the run of losses from k), entry g*n + k.
     */
    public double[][] lostTransfers(int maxGap) {
        int n = q.length;
        int top = Math.min(maxGap, n - 3);
        double[][] cached = lostTransfers;
        if (top < 0 || cached.length > top) {
            return cached;
        }
        double[][] pw = powers(top + 1);
        double[][] out = new double[top + 1][];
        for (int g = 0; g <= top; g++) {
            double[] t = new double[(g + 1) * n];
            for (int s = 1; s <= g; s++) {
                double runFromZero = 1;
                for (int l = 0; l < s - 1; l++) {
                    runFromZero *= q[Math.min(l, n - 1)];
                }
                double factor = runFromZero * q[s - 1];
                for (int k = 0; k < n; k++) {
                    t[(s - 1) * n + k] = pw[g - s + 1][k * n] * factor;
                }
            }
            for (int k = 0; k < n; k++) {
                double run = 1;
                for (int l = 0; l <= g; l++) {
                    run *= q[Math.min(k + l, n - 1)];
                }
                t[g * n + k] = run;
            }
            out[g] = t;
        }
        lostTransfers = out;
        return out;
    }

    /** M P for a flattened n x n matrix M, using P's two non-zero entries per row. */
    private double[] step(double[] m) {
        int n = q.length;
        double[] r = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double v = m[i * n + k];
                if (v != 0) {
                    r[i * n] += v * (1 - q[k]);
                    r[i * n + afterLoss(k)] += v * q[k];
                }
            }
        }
        return r;
    }

    /**
     * P(L_j = 1 and L_{j+g} = 1) in stationarity for g = 0..maxGap: the loss-pair function the
     * variance of a slot set is built from (METHOD section 5).
     */
    public double[] pairLoss(int maxGap) {
        int n = q.length;
        double[] c = new double[maxGap + 1];
        c[0] = lossRate;
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[afterLoss(k)] += stationary[k] * q[k];
        }
        for (int g = 1; g <= maxGap; g++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += v[k] * q[k];
            }
            c[g] = s;
            double[] next = new double[n];
            for (int k = 0; k < n; k++) {
                next[0] += v[k] * (1 - q[k]);
                next[afterLoss(k)] += v[k] * q[k];
            }
            v = next;
        }
        return c;
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
        return Arrays.hashCode(q);
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
