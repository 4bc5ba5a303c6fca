package org.smarttunnel.fitting.congestion;

import java.util.OptionalDouble;


/**
 * The shared-congestion tests of one pair of traces: their send-time overlap, the bins of
 * matched probe pairs, the 2x2 loss table with its lift and Fisher p-value, the delay
 * correlation over bins where both have round-trip times, and the verdict. Tests without
 * data are empty, never zero.
 */
public record PairTest(String a, String b, double overlapS, long bins, long lossyA, long lossyB, long lossyBoth,
        OptionalDouble lift, java.util.Optional<LogP> lossP, long delayBins, OptionalDouble delayR,
        java.util.Optional<LogP> delayP, Verdict verdict) {

    /** Loss test: shared when p < 1e-3 and the lift is at least 2. */
    public static final double P_LEVEL = 1e-3;
    public static final double MIN_LIFT = 2;
    /** Delay test: shared when r >= 0.5 with p < 1e-3. */
    public static final double MIN_R = 0.5;
    /** Enough evidence for "independent": 20 lossy bins on each path, or 100 delay bins. */
    public static final long MIN_LOSSY_BINS = 20;
    public static final long MIN_DELAY_BINS = 100;

    /** A pair whose send times overlap by less than one interval. */
    static PairTest notConcurrent(String a, String b, double overlapS) {
        return new PairTest(a, b, Math.max(0, overlapS), 0, 0, 0, 0, OptionalDouble.empty(),
                java.util.Optional.empty(), 0, OptionalDouble.empty(), java.util.Optional.empty(),
                Verdict.NOT_CONCURRENT);
    }

    public boolean lossShared() {
        return lift.isPresent() && lift.getAsDouble() >= MIN_LIFT && lossP.isPresent() && lossP.get().below(P_LEVEL);
    }

    public boolean delayShared() {
        return delayR.isPresent() && delayR.getAsDouble() >= MIN_R && delayP.isPresent()
                && delayP.get().below(P_LEVEL);
    }

    /** The verdict the tests give (METHOD: shared if either says so; independent only with enough evidence). */
    static Verdict verdict(boolean lossShared, boolean delayShared, long lossyA, long lossyB, long delayBins) {
        if (lossShared || delayShared) {
            return Verdict.SHARED;
        }
        boolean enough = lossyA >= MIN_LOSSY_BINS && lossyB >= MIN_LOSSY_BINS || delayBins >= MIN_DELAY_BINS;
        return enough ? Verdict.INDEPENDENT : Verdict.UNKNOWN;
    }

}
