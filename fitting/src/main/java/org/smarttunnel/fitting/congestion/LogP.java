package org.smarttunnel.fitting.congestion;

import java.math.BigDecimal;
import java.math.MathContext;
import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.util.ContinuedFraction;

/**
 * A p-value kept as its natural logarithm, so that values far below the smallest double
 * (1e-300 and beyond, common for two paths losing together over thousands of bins) keep their
 * relative precision. The tests themselves are commons-math3's: the hypergeometric
 * distribution for Fisher's exact test, Student's t for Pearson's correlation, evaluated in log
 * space where they underflow.
 */
public record LogP(double ln) {
    public static final LogP ONE = new LogP(0);

    public boolean below(double p) {
        return ln < Math.log(p);
    }

    /** Six significant digits, scientific below 1e-6 ("3.51E-412"), like every number the toolkit writes. */
    public String text() {
        if (ln == Double.NEGATIVE_INFINITY) {
            return "0";
        }
        double log10 = ln / Math.log(10);
        if (log10 > -300) {
            double p = Math.exp(ln);
            BigDecimal b = new BigDecimal(p).round(new MathContext(6)).stripTrailingZeros();
            return p < 1e-6 ? b.toString() : b.toPlainString();
        }
        long exponent = (long) Math.floor(log10);
        double mantissa = Math.pow(10, log10 - exponent);
        if (mantissa >= 9.999995) {
            mantissa = 1;
            exponent++;
        }
        String m = new BigDecimal(mantissa).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        return m + "E" + exponent;
    }

    /**
     * Fisher's exact test, one-sided for positive association, of a 2x2 table: both, only the
     * first, only the second, neither. P(X >= both) for X hypergeometric with the table's margins.
     */
    public static LogP fisherGreater(long both, long onlyA, long onlyB, long neither) {
        long n = both + onlyA + onlyB + neither;
        if (n == 0) {
            return ONE;
        }
        int population = Math.toIntExact(n);
        int successes = Math.toIntExact(both + onlyA);
        int sample = Math.toIntExact(both + onlyB);
        HypergeometricDistribution h = new HypergeometricDistribution(null, population, successes, sample);
        int top = Math.min(successes, sample);
        double max = Double.NEGATIVE_INFINITY;
        double[] terms = new double[top - (int) both + 1];
        for (int x = (int) both; x <= top; x++) {
            terms[x - (int) both] = h.logProbability(x);
            max = Math.max(max, terms[x - (int) both]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return new LogP(max);
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return new LogP(Math.min(0, max + Math.log(sum)));
    }

    /**
     * Pearson's correlation test, one-sided for positive correlation: P(T > t) for Student's t
     * with n - 2 degrees of freedom, t = r sqrt((n - 2) / (1 - r^2)). In the far tail the
     * regularized incomplete beta function is evaluated in log space (its continued fraction is
     * moderate; only its prefactor underflows).
     */
    public static LogP pearsonGreater(double r, long n) {
        if (n < 3 || Double.isNaN(r)) {
            return ONE;
        }
        if (r >= 1) {
            return new LogP(Double.NEGATIVE_INFINITY);
        }
        double df = n - 2;
        double t = r * Math.sqrt(df / (1 - r * r));
        if (t <= 0) {
            return new LogP(Math.log(1 - new TDistribution(null, df).cumulativeProbability(t)));
        }
        double a = df / 2;
        double b = 0.5;
        double x = df / (df + t * t);
        if (x >= (a + 1) / (a + b + 2)) {
            return new LogP(Math.log(1 - new TDistribution(null, df).cumulativeProbability(t)));
        }
        ContinuedFraction fraction = new ContinuedFraction() {
            @Override
            protected double getB(int k, double z) {
                if (k % 2 == 0) {
                    double m = k / 2.0;
                    return m * (b - m) * z / ((a + 2 * m - 1) * (a + 2 * m));
                }
                double m = (k - 1) / 2.0;
                return -((a + m) * (a + b + m) * z) / ((a + 2 * m) * (a + 2 * m + 1));
            }

            @Override
            protected double getA(int k, double z) {
                return 1.0;
            }
        };
        double logIx = a * Math.log(x) + b * Math.log1p(-x) - Math.log(a) - Beta.logBeta(a, b)
                - Math.log(fraction.evaluate(x, 1e-15, 10_000));
        return new LogP(Math.log(0.5) + logIx);
    }
}
