package org.smarttunnel.fitting.stats;

import org.smarttunnel.fitting.model.MarkovLoss;

/**
 * The exact joint distribution of (lost data, lost redundant) packets of a group: P(a, b)
 * for a = 0..d and b = 0..r. Built per path by a forward pass over the slots it carries (the
 * chain starts in its stationary distribution and moves between carried slots by the
 * precomputed matrix power P^gap); paths combine by convolution (independence). Every
 * quantity is a sum of non-negative terms, so tiny probabilities keep their relative
 * precision.
 */
public final class JointLoss {
    private final int maxData;
    private final int maxRedundant;
    private final double[] p;

    private JointLoss(int maxData, int maxRedundant, double[] p) {
        this.maxData = maxData;
        this.maxRedundant = maxRedundant;
        this.p = p;
    }

    /** No packets: no loss, with certainty. */
    public static JointLoss none() {
        return new JointLoss(0, 0, new double[] {1});
    }

    /** One path's losses under its model. */
    public static JointLoss of(MarkovLoss chain, PathSlots slots) {
        ChainTables model = new ChainTables(chain);
        int n = model.states();
        int d = slots.data();
        int r = slots.redundant();
        int w = r + 1;
        int cells = (d + 1) * w;
        double[] cur = new double[n * cells];
        double[] next = new double[n * cells];
        for (int k = 0; k < n; k++) {
            cur[k * cells] = model.stationary(k);
        }
        double[][] powers = model.powers(slots.groupSize());
        int aMax = 0;
        int bMax = 0;
        int prev = -1;
        for (int i = 0; i < slots.count(); i++) {
            int slot = slots.slot(i);
            int gap = slot - prev - 1;
            if (gap > 0 && prev >= 0) {
                advance(powers[gap], n, cells, w, aMax, bMax, cur, next);
                double[] t = cur;
                cur = next;
                next = t;
            }
            boolean data = slots.isData(i);
            int shift = data ? w : 1;
            int aTop = data ? aMax + 1 : aMax;
            int bTop = data ? bMax : bMax + 1;
            for (int k = 0; k < n; k++) {
                for (int a = 0; a <= aTop; a++) {
                    int row = k * cells + a * w;
                    for (int b = 0; b <= bTop; b++) {
                        next[row + b] = 0;
                    }
                }
            }
            for (int k = 0; k < n && !model.deterministic(); k++) {
                for (int t = 0; t < n; t++) {
                    double keep = model.received(k, t);
                    double lose = model.lost(k, t);
                    for (int a = 0; a <= aMax; a++) {
                        int cell = a * w;
                        for (int b = 0; b <= bMax; b++) {
                            double m = cur[k * cells + cell + b];
                            if (m != 0) {
                                next[t * cells + cell + b] += m * keep;
                                next[t * cells + shift + cell + b] += m * lose;
                            }
                        }
                    }
                }
            }
            for (int k = 0; k < n && model.deterministic(); k++) {
                double q = model.lossProbability(k);
                int lostBase = model.afterLoss(k) * cells + shift;
                int receivedBase = model.afterReception(k) * cells;
                for (int a = 0; a <= aMax; a++) {
                    int cell = a * w;
                    for (int b = 0; b <= bMax; b++) {
                        double m = cur[k * cells + cell + b];
                        if (m != 0) {
                            next[receivedBase + cell + b] += m * (1 - q);
                            next[lostBase + cell + b] += m * q;
                        }
                    }
                }
            }
            double[] t = cur;
            cur = next;
            next = t;
            aMax = aTop;
            bMax = bTop;
            prev = slot;
        }
        double[] out = new double[cells];
        for (int k = 0; k < n; k++) {
            for (int c = 0; c < cells; c++) {
                out[c] += cur[k * cells + c];
            }
        }
        return new JointLoss(d, r, out);
    }

    /** {@code next} := {@code cur} times P^gap in the state dimension, for the reachable cells. */
    private static void advance(double[] power, int n, int cells, int w, int aMax, int bMax, double[] cur,
            double[] next) {
        for (int s = 0; s < n; s++) {
            for (int a = 0; a <= aMax; a++) {
                int row = s * cells + a * w;
                for (int b = 0; b <= bMax; b++) {
                    next[row + b] = 0;
                }
            }
        }
        for (int k = 0; k < n; k++) {
            for (int s = 0; s < n; s++) {
                double t = power[k * n + s];
                if (t == 0) {
                    continue;
                }
                for (int a = 0; a <= aMax; a++) {
                    int from = k * cells + a * w;
                    int to = s * cells + a * w;
                    for (int b = 0; b <= bMax; b++) {
                        next[to + b] += cur[from + b] * t;
                    }
                }
            }
        }
    }

    /** The distribution of the summed losses of two independent parts. */
    public JointLoss convolve(JointLoss o) {
        int d = maxData + o.maxData;
        int r = maxRedundant + o.maxRedundant;
        int w = r + 1;
        double[] out = new double[(d + 1) * w];
        int w1 = maxRedundant + 1;
        int w2 = o.maxRedundant + 1;
        for (int a1 = 0; a1 <= maxData; a1++) {
            for (int b1 = 0; b1 <= maxRedundant; b1++) {
                double x = p[a1 * w1 + b1];
                if (x == 0) {
                    continue;
                }
                for (int a2 = 0; a2 <= o.maxData; a2++) {
                    int base = (a1 + a2) * w + b1;
                    for (int b2 = 0; b2 <= o.maxRedundant; b2++) {
                        out[base + b2] += x * o.p[a2 * w2 + b2];
                    }
                }
            }
        }
        return new JointLoss(d, r, out);
    }

    public int maxData() {
        return maxData;
    }

    public int maxRedundant() {
        return maxRedundant;
    }

    /** P(a data and b redundant packets lost). */
    public double probability(int a, int b) {
        return a > maxData || b > maxRedundant ? 0 : p[a * (maxRedundant + 1) + b];
    }

    /**
     * Paper eq. 1: the expected number of data packets lost after FEC with {@code r} redundant
     * packets, sum over a, b with a + b > r of a P(a, b).
     */
    public double expectedLostAfterFec(int r) {
        double sum = 0;
        int w = maxRedundant + 1;
        for (int a = 1; a <= maxData; a++) {
            for (int b = Math.max(0, r - a + 1); b <= maxRedundant; b++) {
                sum += a * p[a * w + b];
            }
        }
        return sum;
    }
}
