package org.smarttunnel.eval.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UncertaintyTest {
    /**
     * Known answers of the Wilson score interval without continuity correction, as R's
     * prop.test(x, n, correct = FALSE)$conf.int and statsmodels' proportion_confint(method =
     * "wilson") give them: 8 of 10 at 95% is (0.4901625, 0.9433178); 0 of 10 is (0, 0.2775328);
     * 50 of 200 at 90% is (0.2031997, 0.3034739) (the formula evaluated with Python's
     * statistics.NormalDist for z).
     */
    @Test
    void wilsonKnownAnswers() {
        Ci a = Wilson.interval(8, 10, 0.95);
        assertEquals(0.4901625, a.low(), 1e-6);
        assertEquals(0.9433178, a.high(), 1e-6);
        Ci b = Wilson.interval(0, 10, 0.95);
        assertEquals(0, b.low(), 1e-12);
        assertEquals(0.2775328, b.high(), 1e-6);
        Ci c = Wilson.interval(50, 200, 0.90);
        assertEquals(0.2031997, c.low(), 1e-6);
        assertEquals(0.3034739, c.high(), 1e-6);
        assertFalse(Wilson.interval(0, 0, 0.95).present());
        assertEquals(1.959964, Wilson.z(0.95), 1e-6);
    }

    /**
     * The exact McNemar test is the two-sided binomial test on the discordant pairs (R's
     * binom.test(b, b + c)$p.value, and mcnemar.exact): b = 1, c = 9 gives 2 (1 + 10) / 1024 =
     * 0.02148438; b = 3, c = 8 gives 0.2265625; b = 10, c = 10 gives 1; none gives 1.
     */
    @Test
    void mcNemarKnownAnswers() {
        assertEquals(22.0 / 1024, PairedTests.exactBinomial(1, 9), 1e-12);
        assertEquals(22.0 / 1024, PairedTests.exactBinomial(9, 1), 1e-12);
        assertEquals(0.2265625, PairedTests.exactBinomial(3, 8), 1e-9);
        assertEquals(1, PairedTests.exactBinomial(10, 10), 1e-12);
        assertEquals(1, PairedTests.exactBinomial(0, 0), 0);
        assertEquals(2.0 / 64, PairedTests.smallestP(6), 1e-15);
        assertEquals(2.0 / 32, PairedTests.smallestP(5), 1e-15);
    }

    /**
     * Holm by hand: p = (0.01, 0.04, 0.03, 0.005) sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1
     * = 0.02, 0.03, 0.06, 0.04 → made non-decreasing: 0.02, 0.03, 0.06, 0.06; NaN left out of m.
     */
    @Test
    void holmByHand() {
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, PairedTests.holm(new double[] {0.01, 0.04, 0.03,
            0.005}), 1e-12);
        double[] withNan = PairedTests.holm(new double[] {0.2, Double.NaN, 0.6});
        assertEquals(0.4, withNan[0], 1e-12);
        assertTrue(Double.isNaN(withNan[1]));
        assertEquals(0.6, withNan[2], 1e-12);
        assertEquals(1, PairedTests.holm(new double[] {0.9, 0.8})[0], 0, "capped at 1");
    }

    @Test
    void bootstrapIsReproducibleForASeedAndTheSameForEveryAllocatorOfACell() {
        int[][] a = ClusterBootstrap.resamples(7, 3, 1, 20, 100);
        int[][] b = ClusterBootstrap.resamples(7, 3, 1, 20, 100);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i]);
        }
        int[][] other = ClusterBootstrap.resamples(7, 3, 2, 20, 100);
        assertFalse(java.util.Arrays.equals(a[0], other[0]), "another cell draws other tunnels");
        // nearest rank: of 1..100 the 2.5% and 97.5% quantiles are the 3rd and the 98th
        double[] draws = new double[100];
        for (int i = 0; i < 100; i++) {
            draws[i] = 100 - i;
        }
        Ci ci = ClusterBootstrap.percentile(draws, 0.95);
        assertEquals(3, ci.low());
        assertEquals(98, ci.high());
        assertFalse(ClusterBootstrap.percentile(new double[] {Double.NaN}, 0.95).present());
    }

    /**
     * Coverage: a synthetic cell of 20 tunnels x 10 intervals, every interval loss-free with
     * probability 0.8 independently; over 200 such cells the 95% intervals should cover 0.8 about
     * 190 times. Wilson's and the bootstrap's both lie within what 200 draws of a 95% coverage
     * allow (binomial 99.9% range: 180-198); the bootstrap's percentile interval is known to run
     * a little short on 20 clusters.
     */
    @Test
    void intervalsCoverAKnownProbability() {
        SplittableRandom r = new SplittableRandom(11);
        int wilson = 0;
        int bootstrap = 0;
        for (int cell = 0; cell < 200; cell++) {
            double[] free = new double[20];
            double[] count = new double[20];
            long total = 0;
            for (int t = 0; t < 20; t++) {
                for (int i = 0; i < 10; i++) {
                    boolean ok = r.nextDouble() < 0.8;
                    free[t] += ok ? 1 : 0;
                    total += ok ? 1 : 0;
                }
                count[t] = 10;
            }
            wilson += Wilson.interval(total, 200, 0.95).contains(0.8) ? 1 : 0;
            double[] draws = ClusterBootstrap.ratioDraws(ClusterBootstrap.resamples(cell, 2, 1, 20, 1000), free,
                    count);
            bootstrap += ClusterBootstrap.percentile(draws, 0.95).contains(0.8) ? 1 : 0;
        }
        assertTrue(wilson >= 180 && wilson <= 198, "Wilson covered " + wilson + " of 200");
        assertTrue(bootstrap >= 176 && bootstrap <= 198, "bootstrap covered " + bootstrap + " of 200");
    }
}
