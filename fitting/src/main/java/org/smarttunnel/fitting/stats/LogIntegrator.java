package org.smarttunnel.fitting.stats;

import java.util.function.DoubleUnaryOperator;

/**
 * The integral of exp(g) over [left, right] relative to g's maximum {@code top}: adaptive
 * Gauss-Kronrod (7/15) starting from equal panels, each split until its error estimate is below
 * {@code relativeTolerance} of the whole (per unit length) or below the integrand's own
 * roundoff (about 1e-16 |top|: exp of differences of large logs), within a budget of pieces.
 * Adaptive splitting finds sharp features (an erfc step next to a slow Gaussian) wherever
 * they lie.
 */
final class LogIntegrator {
    private static final int MAX_PIECES = 20_000;
    private static final double[] XK = {0.991455371120812639, 0.949107912342758525, 0.864864423359769073,
            0.741531185599394440, 0.586087235467691130, 0.405845151377397167, 0.207784955007898468, 0.0};
    private static final double[] WK = {0.022935322010529225, 0.063092092629978553, 0.104790010322250184,
            0.140653259715525919, 0.169004726639267903, 0.190350578064785410, 0.204432940075298892,
            0.209482141084727828};
    private static final double[] WG = {0.129484966168869693, 0.279705391489276668, 0.381830050505118945,
            0.417959183673469388};

    private LogIntegrator() {
    }

    /** log of the integral; -infinity when it is 0. */
    static double logIntegral(DoubleUnaryOperator g, double left, double right, double top,
            double relativeTolerance, int panels) {
        if (!(right > left) || top == Double.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        DoubleUnaryOperator f = x -> {
            double v = g.applyAsDouble(x);
            return v == Double.NEGATIVE_INFINITY ? 0 : Math.exp(v - top);
        };
        double width = (right - left) / panels;
        double[][] first = new double[panels][];
        double coarse = 0;
        for (int p = 0; p < panels; p++) {
            first[p] = kronrod(f, left + p * width, left + (p + 1) * width);
            coarse += first[p][0];
        }
        double floor = 1e-14 * Math.max(10, Math.abs(top));
        double density = relativeTolerance * coarse / (right - left);
        int[] budget = {MAX_PIECES};
        double sum = 0;
        for (int p = 0; p < panels; p++) {
            sum += refine(f, left + p * width, left + (p + 1) * width, first[p], density, floor, budget);
        }
        return sum > 0 ? top + Math.log(sum) : Double.NEGATIVE_INFINITY;
    }

    private static double refine(DoubleUnaryOperator f, double a, double b, double[] kg, double density, double floor,
            int[] budget) {
        budget[0]--;
        if (kg[1] <= Math.max(density * (b - a), floor * kg[0]) || budget[0] <= 0) {
            return kg[0];
        }
        double m = 0.5 * (a + b);
        return refine(f, a, m, kronrod(f, a, m), density, floor, budget)
                + refine(f, m, b, kronrod(f, m, b), density, floor, budget);
    }

    /** Gauss-Kronrod 7/15 on [a, b]: {Kronrod estimate, |Kronrod - Gauss|}. */
    private static double[] kronrod(DoubleUnaryOperator f, double a, double b) {
        double c = 0.5 * (a + b);
        double h = 0.5 * (b - a);
        double fc = f.applyAsDouble(c);
        double k = WK[7] * fc;
        double gauss = WG[3] * fc;
        for (int i = 0; i < 7; i++) {
            double y = f.applyAsDouble(c - h * XK[i]) + f.applyAsDouble(c + h * XK[i]);
            k += WK[i] * y;
            if (i % 2 == 1) {
                gauss += WG[i / 2] * y;
            }
        }
        return new double[] {k * h, Math.abs((k - gauss) * h)};
    }
}
