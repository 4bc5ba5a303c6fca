package org.smarttunnel.ingest.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InterpolateTest {
    @Test
    void evenlySpacedPointsComeOutExact() {
        long t0 = 1_726_122_413_038_000_000L;
        for (int i = 0; i <= 150_001; i += 7) {
            assertEquals(t0 + i * 2_000_000L, Interpolate.at(0, t0, 150_001, t0 + 150_001 * 2_000_000L, i));
        }
    }

    @Test
    void agreesWithExactRationalFloorIncludingOverflowAndExtrapolation() {
        // spans large enough that (y1 - y0) * (x - x0) overflows 64 bits, results in range
        Random r = new Random(5);
        for (int n = 0; n < 20_000; n++) {
            long x0 = r.nextInt(1_000_000);
            long x1 = x0 + 1_000_000 + r.nextInt(10_000_000);
            long y0 = 1_700_000_000_000_000_000L + r.nextLong(1_000_000_000_000_000_000L);
            long y1 = y0 + r.nextLong(2_000_000_000_000_000L) - 1_000_000_000_000_000L;
            long x = x0 - 5_000_000 + r.nextInt(30_000_000);
            BigInteger num = BigInteger.valueOf(y1 - y0).multiply(BigInteger.valueOf(x - x0));
            BigInteger[] qr = num.divideAndRemainder(BigInteger.valueOf(x1 - x0));
            BigInteger floor = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
            assertEquals(y0 + floor.longValueExact(), Interpolate.at(x0, y0, x1, y1, x));
        }
    }
}
