package org.smarttunnel.fitting.model;

/**
 * A Markov loss chain: a finite set of states, in each the probability that the packet in
 * this slot is lost, and the state the chain moves to after a loss or a reception. This is
 * all the exact loss statistics need ({@code fitting.stats}); they step the chain every slot,
 * carried or not. The extended Gilbert model is one; a loss model that fits this shape needs
 * nothing else to be scored exactly.
 */
public interface LossChain {
    int states();

    /** P(lost | the chain is in {@code state}). */
    double lossProbability(int state);

    /** The state after this slot's packet was lost ({@code lost}) or received. */
    int next(int state, boolean lost);

    /**
     * The stationary distribution (a copy). This default solves the balance equations by
     * Gaussian elimination; a chain with a closed form overrides it.
     */
    default double[] stationary() {
        int n = states();
        double[][] a = new double[n][n + 1];
        for (int s = 0; s < n; s++) {
            double q = lossProbability(s);
            a[next(s, true)][s] += q;
            a[next(s, false)][s] += 1 - q;
            a[s][s] -= 1;
        }
        for (int s = 0; s < n; s++) {
            a[n - 1][s] = 1;
        }
        a[n - 1][n] = 1;
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r != c && a[c][c] != 0) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k <= n; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[] pi = new double[n];
        for (int s = 0; s < n; s++) {
            pi[s] = a[s][s] == 0 ? 0 : Math.max(0, a[s][n] / a[s][s]);
        }
        return pi;
    }

    /** Stationary loss rate: the sum over states of pi_s P(lost | s). */
    default double lossRate() {
        double[] pi = stationary();
        double rate = 0;
        for (int s = 0; s < pi.length; s++) {
            rate += pi[s] * lossProbability(s);
        }
        return rate;
    }
}
