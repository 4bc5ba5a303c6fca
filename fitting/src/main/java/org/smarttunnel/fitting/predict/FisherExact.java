package org.smarttunnel.fitting.predict;

import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * Two-sided Fisher's exact test of a 2x2 table (losses and receptions of two samples): the
 * probability, given the margins, of tables as unlikely as or less likely than the one seen.
 * Tables are walked outwards from the mode with the hypergeometric ratio, so large counts
 * (hundreds of thousands of probes) cost only the terms that matter.
 */
public final class FisherExact {
    private static final double RELATIVE_TIE = 1e-7;

    private FisherExact() {
    }

    public static double twoSided(long lossesA, long probesA, long lossesB, long probesB) {
        if (lossesA < 0 || lossesB < 0 || lossesA > probesA || lossesB > probesB) {
            throw new IllegalArgumentException("losses must lie between 0 and the probes");
        }
        long total = probesA + probesB;
        long lost = lossesA + lossesB;
        if (total == 0 || lost == 0 || lost == total) {
            return 1;
        }
        HypergeometricDistribution h = new HypergeometricDistribution(null, (int) total, (int) lost, (int) probesB);
        int lo = h.getSupportLowerBound();
        int hi = h.getSupportUpperBound();
        int mode = (int) Math.floor((probesB + 1.0) * (lost + 1.0) / (total + 2.0));
        mode = Math.max(lo, Math.min(hi, mode));
        double logMode = h.logProbability(mode);
        double logSeen = h.logProbability((int) lossesB);
        double limit = logSeen - logMode + Math.log1p(RELATIVE_TIE);
        double sum = 0;
        double rel = 0;
        for (int x = mode; x <= hi; x++) {
            if (x > mode) {
                rel += Math.log(ratio(x - 1, total, lost, probesB));
            }
            if (rel <= limit) {
                sum += Math.exp(rel);
            }
            if (rel < limit - 50) {
                break;
            }
        }
        rel = 0;
        for (int x = mode - 1; x >= lo; x--) {
            rel -= Math.log(ratio(x, total, lost, probesB));
            if (rel <= limit) {
                sum += Math.exp(rel);
            }
            if (rel < limit - 50) {
                break;
            }
        }
        return Math.min(1, sum * Math.exp(logMode));
    }

    /** P(x + 1) / P(x) of the hypergeometric distribution. */
    private static double ratio(long x, long total, long lost, long sample) {
        return (double) (lost - x) * (sample - x) / ((x + 1.0) * (total - lost - sample + x + 1.0));
    }
}
