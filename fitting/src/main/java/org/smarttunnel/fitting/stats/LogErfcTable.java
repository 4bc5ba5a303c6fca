package org.smarttunnel.fitting.stats;

/**
 * log(erfc(u)/2) and its derivative fast: cubic Hermite interpolation on a grid of step 1/64
 * over [-8, 40], built once from {@link LogErfc} with exact derivatives
 * F'(u) = -2 / (sqrt(pi) erfcx(u)); the interpolation error is below 1e-9 (tested). Outside
 * the grid: the asymptotic series of erfcx above, log1p of the tiny complement below.
 */
public final class LogErfcTable {
    private static final double LO = -8;
    private static final double HI = 40;
    private static final int PER_UNIT = 64;
    private static final double H = 1.0 / PER_UNIT;
    private static final int POINTS = (int) ((HI - LO) * PER_UNIT) + 1;
    private static final double[] F = new double[POINTS];
    private static final double[] D = new double[POINTS];
    private static final double LOG_HALF = Math.log(0.5);
    private static final double SQRT_PI = Math.sqrt(Math.PI);

    static {
        for (int i = 0; i < POINTS; i++) {
            double u = LO + i * H;
            F[i] = LogErfc.logHalfErfc(u);
            D[i] = derivativeExact(u);
        }
    }

    private LogErfcTable() {
    }

    /** F'(u) = -2 exp(-u^2) / (sqrt(pi) erfc(u)), through erfcx where erfc underflows. */
    static double derivativeExact(double u) {
        if (u <= 3) {
            return -2 * Math.exp(-u * u - (LogErfc.logHalfErfc(u) - LOG_HALF)) / SQRT_PI;
        }
        return -2 / (SQRT_PI * LogErfc.erfcx(u));
    }

    /** log(erfc(u)/2). */
    public static double value(double u) {
        if (u < LO) {
            return LogErfc.logHalfErfc(u);
        }
        if (u >= HI) {
            return LOG_HALF - u * u + Math.log(asymptoticErfcx(u));
        }
        double x = (u - LO) * PER_UNIT;
        int i = (int) x;
        double t = x - i;
        double t2 = t * t;
        double t3 = t2 * t;
        return (2 * t3 - 3 * t2 + 1) * F[i] + (t3 - 2 * t2 + t) * H * D[i] + (-2 * t3 + 3 * t2) * F[i + 1]
                + (t3 - t2) * H * D[i + 1];
    }

    /** d/du log(erfc(u)/2). */
    public static double derivative(double u) {
        if (u < LO || u >= HI) {
            return derivativeExact(u);
        }
        double x = (u - LO) * PER_UNIT;
        int i = (int) x;
        double t = x - i;
        double t2 = t * t;
        return ((6 * t2 - 6 * t) * F[i] + (-6 * t2 + 6 * t) * F[i + 1]) * PER_UNIT
                + (3 * t2 - 4 * t + 1) * D[i] + (3 * t2 - 2 * t) * D[i + 1];
    }

    /** erfcx(u) for u >= 40 by its asymptotic series (next term below 1e-12 relative). */
    private static double asymptoticErfcx(double u) {
        double v = 1 / (2 * u * u);
        return (1 - v + 3 * v * v - 15 * v * v * v) / (u * SQRT_PI);
    }
}
