package org.smarttunnel.fitting.model;

import java.util.TreeMap;
import org.smarttunnel.ingest.trace.LossSequence;

/**
 * Sufficient statistics of the extended Gilbert model (METHOD section 5): for each state k
 * (consecutive losses before a probe, kept exactly up to {@link #MAX_STATES} - 1), how often a
 * probe found the chain there and how often it was lost; plus the loss bursts. The first probe
 * of a sequence is in state 0. Counts of several sequences add up (pooled history).
 */
public final class TransitionCounts {
    /** The most states a model may have (the cap of the automatic choice). */
    public static final int MAX_STATES = 16;
    /** Share of loss bursts the automatic choice of n must capture. */
    public static final double AUTO_COVERAGE = 0.99;

    private final long[] visits;
    private final long[] losses;
    private final BurstHistogram bursts;

    private TransitionCounts(long[] visits, long[] losses, BurstHistogram bursts) {
        this.visits = visits;
        this.losses = losses;
        this.bursts = bursts;
    }

    public static TransitionCounts empty() {
        return new TransitionCounts(new long[MAX_STATES], new long[MAX_STATES], BurstHistogram.empty());
    }

    /** Counts of one sequence. */
    public static TransitionCounts of(LossSequence s) {
        long[] visits = new long[MAX_STATES];
        long[] losses = new long[MAX_STATES];
        TreeMap<Integer, Long> bursts = new TreeMap<>();
        int run = 0;
        int n = s.length();
        for (int w = 0; w < s.wordCount(); w++) {
            long word = s.word(w);
            int bits = Math.min(64, n - 64 * w);
            if (word == 0 && run == 0) {
                visits[0] += bits;
                continue;
            }
            for (int b = 0; b < bits; b++) {
                int state = Math.min(run, MAX_STATES - 1);
                visits[state]++;
                if ((word & (1L << b)) != 0) {
                    losses[state]++;
                    run++;
                } else if (run > 0) {
                    bursts.merge(run, 1L, Long::sum);
                    run = 0;
                }
            }
        }
        if (run > 0) {
            bursts.merge(run, 1L, Long::sum);
        }
        return new TransitionCounts(visits, losses, new BurstHistogram(bursts));
    }

    public TransitionCounts plus(TransitionCounts o) {
        long[] v = new long[MAX_STATES];
        long[] l = new long[MAX_STATES];
        for (int k = 0; k < MAX_STATES; k++) {
            v[k] = visits[k] + o.visits[k];
            l[k] = losses[k] + o.losses[k];
        }
        return new TransitionCounts(v, l, bursts.plus(o.bursts));
    }

    public long probes() {
        long p = 0;
        for (long v : visits) {
            p += v;
        }
        return p;
    }

    public long losses() {
        long p = 0;
        for (long v : losses) {
            p += v;
        }
        return p;
    }

    public BurstHistogram bursts() {
        return bursts;
    }

    /** Visits to state k of an n-state model (the last state gathers all longer runs). */
    public long visits(int k, int n) {
        return capped(visits, k, n);
    }

    /** Losses in state k of an n-state model. */
    public long losses(int k, int n) {
        return capped(losses, k, n);
    }

    private static long capped(long[] a, int k, int n) {
        if (k < n - 1) {
            return a[k];
        }
        long s = 0;
        for (int j = n - 1; j < MAX_STATES; j++) {
            s += a[j];
        }
        return s;
    }

    /**
     * The smallest n whose states tell apart the burst lengths of {@link #AUTO_COVERAGE} of the
     * bursts (n - 1 at least that quantile of burst length), capped at {@link #MAX_STATES};
     * 1 (Bernoulli) when there is no loss.
     */
    public int autoStates() {
        if (bursts.bursts() == 0) {
            return 1;
        }
        return Math.min(MAX_STATES, bursts.quantile(AUTO_COVERAGE) + 1);
    }

    /**
     * Maximum-likelihood fit with n states: q_k = losses in state k / visits to state k. A state
     * never visited has no estimate and takes the q of the nearest visited lower state.
     *
     * @throws IllegalStateException when there are no probes
     */
    public GilbertModel fit(int n) {
        if (n < 1 || n > MAX_STATES) {
            throw new IllegalArgumentException("states must be between 1 and " + MAX_STATES + ", got " + n);
        }
        if (probes() == 0) {
            throw new IllegalStateException("no probes to fit a loss model on");
        }
        double[] q = new double[n];
        for (int k = 0; k < n; k++) {
            long v = visits(k, n);
            q[k] = v > 0 ? (double) losses(k, n) / v : q[k - 1];
        }
        return GilbertModel.of(q);
    }

    /** Which states of an n-state fit had no visit (their q came from a lower state). */
    public int unvisitedStates(int n) {
        int u = 0;
        for (int k = 0; k < n; k++) {
            if (visits(k, n) == 0) {
                u++;
            }
        }
        return u;
    }
}
