package org.smarttunnel.ingest.log;

/**
 * Send times from whole-second line stamps ({@code ts} without fractions). A stamp names
 * the second in which the reply line was printed, so the reply's send time lies in
 * {@code [stamp - rtt, stamp + 1 s - rtt)}: too coarse to use probe by probe. Ping's
 * spacing is steady (measured on the bundled examples: 1.0036 s for a nominal 1 s), so the
 * send times of a run follow a straight line in the probe number; it is fitted by least
 * squares to the midpoints. A pause in the run (laptop asleep) shows as a jump of more than
 * two seconds against the nominal spacing; the fit restarts there.
 */
final class CoarseFit {
    private static final double JUMP_NS = 2e9;

    private CoarseFit() {
    }

    /**
     * @param index probe numbers of the stamped replies, increasing
     * @param midNs stamp + 0.5 s - rtt for each
     * @param spacingNs nominal spacing (the {@code --spacing} option)
     * @return fitted send time for each stamped reply
     */
    static long[] fit(long[] index, long[] midNs, double spacingNs) {
        int n = index.length;
        long[] out = new long[n];
        int start = 0;
        for (int k = 1; k <= n; k++) {
            boolean cut = k == n;
            if (!cut) {
                double expectedGap = (index[k] - index[k - 1]) * spacingNs;
                double tolerance = JUMP_NS + 0.01 * expectedGap;
                cut = Math.abs((midNs[k] - midNs[k - 1]) - expectedGap) > tolerance;
            }
            if (cut) {
                fitSegment(index, midNs, start, k, spacingNs, out);
                start = k;
            }
        }
        return out;
    }

    private static void fitSegment(long[] x, long[] y, int from, int to, double spacingNs, long[] out) {
        int n = to - from;
        double meanX = 0;
        double meanY = 0;
        for (int k = from; k < to; k++) {
            meanX += x[k] - x[from];
            meanY += y[k] - y[from];
        }
        meanX /= n;
        meanY /= n;
        double sxx = 0;
        double sxy = 0;
        for (int k = from; k < to; k++) {
            double dx = x[k] - x[from] - meanX;
            sxx += dx * dx;
            sxy += dx * (y[k] - y[from] - meanY);
        }
        double slope = sxx > 0 ? sxy / sxx : spacingNs;
        for (int k = from; k < to; k++) {
            double fitted = meanY + slope * (x[k] - x[from] - meanX);
            out[k] = y[from] + (long) Math.floor(fitted);
        }
    }
}
