package org.smarttunnel.fitting.stats;

import org.apache.commons.math3.special.Erf;

/**
 * log(erfc(u) / 2) with relative precision everywhere: erfc is taken directly (never as
 * 1 - erf), and beyond u = 3, where erfc heads for underflow, through the scaled function
 * erfcx(u) = exp(u^2) erfc(u), evaluated by its continued fraction (METHOD section 6).
 */
public final class LogErfc {
    private static final double LOG_HALF = Math.log(0.5);
    private static final double LOG_SQRT_PI = 0.5 * Math.log(Math.PI);

    private LogErfc() {
    }

    /** log(erfc(u) / 2), i.e. the log of P(Z > u * sqrt 2) for a standard normal Z. */
    public static double logHalfErfc(double u) {
        if (u < -5) {
            return Math.log1p(-0.5 * Erf.erfc(-u));
        }
        if (u <= 3) {
            return Math.log(0.5 * Erf.erfc(u));
        }
        return LOG_HALF - u * u + Math.log(erfcx(u));
    }

    /** exp(u^2) erfc(u) for u >= 3, by the continued fraction 1/sqrt(pi) / (u + (1/2)/(u + 1/(u + (3/2)/(u + ...)))). */
    static double erfcx(double u) {
        double tiny = 1e-300;
        double f = u;
        double c = u;
        double d = 0;
        for (int k = 1; k < 500; k++) {
            double a = k * 0.5;
            d = u + a * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = u + a / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(-LOG_SQRT_PI) / f;
    }
}
