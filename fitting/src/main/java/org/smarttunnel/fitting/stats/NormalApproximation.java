package org.smarttunnel.fitting.stats;

import java.util.function.DoubleUnaryOperator;

/**
 * The paper's continuous approximation of the expected data loss after FEC (eqs. 4-7, with
 * the correlation of X and Y ignored as in eq. 4):
 * X~ = integral over x in [0, D] of x N(x; muX, sdX) P(Y > R - x), Y ~ N(muY, sdY), where
 * P(Y > R - x) = erfc((R - x - muY) / (sqrt 2 sdY)) / 2 is taken directly, never as 1 + erf.
 * On good paths X~ is far below what a double can hold as a plain sum near its peak
 * (1e-10 and much smaller), so the integral is computed in log space: the log of the
 * integrand is concave, its maximum is found, and the region within e^-40 of it is integrated
 * relative to the maximum by adaptive Gauss-Kronrod (7/15) quadrature to 1e-13 of the total: a
 * sharp erfc step next to a slow Gaussian decay (small sdY) is resolved where it lies.
 */
public final class NormalApproximation {
    private static final double SQRT2 = Math.sqrt(2);
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double SPAN = 40;

    private NormalApproximation() {
    }

    /** X~ of moments m, D data and R redundant packets. */
    public static double expectedLoss(Moments m, int d, int r) {
        return Math.exp(logExpectedLoss(m.meanX(), m.sdX(), m.meanY(), m.sdY(), d, r));
    }

    /** log X~ (natural log); -infinity when X~ is exactly 0. */
    public static double logExpectedLoss(double muX, double sdX, double muY, double sdY, int d, int r) {
        if (sdX == 0) {
            if (muX <= 0 || muX > d) {
                return Double.NEGATIVE_INFINITY;
            }
            return Math.log(muX) + logTail(muX, muY, sdY, r);
        }
        double lo = 0;
        if (sdY == 0) {
            lo = Math.max(lo, r - muY);
        }
        if (lo >= d) {
            return Double.NEGATIVE_INFINITY;
        }
        DoubleUnaryOperator g = x -> Math.log(x) - 0.5 * sq((x - muX) / sdX) - Math.log(sdX) - LOG_SQRT_2PI
                + logTail(x, muY, sdY, r);
        return logIntegral(g, lo, d);
    }

    /** log P(Y > R - x) for Y ~ N(muY, sdY); a step when sdY = 0. */
    private static double logTail(double x, double muY, double sdY, int r) {
        if (sdY == 0) {
            double y = r - x;
            return muY > y ? 0 : (muY == y ? Math.log(0.5) : Double.NEGATIVE_INFINITY);
        }
        return LogErfc.logHalfErfc((r - x - muY) / (SQRT2 * sdY));
    }

    private static double sq(double v) {
        return v * v;
    }

    /** log of the integral of exp(g) over [lo, hi], g concave. */
    static double logIntegral(DoubleUnaryOperator g, double lo, double hi) {
        double peak = argmax(g, lo, hi);
        double top = g.applyAsDouble(peak);
        if (top == Double.NEGATIVE_INFINITY) {
            return top;
        }
        double left = edge(g, lo, peak, top - SPAN, true);
        double right = edge(g, peak, hi, top - SPAN, false);
        return LogIntegrator.logIntegral(g, left, right, top, 1e-13, 16);
    }

    /** Maximum of a concave function on [lo, hi] by golden-section search. */
    private static double argmax(DoubleUnaryOperator g, double lo, double hi) {
        double ratio = (Math.sqrt(5) - 1) / 2;
        double a = lo;
        double b = hi;
        double c = b - ratio * (b - a);
        double e = a + ratio * (b - a);
        double gc = g.applyAsDouble(c);
        double ge = g.applyAsDouble(e);
        for (int i = 0; i < 200 && b - a > 1e-12 * Math.max(1, Math.abs(b)); i++) {
            if (gc >= ge) {
                b = e;
                e = c;
                ge = gc;
                c = b - ratio * (b - a);
                gc = g.applyAsDouble(c);
            } else {
                a = c;
                c = e;
                gc = ge;
                e = a + ratio * (b - a);
                ge = g.applyAsDouble(e);
            }
        }
        double x = (a + b) / 2;
        double best = x;
        double gBest = g.applyAsDouble(x);
        for (double end : new double[] {lo, hi}) {
            double v = g.applyAsDouble(end);
            if (v > gBest) {
                best = end;
                gBest = v;
            }
        }
        return best;
    }

    /**
     * Where g falls to {@code level} between {@code from} and {@code to}: on the left side
     * (g rising) or right side (g falling) of the peak; the interval end if g stays above.
     */
    private static double edge(DoubleUnaryOperator g, double from, double to, double level, boolean left) {
        double outer = left ? from : to;
        if (g.applyAsDouble(outer) >= level) {
            return outer;
        }
        double inner = left ? to : from;
        for (int i = 0; i < 100; i++) {
            double mid = (outer + inner) / 2;
            if (g.applyAsDouble(mid) >= level) {
                inner = mid;
            } else {
                outer = mid;
            }
        }
        return outer;
    }
}
