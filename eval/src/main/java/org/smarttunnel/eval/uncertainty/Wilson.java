package org.smarttunnel.eval.uncertainty;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Wilson score interval of a binomial proportion (without continuity correction): for x
 * successes in n trials and z the standard normal quantile of (1 + confidence) / 2,
 * (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n), p = x/n. It stays inside [0, 1] and
 * is not degenerate at 0 or n successes.
 */
public final class Wilson {
    private Wilson() {
    }

    /** The standard normal quantile of (1 + confidence) / 2 (1.959964 for 0.95). */
    public static double z(double confidence) {
        return new NormalDistribution(null, 0, 1).inverseCumulativeProbability((1 + confidence) / 2);
    }

    /** The interval; {@link Ci#NONE} without trials. */
    public static Ci interval(long successes, long n, double confidence) {
        if (n <= 0) {
            return Ci.NONE;
        }
        double z = z(confidence);
        double p = (double) successes / n;
        double z2 = z * z;
        double centre = p + z2 / (2.0 * n);
        double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        double denominator = 1 + z2 / n;
        return new Ci(Math.max(0, (centre - spread) / denominator), Math.min(1, (centre + spread) / denominator));
    }
}
