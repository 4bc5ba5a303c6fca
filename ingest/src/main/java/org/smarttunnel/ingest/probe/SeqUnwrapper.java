package org.smarttunnel.ingest.probe;

/**
 * Turns 16-bit ICMP sequence numbers into a probe number that grows by one per probe
 * (METHOD section 1). A number is placed nearest to where the run is expected to be: right
 * after the highest probe so far for packets seen in send order (echo requests), or, for
 * packets whose order is not guaranteed (replies), that many probes further on as the time
 * elapsed since the highest probe covers at the run's average spacing. The time term resolves
 * outages longer than half the 16-bit range (65 s at 2 ms), which the number alone cannot.
 * Callers look at a candidate first and {@link #accept} it once they keep it.
 */
public final class SeqUnwrapper {
    /**
     * The longest silence inside one run (1 hour): packets further apart in time start a new
     * run, so that a clock jump never turns into millions of probes in between.
     */
    public static final long GAP_LIMIT_NS = 3_600_000_000_000L;
    private static final int RANGE = 1 << 16;

    private long first = Long.MIN_VALUE;
    private long firstNs = ProbeSink.NO_TIME;
    private long hi;
    private long hiNs = ProbeSink.NO_TIME;

    /** Candidate for a number seen in send order: the one right after the highest so far. */
    public long candidateInOrder(int seq) {
        return started() ? nearest(seq, hi + 1) : seq;
    }

    /** Candidate for a number seen at {@code tNs} ({@link ProbeSink#NO_TIME} if unknown). */
    public long candidate(int seq, long tNs) {
        return started() ? nearest(seq, expected(tNs)) : seq;
    }

    /** Records that probe {@code u} was seen at {@code tNs}. */
    public void accept(long u, long tNs) {
        if (!started()) {
            first = u;
            firstNs = tNs;
            hi = u;
            hiNs = tNs;
            return;
        }
        if (u > hi) {
            hi = u;
            hiNs = tNs;
        }
        if (u == first && firstNs == ProbeSink.NO_TIME) {
            firstNs = tNs;
        }
    }

    /** Where the run should be at time {@code tNs}, from its average spacing so far. */
    public long expected(long tNs) {
        double spacing = spacingNs();
        if (tNs == ProbeSink.NO_TIME || Double.isNaN(spacing)) {
            return hi;
        }
        return hi + Math.round((tNs - hiNs) / spacing);
    }

    /** Average time between probes so far (idle periods included), NaN until it is known. */
    public double spacingNs() {
        if (!started() || hi <= first || firstNs == ProbeSink.NO_TIME || hiNs == ProbeSink.NO_TIME
                || hiNs <= firstNs) {
            return Double.NaN;
        }
        return (double) (hiNs - firstNs) / (hi - first);
    }

    public long highest() {
        return hi;
    }

    public long highestNs() {
        return hiNs;
    }

    public boolean started() {
        return first != Long.MIN_VALUE;
    }

    /** The number congruent to {@code seq} modulo 2^16 that is closest to {@code target}. */
    public static long nearest(int seq, long target) {
        long d = Math.floorMod(seq - target, RANGE);
        if (d >= RANGE / 2) {
            d -= RANGE;
        }
        return target + d;
    }
}
