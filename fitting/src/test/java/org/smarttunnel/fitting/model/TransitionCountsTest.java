package org.smarttunnel.fitting.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.smarttunnel.ingest.trace.LossSequence;

class TransitionCountsTest {
    /**
     * 0011010 (1 = lost): states before each probe 0,0,0,1,2,0,1. Visits: s0 4, s1 2, s2 1;
     * losses: s0 2, s1 1, s2 0. Bursts: one of 2, one of 1.
     */
    @Test
    void handWorkedSequence() {
        TransitionCounts c = TransitionCounts.of(LossSequence.parse("0011010"));
        assertEquals(7, c.probes());
        assertEquals(3, c.losses());
        assertArrayEquals(new double[] {3.0 / 7}, c.fit(1).q(), 1e-15);
        assertArrayEquals(new double[] {0.5, 1.0 / 3}, c.fit(2).q(), 1e-15);
        assertArrayEquals(new double[] {0.5, 0.5, 0.0}, c.fit(3).q(), 1e-15);
        assertArrayEquals(new double[] {0.5, 0.5, 0.0, 0.0}, c.fit(4).q(), 1e-15, "state 3 unvisited: q2");
        assertEquals(1, c.unvisitedStates(4));
        assertEquals(1, c.bursts().count(1));
        assertEquals(1, c.bursts().count(2));
        assertEquals(3, c.autoStates(), "99% of 2 bursts need length 2 told apart: n = 3");
    }

    @Test
    void unvisitedStatesFallBackToTheNearestVisitedLowerState() {
        // bursts of length 1 only: states 2.. never visited
        TransitionCounts c = TransitionCounts.of(LossSequence.parse("0100101000100"));
        double[] q = c.fit(5).q();
        assertEquals(0, q[1], 1e-15);
        assertEquals(q[1], q[2]);
        assertEquals(q[1], q[4]);
        assertEquals(3, c.unvisitedStates(5));
        assertEquals(2, c.autoStates());
    }

    @Test
    void noLossMeansBernoulliZeroAndNoProbesMeansNoModel() {
        TransitionCounts c = TransitionCounts.of(LossSequence.parse("0000"));
        assertEquals(1, c.autoStates());
        assertArrayEquals(new double[] {0}, c.fit(1).q());
        assertThrows(IllegalStateException.class, () -> TransitionCounts.empty().fit(2));
    }

    @Test
    void countsOfSeveralSequencesAddUp() {
        TransitionCounts a = TransitionCounts.of(LossSequence.parse("0110"));
        TransitionCounts b = TransitionCounts.of(LossSequence.parse("1001"));
        TransitionCounts sum = a.plus(b);
        assertEquals(8, sum.probes());
        assertEquals(4, sum.losses());
        // each sequence starts in state 0: s0 visits 2 + 3, losses 1 + 2
        assertEquals(5, sum.visits(0, 2));
        assertEquals(3, sum.losses(0, 2));
    }

    /**
     * The paper's estimate from burst counts m_i (m_0 = probes received): q_0 = sum m_j / m_0,
     * q_k = sum_{j>k} m_j / sum_{j>=k} m_j, q_{n-1} = sum_{j>=n} (j-n+1) m_j / sum_{j>=n-1} (j-n+2) m_j.
     * It is the transition-count estimate written differently: equal on sequences that end with
     * a reception (a trailing burst is censored, which burst counts cannot express).
     */
    @Test
    void burstCountFormulaGivesTheSameEstimate() {
        Random r = new Random(3);
        for (int round = 0; round < 300; round++) {
            int len = 2 + r.nextInt(3000);
            boolean[] lost = new boolean[len];
            boolean prev = false;
            double p = r.nextDouble() * 0.3;
            double q = r.nextDouble() * 0.9;
            for (int i = 0; i < len - 1; i++) {
                prev = r.nextDouble() < (prev ? q : p);
                lost[i] = prev;
            }
            LossSequence s = LossSequence.of(lost);
            TransitionCounts c = TransitionCounts.of(s);
            long[] m = new long[len + 1];
            for (var e : c.bursts().counts().entrySet()) {
                m[e.getKey()] = e.getValue();
            }
            m[0] = len - c.losses();
            for (int n = 1; n <= 8; n++) {
                double[] expected = burstFormula(m, n);
                double[] fitted = c.fit(n).q();
                for (int k = 0; k < n; k++) {
                    if (!Double.isNaN(expected[k])) {
                        assertEquals(expected[k], fitted[k], 1e-12, "round " + round + " n=" + n + " k=" + k);
                    }
                }
            }
        }
    }

    private static double[] burstFormula(long[] m, int n) {
        double[] q = new double[n];
        long bursts = 0;
        for (int j = 1; j < m.length; j++) {
            bursts += m[j];
        }
        if (n == 1) {
            long losses = 0;
            for (int j = 1; j < m.length; j++) {
                losses += j * m[j];
            }
            q[0] = (double) losses / (m[0] + losses);
            return q;
        }
        q[0] = (double) bursts / m[0];
        for (int k = 1; k < n - 1; k++) {
            q[k] = ratio(atLeast(m, k + 1), atLeast(m, k));
        }
        double num = 0;
        double den = 0;
        for (int j = n - 1; j < m.length; j++) {
            num += j >= n ? (j - n + 1) * (double) m[j] : 0;
            den += (j - n + 2) * (double) m[j];
        }
        q[n - 1] = den == 0 ? Double.NaN : num / den;
        return q;
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    private static long atLeast(long[] m, int k) {
        long s = 0;
        for (int j = k; j < m.length; j++) {
            s += m[j];
        }
        return s;
    }

    /** Long chains simulated from known q are recovered within four standard errors. */
    @Test
    void recoversTheParametersOfLongSimulatedChains() {
        double[][] truths = {{0.01, 0.6, 0.75, 0.9}, {0.002, 0.3}, {0.05}, {0.02, 0.5, 0.5, 0.5, 0.8, 0.95}};
        Random r = new Random(8);
        for (double[] truth : truths) {
            GilbertModel model = GilbertModel.of(truth);
            int n = truth.length;
            LossSequence.Builder b = new LossSequence.Builder(2_000_000);
            int state = 0;
            for (int i = 0; i < 2_000_000; i++) {
                boolean lost = r.nextDouble() < truth[state];
                b.add(lost);
                state = lost ? model.afterLoss(state) : 0;
            }
            TransitionCounts c = TransitionCounts.of(b.build());
            double[] q = c.fit(n).q();
            for (int k = 0; k < n; k++) {
                double se = Math.sqrt(truth[k] * (1 - truth[k]) / c.visits(k, n));
                assertEquals(truth[k], q[k], 4 * se, "n=" + n + " k=" + k);
            }
            assertEquals(model.lossRate(), (double) c.losses() / c.probes(), 0.1 * model.lossRate());
        }
    }
}
