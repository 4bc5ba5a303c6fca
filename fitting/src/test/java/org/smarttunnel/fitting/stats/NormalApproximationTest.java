package org.smarttunnel.fitting.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class NormalApproximationTest {
    @Test
    void logHalfErfcIsContinuousAndMatchesKnownValues() {
        assertEquals(Math.log(0.5 * 2.209049699858544e-05), LogErfc.logHalfErfc(3), 1e-13);
        assertEquals(Math.log(0.5 * 2.088487583762545e-45), LogErfc.logHalfErfc(10), 1e-12);
        assertEquals(Math.log(0.5 * 5.663192408856142e-296), LogErfc.logHalfErfc(26), 1e-11);
        assertEquals(0.179001151181389, LogErfc.erfcx(3), 1e-14);
        for (double u = 3.01; u < 26; u += 0.37) {
            assertEquals(Math.log(0.5 * Erf.erfc(u)), LogErfc.logHalfErfc(u), 1e-12 * Math.abs(u * u), "u=" + u);
        }
        for (double u = -8; u < 3; u += 0.13) {
            double expected = Math.log(0.5 * Erf.erfc(u));
            assertEquals(expected, LogErfc.logHalfErfc(u), 1e-13 + 1e-13 * Math.abs(expected), "u=" + u);
        }
        double u = 50;
        double asymptotic = Math.log(0.5) - u * u - Math.log(u * Math.sqrt(Math.PI))
                + Math.log(1 - 1 / (2 * u * u) + 3 / (4 * Math.pow(u, 4)) - 15 / (8 * Math.pow(u, 6)));
        assertEquals(asymptotic, LogErfc.logHalfErfc(u), 1e-12 * u * u);
    }

    /** Plain Simpson integration of eq. 7 where the values are ordinary numbers. */
    @Test
    void agreesWithDirectIntegrationOfEquation7() {
        double[][] cases = {{3.2, 1.5, 1.1, 0.9, 33, 7}, {0.8, 1.1, 0.2, 0.5, 33, 7}, {10, 3, 3, 2, 30, 10},
                {0.05, 0.3, 0.02, 0.15, 36, 4}, {1, 1, 1, 1, 10, 0}};
        for (double[] c : cases) {
            double direct = simpson(c[0], c[1], c[2], c[3], (int) c[4], (int) c[5]);
            double log = NormalApproximation.logExpectedLoss(c[0], c[1], c[2], c[3], (int) c[4], (int) c[5]);
            assertEquals(direct, Math.exp(log), 1e-9 * direct, java.util.Arrays.toString(c));
        }
    }

    private static double simpson(double mx, double sx, double my, double sy, int d, int r) {
        int n = 2_000_000;
        double h = (double) d / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double x = i * h;
            double f = x * Math.exp(-0.5 * Math.pow((x - mx) / sx, 2)) / (sx * Math.sqrt(2 * Math.PI))
                    * 0.5 * Erf.erfc((r - x - my) / (Math.sqrt(2) * sy));
            sum += f * (i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2));
        }
        return sum * h / 3;
    }

    /**
     * With sdY = 0 and muY = 0 eq. 7 is the Gaussian tail integral over [R, D], which has a
     * closed form: muX (Phi(b) - Phi(a)) + sdX (phi(a) - phi(b)) in standard units. Checked far
     * in the tail, around 1e-80, where a plain sum would be 0.
     */
    @Test
    void keepsRelativePrecisionFarInTheTail() {
        double mx = 0.5;
        double sx = 0.4;
        int r = 8;
        int d = 33;
        double za = (r - mx) / sx;
        double zb = (d - mx) / sx;
        double phiA = Math.exp(-0.5 * za * za) / Math.sqrt(2 * Math.PI);
        double tailA = 0.5 * Erf.erfc(za / Math.sqrt(2));
        double closed = mx * tailA + sx * phiA;
        assertTrue(closed > 1e-90 && closed < 1e-70, "closed form " + closed);
        assertTrue(zb > 80);
        double log = NormalApproximation.logExpectedLoss(mx, sx, 0, 0, d, r);
        assertEquals(Math.log(closed), log, 1e-8);
        assertTrue(NormalApproximation.logExpectedLoss(mx, sx, 0.01, 1e-3, d, r) > log, "more redundancy lost: worse");
    }

    @Test
    void degenerateSpreads() {
        // no spread in X: X = muX; X~ = muX P(Y > R - muX)
        assertEquals(Math.log(2.0) + LogErfc.logHalfErfc((5 - 2 - 1.0) / (Math.sqrt(2) * 0.5)),
                NormalApproximation.logExpectedLoss(2, 0, 1, 0.5, 10, 5), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, NormalApproximation.logExpectedLoss(0, 0, 0, 0, 10, 5));
        assertEquals(Math.log(6), NormalApproximation.logExpectedLoss(6, 0, 0, 0, 10, 5), 1e-15);
    }
}
