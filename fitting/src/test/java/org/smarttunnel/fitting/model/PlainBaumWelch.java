package org.smarttunnel.fitting.model;

import org.smarttunnel.ingest.trace.LossSequence;

/**
 * The Baum-Welch iteration as it was written first, one forward and one backward step per
 * packet with nothing reused: the reference {@link GilbertElliottFit#em} must equal bit for bit.
 */
final class PlainBaumWelch {
    private PlainBaumWelch() {
    }

    /** Baum-Welch from {@code m}, at most {@code limit} iterations, every step computed. */
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
            for (int t = 0; t < n; t++) {
                boolean lost = s.lost(t);
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
                ll += Math.log(c);
            }
            if (ll - previous <= GilbertElliottFit.TOLERANCE * Math.abs(ll)) {
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
            for (int t = n - 1; t >= 0; t--) {
                boolean lost = s.lost(t);
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

    private static double bound(double v) {
        return Math.min(1, Math.max(0, v));
    }
}
