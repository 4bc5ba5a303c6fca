package org.smarttunnel.fitting.congestion;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.smarttunnel.ingest.trace.Concurrency;
import org.smarttunnel.ingest.trace.Probe;
import org.smarttunnel.ingest.trace.Trace;

/**
 * Detects shared congestion between two traces measured together. Probes are matched one to
 * one, in time order, when their send times differ by at most half the larger probe spacing
 * (a trace's spacing: the median gap between its consecutive sends); matched pairs are cut into
 * bins of {@code binUs} (one pair per bin when the spacing exceeds it). A bin is lossy for a
 * path when any of its probes there is lost: the 2x2 table of bins gives the lift
 * n11 n / ((n11 + n10)(n11 + n01)) and Fisher's exact one-sided p-value. Where both traces carry
 * round-trip times, the per-bin mean RTTs of the bins where both have a received probe give
 * Pearson's correlation and its one-sided p-value.
 */
public final class SharedCongestion {
    /** Bins of 100 ms. */
    public static final long DEFAULT_BIN_US = 100_000;

    private SharedCongestion() {
    }

    /** The whole traces. */
    public static PairTest test(Trace a, Trace b, long intervalUs, long binUs) {
        return test(a, b, Long.MIN_VALUE, Long.MAX_VALUE, intervalUs, binUs);
    }

    /** The probes sent in [fromUs, toUs) of each trace (a model's window). */
    public static PairTest test(Trace a, Trace b, long fromUs, long toUs, long intervalUs, long binUs) {
        int a0 = first(a, fromUs);
        int a1 = first(a, toUs);
        int b0 = first(b, fromUs);
        int b1 = first(b, toUs);
        double overlapS = a1 > a0 && b1 > b0 ? (Math.min(a.sendUs(a1 - 1), b.sendUs(b1 - 1))
                - Math.max(a.sendUs(a0), b.sendUs(b0))) / 1e6 : -1;
        if (a1 - a0 < 2 || b1 - b0 < 2 || overlapS * 1e6 < intervalUs) {
            return PairTest.notConcurrent(a.id(), b.id(), overlapS);
        }
        long tolerance = Math.max(spacing(a, a0, a1), spacing(b, b0, b1)) / 2;
        boolean onePerBin = 2 * tolerance > binUs;
        Bins bins = new Bins();
        int i = a0;
        int j = b0;
        long origin = Long.MIN_VALUE;
        while (i < a1 && j < b1) {
            long ta = a.sendUs(i);
            long tb = b.sendUs(j);
            if (Math.abs(ta - tb) <= tolerance) {
                long t = Math.min(ta, tb);
                if (origin == Long.MIN_VALUE) {
                    origin = t;
                }
                bins.add(onePerBin ? -1 : Math.floorDiv(t - origin, binUs), a.lost(i), b.lost(j), a.rttUs(i),
                        b.rttUs(j));
                i++;
                j++;
            } else if (ta < tb) {
                i++;
            } else {
                j++;
            }
        }
        return bins.test(a.id(), b.id(), overlapS);
    }

    /** The index of the first probe sent at or after {@code us}. */
    private static int first(Trace t, long us) {
        if (us == Long.MIN_VALUE) {
            return 0;
        }
        if (us == Long.MAX_VALUE) {
            return t.size();
        }
        int lo = 0;
        int hi = t.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t.sendUs(mid) < us) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The median gap between consecutive sends of probes from..to-1. */
    static long spacing(Trace t, int from, int to) {
        long[] gaps = new long[to - from - 1];
        for (int k = from + 1; k < to; k++) {
            gaps[k - from - 1] = t.sendUs(k) - t.sendUs(k - 1);
        }
        Arrays.sort(gaps);
        return gaps.length == 0 ? 0 : gaps[(gaps.length - 1) / 2];
    }

    /** Matched pairs gathered bin by bin. */
    private static final class Bins {
        private long current = Long.MIN_VALUE;
        private boolean open;
        private boolean lossA;
        private boolean lossB;
        private double rttSumA;
        private double rttSumB;
        private int rttA;
        private int rttB;
        long n;
        long n11;
        long n10;
        long n01;
        private double[] meanA = new double[256];
        private double[] meanB = new double[256];
        private int delayBins;
        private boolean delays;

        void add(long bin, boolean lostA, boolean lostB, int rttUsA, int rttUsB) {
            if (!open || bin != current || bin == -1) {
                close();
                open = true;
                current = bin;
            }
            lossA |= lostA;
            lossB |= lostB;
            if (!lostA && rttUsA != Probe.NO_RTT) {
                rttSumA += rttUsA;
                rttA++;
            }
            if (!lostB && rttUsB != Probe.NO_RTT) {
                rttSumB += rttUsB;
                rttB++;
            }
        }

        private void close() {
            if (!open) {
                return;
            }
            n++;
            if (lossA && lossB) {
                n11++;
            } else if (lossA) {
                n10++;
            } else if (lossB) {
                n01++;
            }
            if (rttA > 0 && rttB > 0) {
                if (delayBins == meanA.length) {
                    meanA = Arrays.copyOf(meanA, 2 * delayBins);
                    meanB = Arrays.copyOf(meanB, 2 * delayBins);
                }
                meanA[delayBins] = rttSumA / rttA;
                meanB[delayBins] = rttSumB / rttB;
                delayBins++;
            }
            delays |= rttA > 0 || rttB > 0;
            lossA = false;
            lossB = false;
            rttSumA = 0;
            rttSumB = 0;
            rttA = 0;
            rttB = 0;
            open = false;
        }

        PairTest test(String a, String b, double overlapS) {
            close();
            long lossyA = n11 + n10;
            long lossyB = n11 + n01;
            OptionalDouble lift = lossyA == 0 || lossyB == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of((double) n11 * n / ((double) lossyA * lossyB));
            Optional<LogP> lossP = lossyA == 0 || lossyB == 0 ? Optional.empty()
                    : Optional.of(LogP.fisherGreater(n11, n10, n01, n - n11 - n10 - n01));
            OptionalDouble r = OptionalDouble.empty();
            Optional<LogP> delayP = Optional.empty();
            if (delayBins >= 3) {
                double[] x = Arrays.copyOf(meanA, delayBins);
                double[] y = Arrays.copyOf(meanB, delayBins);
                double c = new PearsonsCorrelation().correlation(x, y);
                if (!Double.isNaN(c)) {
                    r = OptionalDouble.of(c);
                    delayP = Optional.of(LogP.pearsonGreater(c, delayBins));
                }
            }
            long shownDelayBins = delays ? delayBins : 0;
            PairTest partial = new PairTest(a, b, overlapS, n, lossyA, lossyB, n11, lift, lossP, shownDelayBins, r,
                    delayP, Verdict.UNKNOWN);
            Verdict v = PairTest.verdict(partial.lossShared(), partial.delayShared(), lossyA, lossyB,
                    r.isPresent() ? delayBins : 0);
            return new PairTest(a, b, overlapS, n, lossyA, lossyB, n11, lift, lossP, shownDelayBins, r, delayP, v);
        }
    }

    /** Whether two traces were measured together (send times overlapping by at least one interval). */
    public static boolean concurrent(Trace a, Trace b, long intervalUs) {
        return Concurrency.concurrent(Concurrency.Span.of(a), Concurrency.Span.of(b), intervalUs);
    }
}
