package org.smarttunnel.fitting.model;

import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.ingest.trace.LossSequence;

/**
 * A loss process driven by a finite Markov chain that steps once per slot: in each state the
 * probability that the slot's packet is lost, and the probabilities of the next state given the
 * state and whether the packet was lost. A {@link LossChain} (the extended Gilbert family) moves
 * to one state decided by the outcome; a hidden Markov model such as {@link GilbertElliott}
 * moves at random whatever the outcome. This is all the exact loss statistics and the allocators
 * need ({@code fitting.stats}).
 */
public interface MarkovLoss {
    int states();

    /** P(lost | the chain is in {@code state}). */
    double lossProbability(int state);

    /** P(the next slot finds the chain in {@code to} | it is in {@code from} and this slot's packet was lost or not). */
    double transition(int from, boolean lost, int to);

    /** The fitted values as one line of text ("q=0.01;0.6", "p=...;r=...;1-k=...;1-h=..."). */
    String describe();

    /** The stationary distribution (a copy), by Gaussian elimination on the balance equations. */
    default double[] stationary() {
        int n = states();
        double[][] a = new double[n][n + 1];
        for (int s = 0; s < n; s++) {
            double q = lossProbability(s);
            for (int t = 0; t < n; t++) {
                a[t][s] += q * transition(s, true, t) + (1 - q) * transition(s, false, t);
            }
            a[s][s] -= 1;
        }
        return Balance.solve(a);
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

    /**
     * P(a run lasts at least m packets), m &gt;= 1, for a burst (a loss after a reception, then
     * losses) or a gap (a reception after a loss, then receptions), in stationarity: the state
     * at the packet before the run, carried through the run's packets.
     */
    default double runAtLeast(boolean burst, int m) {
        int n = states();
        double[] pi = stationary();
        double[] v = new double[n];
        for (int s = 0; s < n; s++) {
            v[s] = pi[s] * (burst ? 1 - lossProbability(s) : lossProbability(s));
        }
        v = step(v, !burst, burst);
        double start = 0;
        for (double x : v) {
            start += x;
        }
        if (start <= 0) {
            return 0;
        }
        double total = 0;
        for (int s = 0; s < n; s++) {
            v[s] /= start;
            total += v[s];
        }
        for (int k = 1; k < m; k++) {
            v = step(v, burst, burst);
            total = 0;
            for (double x : v) {
                total += x;
            }
            if (total < 1e-300) {
                return 0;
            }
        }
        return total;
    }

    /** One packet: the chain moves on from the packet just {@code from} (lost or not), then the next is {@code lost} or not. */
    private double[] step(double[] v, boolean from, boolean lost) {
        int n = states();
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            double into = 0;
            for (int s = 0; s < n; s++) {
                into += v[s] * transition(s, from, t);
            }
            double q = lossProbability(t);
            out[t] = into * (lost ? q : 1 - q);
        }
        return out;
    }

    /** P(burst &gt;= m) (see {@link #runAtLeast}). */
    default double burstAtLeast(int m) {
        return runAtLeast(true, m);
    }

    /** Mean burst length in stationarity: losses per burst, P(lost) / P(lost, then received); 0 without losses. */
    default double meanBurst() {
        int n = states();
        double[] pi = stationary();
        double lost = 0;
        double ends = 0;
        for (int s = 0; s < n; s++) {
            double q = lossProbability(s);
            lost += pi[s] * q;
            for (int t = 0; t < n; t++) {
                ends += pi[s] * q * transition(s, true, t) * (1 - lossProbability(t));
            }
        }
        return lost == 0 ? 0 : ends == 0 ? Double.POSITIVE_INFINITY : lost / ends;
    }

    /** ln L of a loss sequence (natural log): the scaled forward recursion from the stationary distribution. */
    default double logLikelihood(LossSequence s) {
        int n = states();
        double[] a = stationary();
        double[] next = new double[n];
        double ll = 0;
        for (int i = 0; i < s.length(); i++) {
            boolean lost = s.lost(i);
            java.util.Arrays.fill(next, 0);
            double c = 0;
            for (int k = 0; k < n; k++) {
                if (a[k] == 0) {
                    continue;
                }
                double q = lossProbability(k);
                double v = a[k] * (lost ? q : 1 - q);
                for (int t = 0; t < n; t++) {
                    next[t] += v * transition(k, lost, t);
                }
                c += v;
            }
            if (!(c > 0)) {
                return Double.NEGATIVE_INFINITY;
            }
            ll += Math.log(c);
            for (int k = 0; k < n; k++) {
                a[k] = next[k] / c;
            }
        }
        return ll;
    }

    /** {@code q=q0;q1;...}: the loss probability per state, six significant digits each. */
    static String lossText(MarkovLoss m) {
        StringBuilder q = new StringBuilder();
        for (int k = 0; k < m.states(); k++) {
            q.append(k == 0 ? "" : ";").append(Numbers.number(m.lossProbability(k)));
        }
        return q.toString();
    }
}
