package org.smarttunnel.fitting.model;

import org.smarttunnel.ingest.trace.LossSequence;

/**
 * Fits {@link GilbertElliott} to a loss sequence by expectation-maximisation (Baum-Welch) with
 * the scaled forward-backward recursions. Four starts — the 2-state Gilbert fit loosened, and
 * fixed points spread over short and long bursts — run {@value #SCOUT} iterations each; the
 * most likely then (ties: the earlier start) iterates on until the log-likelihood gains less
 * than {@value #TOLERANCE} (relative) in an iteration, or {@value #MAX_ITERATIONS} iterations in
 * all.
 * Memory: three doubles per packet (forward values, scale factors).
 *
 * @param model the fitted model
 * @param logLikelihood its log-likelihood of the sequence (natural log), the hidden chain
 *        starting from its stationary distribution
 * @param iterations EM iterations of the winning start
 */
public record GilbertElliottFit(GilbertElliott model, double logLikelihood, int iterations) {
    public static final double TOLERANCE = 1e-8;
    public static final int MAX_ITERATIONS = 1000;
    /** Iterations every start gets before the best one goes on. */
    public static final int SCOUT = 20;
    /** Starting points (p, r, 1-k, 1-h) besides the loosened Gilbert fit. */
    private static final double[][] STARTS = {
        {0.01, 0.3, 0.001, 0.6},
        {0.001, 0.05, 0.002, 0.9},
        {0.05, 0.5, 0.0005, 0.3},
    };

    /** The fit of {@code s}; a sequence without losses (or without receptions) gives the degenerate model that says so. */
    public static GilbertElliottFit of(LossSequence s) {
        int n = s.length();
        int lost = s.lossCount();
        if (n == 0 || lost == 0 || lost == n) {
            double q = n == 0 ? 0 : (double) lost / n;
            GilbertElliott m = new GilbertElliott(0, 1, q, q);
            return new GilbertElliottFit(m, m.logLikelihood(s), 0);
        }
        TransitionCounts counts = TransitionCounts.of(s);
        GilbertModel g = counts.fit(2);
        double[][] starts = new double[STARTS.length + 1][];
        starts[0] = new double[] {clamp(g.q(0)), clamp(1 - g.q(1)), 0.001, 0.95};
        System.arraycopy(STARTS, 0, starts, 1, STARTS.length);
        GilbertElliottFit best = null;
        for (double[] start : starts) {
            GilbertElliottFit f = em(s, new GilbertElliott(start[0], start[1], start[2], start[3]), SCOUT);
            if (best == null || f.logLikelihood > best.logLikelihood) {
                best = f;
            }
        }
        GilbertElliottFit last = em(s, best.model(), MAX_ITERATIONS - SCOUT);
        return new GilbertElliottFit(last.model(), last.logLikelihood(), best.iterations() + last.iterations());
    }

    private static double clamp(double v) {
        return Math.min(0.99, Math.max(1e-4, v));
    }

    /** Baum-Welch from {@code m}, until converged. */
    static GilbertElliottFit em(LossSequence s, GilbertElliott m) {
        return em(s, m, MAX_ITERATIONS);
    }

    /** Baum-Welch from {@code m}, at most {@code limit} iterations. */
    static GilbertElliottFit em(LossSequence s, GilbertElliott m, int limit) {
        int n = s.length();
        double[] f0 = new double[n];
        double[] f1 = new double[n];
        double[] scale = new double[n];
        double previous = Double.NEGATIVE_INFINITY;
        int iteration = 0;
        double ll = Double.NEGATIVE_INFINITY;
        double start = m.stationaryBad();
        while (iteration < limit) {
            // E: forward, scaled to sum 1 at every step
            double p = m.p();
            double r = m.r();
            double lg = m.lossGood();
            double lb = m.lossBad();
            ll = 0;
            double a0 = 1 - start;
            double a1 = start;
            double logScale = 0;
            for (int t = 0; t < n; t++) {
                boolean lost = s.lost(t);
                if (t >= 2 && lost == s.lost(t - 1) && same(f0[t - 1], f0[t - 2]) && same(f1[t - 1], f1[t - 2])) {
                    // this step's inputs are the last step's, bit for bit: so are its results (a run of
                    // receptions reaches such a fixed point within a few dozen packets)
                    f0[t] = f0[t - 1];
                    f1[t] = f1[t - 1];
                    scale[t] = scale[t - 1];
                    ll += logScale;
                    continue;
                }
                if (t > 0) {
                    double n0 = f0[t - 1] * (1 - p) + f1[t - 1] * r;
                    double n1 = f0[t - 1] * p + f1[t - 1] * (1 - r);
                    a0 = n0;
                    a1 = n1;
                }
                a0 *= lost ? lg : 1 - lg;
                a1 *= lost ? lb : 1 - lb;
                double c = a0 + a1;
                if (!(c > 0)) {
                    return new GilbertElliottFit(m, Double.NEGATIVE_INFINITY, iteration);
                }
                scale[t] = c;
                f0[t] = a0 / c;
                f1[t] = a1 / c;
                logScale = Math.log(c);
                ll += logScale;
            }
            if (ll - previous <= TOLERANCE * Math.abs(ll)) {
                break;
            }
            previous = ll;
            // E: backward, with the same scale factors, accumulating the expected counts as it goes
            double b0 = 1;
            double b1 = 1;
            double stay0 = 0;
            double leave0 = 0;
            double stay1 = 0;
            double leave1 = 0;
            double in0 = 0;
            double in1 = 0;
            double lost0 = 0;
            double lost1 = 0;
            // the last step's inputs (beta before it) and what it added, for steps that repeat it
            double inB0 = Double.NaN;
            double inB1 = Double.NaN;
            double dg0 = 0;
            double dg1 = 0;
            double d00 = 0;
            double d01 = 0;
            double d10 = 0;
            double d11 = 0;
            for (int t = n - 1; t >= 0; t--) {
                boolean lost = s.lost(t);
                if (t > 0 && t < n - 1 && lost == s.lost(t + 1) && same(b0, inB0) && same(b1, inB1)
                        && same(f0[t], f0[t + 1]) && same(f1[t], f1[t + 1]) && same(scale[t], scale[t + 1])
                        && same(f0[t - 1], f0[t]) && same(f1[t - 1], f1[t])) {
                    // every input of this step equals the last step's: the same terms, added in the same order,
                    // and beta stays as it is
                    in0 += dg0;
                    in1 += dg1;
                    if (lost) {
                        lost0 += dg0;
                        lost1 += dg1;
                    }
                    stay0 += d00;
                    leave0 += d01;
                    leave1 += d10;
                    stay1 += d11;
                    continue;
                }
                inB0 = b0;
                inB1 = b1;
                double g0 = f0[t] * b0;
                double g1 = f1[t] * b1;
                double gs = g0 + g1;
                g0 /= gs;
                g1 /= gs;
                in0 += g0;
                in1 += g1;
                if (lost) {
                    lost0 += g0;
                    lost1 += g1;
                }
                if (t == 0) {
                    start = g1;
                    break;
                }
                // emission of packet t in each state times beta_t, for the transitions from t-1
                double e0 = (lost ? lg : 1 - lg) * b0;
                double e1 = (lost ? lb : 1 - lb) * b1;
                double c = scale[t];
                double x00 = f0[t - 1] * (1 - p) * e0 / c;
                double x01 = f0[t - 1] * p * e1 / c;
                double x10 = f1[t - 1] * r * e0 / c;
                double x11 = f1[t - 1] * (1 - r) * e1 / c;
                stay0 += x00;
                leave0 += x01;
                leave1 += x10;
                stay1 += x11;
                dg0 = g0;
                dg1 = g1;
                d00 = x00;
                d01 = x01;
                d10 = x10;
                d11 = x11;
                double nb0 = ((1 - p) * e0 + p * e1) / c;
                double nb1 = (r * e0 + (1 - r) * e1) / c;
                b0 = nb0;
                b1 = nb1;
            }
            // M
            double np = leave0 + stay0 > 0 ? leave0 / (leave0 + stay0) : p;
            double nr = leave1 + stay1 > 0 ? leave1 / (leave1 + stay1) : r;
            double nlg = in0 > 0 ? lost0 / in0 : lg;
            double nlb = in1 > 0 ? lost1 / in1 : lb;
            m = new GilbertElliott(bound(np), bound(nr), bound(nlg), bound(nlb));
            iteration++;
        }
        if (m.lossGood() > m.lossBad()) {
            m = new GilbertElliott(m.r(), m.p(), m.lossBad(), m.lossGood());
        }
        // reported from the stationary start, as every model's likelihood is (EM's own start is free)
        return new GilbertElliottFit(m, m.logLikelihood(s), iteration);
    }

    /** Equal bit for bit (so that equal inputs are known to give equal results). */
    private static boolean same(double a, double b) {
        return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
    }

    private static double bound(double v) {
        return Math.min(1, Math.max(0, v));
    }
}
