package org.smarttunnel.fitting.model;

import java.util.Arrays;
import org.smarttunnel.ingest.trace.Trace;

/**
 * The round-trip times of a path over a model window: minimum and mean RTT of the received
 * probes, and per period ({@code periodUs} from the window's first send) the mean and minimum
 * RTT (NaN for a period without replies). Delay-based allocators (MPIP's queuing delay, MPTCP's
 * lowest RTT) read it; RTTs are unknown (NaN) in reply-only captures without sender
 * timestamps.
 */
public record DelayProfile(double minRttUs, double meanRttUs, long periodUs, double[] periodMeanUs,
        double[] periodMinUs) {
    /** MPIP's adjustment period T (100 ms in the MPIP paper). */
    public static final long DEFAULT_PERIOD_US = 100_000;

    public DelayProfile {
        periodMeanUs = periodMeanUs.clone();
        periodMinUs = periodMinUs.clone();
    }

    /** Probes {@code from} (inclusive) to {@code to} (exclusive) of a trace. */
    public static DelayProfile of(Trace t, int from, int to, long periodUs) {
        if (to <= from) {
            return new DelayProfile(Double.NaN, Double.NaN, periodUs, new double[0], new double[0]);
        }
        long start = t.sendUs(from);
        int periods = (int) ((t.sendUs(to - 1) - start) / periodUs) + 1;
        double[] sum = new double[periods];
        int[] count = new int[periods];
        double[] min = new double[periods];
        Arrays.fill(min, Double.NaN);
        double total = 0;
        long n = 0;
        double overallMin = Double.NaN;
        for (int i = from; i < to; i++) {
            int rtt = t.rttUs(i);
            if (t.lost(i) || rtt < 0) {
                continue;
            }
            int p = (int) ((t.sendUs(i) - start) / periodUs);
            sum[p] += rtt;
            count[p]++;
            min[p] = Double.isNaN(min[p]) ? rtt : Math.min(min[p], rtt);
            total += rtt;
            n++;
            overallMin = Double.isNaN(overallMin) ? rtt : Math.min(overallMin, rtt);
        }
        double[] mean = new double[periods];
        for (int p = 0; p < periods; p++) {
            mean[p] = count[p] == 0 ? Double.NaN : sum[p] / count[p];
        }
        return new DelayProfile(overallMin, n == 0 ? Double.NaN : total / n, periodUs, mean, min);
    }

    public boolean known() {
        return !Double.isNaN(meanRttUs);
    }

    public int periods() {
        return periodMeanUs.length;
    }

    @Override
    public double[] periodMeanUs() {
        return periodMeanUs.clone();
    }

    @Override
    public double[] periodMinUs() {
        return periodMinUs.clone();
    }

    public double periodMean(int p) {
        return p < periodMeanUs.length ? periodMeanUs[p] : Double.NaN;
    }

    public double periodMin(int p) {
        return p < periodMinUs.length ? periodMinUs[p] : Double.NaN;
    }
}
