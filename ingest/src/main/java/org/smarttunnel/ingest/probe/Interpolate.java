package org.smarttunnel.ingest.probe;

import java.math.BigInteger;

/**
 * Exact linear interpolation and extrapolation of send times by probe number, rounded down,
 * so that evenly spaced probes come out exactly evenly spaced (doubles lose a nanosecond).
 */
public final class Interpolate {
    private Interpolate() {
    }

    /** The value at {@code x} on the line through {@code (x0, y0)} and {@code (x1, y1)}, x0 != x1. */
    public static long at(long x0, long y0, long x1, long y1, long x) {
        long dy = y1 - y0;
        long dx = x1 - x0;
        long t = x - x0;
        long hi = Math.multiplyHigh(dy, t);
        long lo = dy * t;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            return y0 + Math.floorDiv(lo, dx);
        }
        BigInteger[] qr = BigInteger.valueOf(dy).multiply(BigInteger.valueOf(t)).divideAndRemainder(BigInteger.valueOf(dx));
        BigInteger q = qr[0];
        if (qr[1].signum() != 0 && (qr[1].signum() != BigInteger.valueOf(dx).signum())) {
            q = q.subtract(BigInteger.ONE);
        }
        return y0 + q.longValueExact();
    }

    /** {@code y0 + (x - x0) * spacingNs}. */
    public static long step(long x0, long y0, long x, long spacingNs) {
        return y0 + (x - x0) * spacingNs;
    }
}
