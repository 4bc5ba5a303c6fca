package org.smarttunnel.fitting.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.smarttunnel.fitting.stats.ChainTables;

class GilbertModelTest {
    @Test
    void twoStateGilbertByHand() {
        // p = 0.1, r = 0.6: pi_1 = p / (p + r) = 1/7, loss rate 1/7, mean burst 1/r
        GilbertModel m = GilbertModel.gilbert(0.1, 0.6);
        assertArrayEquals(new double[] {6.0 / 7, 1.0 / 7}, m.stationary(), 1e-15);
        assertEquals(1.0 / 7, m.lossRate(), 1e-15);
        assertEquals(1 / 0.6, m.meanBurst(), 1e-12);
        assertArrayEquals(new double[] {0.9, 0.1}, m.transition()[0], 1e-15);
        assertArrayEquals(new double[] {0.6, 0.4}, m.transition()[1], 1e-15);
    }

    @Test
    void stationaryDistributionSolvesPiEqualsPiP() {
        Random r = new Random(2);
        for (int round = 0; round < 200; round++) {
            int n = 1 + r.nextInt(8);
            double[] q = new double[n];
            for (int k = 0; k < n; k++) {
                q[k] = r.nextDouble() * (k == 0 ? 0.2 : 0.95);
            }
            GilbertModel m = GilbertModel.of(q);
            double[] pi = m.stationary();
            double[][] p = m.transition();
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += pi[i] * p[i][j];
                }
                assertEquals(pi[j], s, 1e-12);
            }
        }
    }

    @Test
    void meanBurstAgreesWithTheSumOfSurvivalProbabilities() {
        GilbertModel m = GilbertModel.of(0.01, 0.5, 0.7, 0.85);
        double sum = 0;
        for (int len = 1; len < 10_000; len++) {
            sum += m.burstAtLeast(len);
        }
        assertEquals(sum, m.meanBurst(), 1e-9);
        assertEquals(Double.NaN, GilbertModel.of(0, 0.5).meanBurst());
        assertEquals(Double.POSITIVE_INFINITY, GilbertModel.of(0.1, 1).meanBurst());
    }

    @Test
    void powersAndPairLossAgreeWithPlainMatrixArithmetic() {
        GilbertModel m = GilbertModel.of(0.03, 0.4, 0.6, 0.8);
        int n = 4;
        double[][] p = m.transition();
        double[][] acc = identity(n);
        double[][] powers = new ChainTables(m).powers(12);
        for (int g = 0; g <= 12; g++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(acc[i][j], powers[g][i * n + j], 1e-14, "P^" + g);
                }
            }
            acc = multiply(acc, p);
        }
        double[] c = ChainTables.pairLoss(m, 12);
        double[] pi = m.stationary();
        for (int g = 1; g <= 12; g++) {
            double both = 0;
            double[][] pg1 = power(p, g - 1);
            for (int k = 0; k < n; k++) {
                for (int s = 0; s < n; s++) {
                    both += pi[k] * m.q(k) * pg1[m.afterLoss(k)][s] * m.q(s);
                }
            }
            assertEquals(both, c[g], 1e-15, "gap " + g);
        }
        assertEquals(m.lossRate(), c[0], 1e-15);
    }

    private static double[][] identity(int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1;
        }
        return a;
    }

    private static double[][] power(double[][] p, int g) {
        double[][] a = identity(p.length);
        for (int i = 0; i < g; i++) {
            a = multiply(a, p);
        }
        return a;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    @Test
    void burstFitDistanceByHand() {
        // Bernoulli q0 = 0.5: bursts of 1 w.p. 0.5, of 2 w.p. 0.25, longer 0.25. Observed: two of
        // each of lengths 1 and 2: TV = 0.5 * (0 + 0.25 + 0.25) = 0.25
        TransitionCounts c = TransitionCounts.of(org.smarttunnel.ingest.trace.LossSequence.parse("0100110101100"));
        assertEquals(0.25, BurstFit.distance(GilbertModel.of(0.5), c.bursts()), 1e-15);
        assertEquals(Double.NaN, BurstFit.distance(GilbertModel.of(0.5), BurstHistogram.empty()));
    }
}
