package org.smarttunnel.ingest.capture;

import java.math.BigInteger;

/** Capture timestamps in arbitrary units to nanoseconds, truncating as libpcap does. */
final class Timestamps {
    private static final long NS = 1_000_000_000L;

    private Timestamps() {
    }

    /**
     * {@code ticks} (unsigned) at {@code unitsPerSecond} plus {@code offsetSeconds}, in ns since
     * the epoch; the sub-second part is truncated, never rounded up.
     */
    static long toNanos(long ticks, long unitsPerSecond, long offsetSeconds) {
        long seconds = Long.divideUnsigned(ticks, unitsPerSecond);
        long fraction = Long.remainderUnsigned(ticks, unitsPerSecond);
        long fractionNs;
        if (unitsPerSecond == NS) {
            fractionNs = fraction;
        } else if (NS % unitsPerSecond == 0) {
            fractionNs = fraction * (NS / unitsPerSecond);
        } else if (fraction <= Long.MAX_VALUE / NS) {
            fractionNs = fraction * NS / unitsPerSecond;
        } else {
            fractionNs = BigInteger.valueOf(fraction).multiply(BigInteger.valueOf(NS))
                    .divide(BigInteger.valueOf(unitsPerSecond)).longValueExact();
        }
        return (seconds + offsetSeconds) * NS + fractionNs;
    }
}
