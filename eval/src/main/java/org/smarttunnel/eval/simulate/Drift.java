package org.smarttunnel.eval.simulate;

import java.util.SplittableRandom;

/**
 * How a path's loss rate drifts between periods: period j runs at {@code rate * m_j}, where
 * log m_j follows a stationary AR(1) walk of standard deviation {@code sigma} and lag-one
 * correlation {@link #CORRELATION}, shifted so that the mean of m is 1. A run's multipliers are
 * then scaled to average exactly 1 ({@link #overRun}), so that a path's loss rate over the run
 * is the drawn one and its class (low-loss or not) stays what was drawn. {@code sigma = 0}
 * keeps the rate fixed.
 */
public final class Drift {
    public static final double CORRELATION = 0.6;

    private Drift() {
    }

    /** The multipliers m_0 .. m_{periods-1}. */
    public static double[] multipliers(double sigma, int periods, SplittableRandom r) {
        double[] m = new double[periods];
        double x = 0;
        double innovation = sigma * StrictMath.sqrt(1 - CORRELATION * CORRELATION);
        for (int j = 0; j < periods; j++) {
            double z = gaussian(r);
            x = j == 0 ? sigma * z : CORRELATION * x + innovation * z;
            m[j] = StrictMath.exp(x - sigma * sigma / 2);
        }
        return m;
    }

    /** The multipliers of a run of {@code periods}, scaled to average exactly 1. */
    public static double[] overRun(double sigma, int periods, SplittableRandom r) {
        double[] m = multipliers(sigma, periods, r);
        double mean = 0;
        for (double v : m) {
            mean += v / periods;
        }
        for (int j = 0; j < periods; j++) {
            m[j] /= mean;
        }
        return m;
    }

    /** A standard normal draw (Box-Muller, one of the pair), identical on every JVM. */
    static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v);
    }
}
