package org.smarttunnel.ingest.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class CoarseFitTest {
    @Test
    void fitsAStraightLineThroughMidpoints() {
        // midpoints 13.47, 14.0, 15.47 s at probes 0,1,2: slope 1.0 s, mean 14.3133 s
        long s = 1_000_000_000L;
        long[] fitted = CoarseFit.fit(new long[] {0, 1, 2}, new long[] {13_470_000_000L, 14 * s, 15_470_000_000L}, s);
        assertArrayEquals(new long[] {13_313_333_333L, 14_313_333_333L, 15_313_333_333L}, fitted);
    }

    @Test
    void restartsTheFitAfterAPause() {
        long s = 1_000_000_000L;
        long[] x = {0, 1, 2, 3, 4, 5};
        long[] y = {10 * s, 11 * s, 12 * s, 113 * s, 114 * s, 115 * s};
        assertArrayEquals(y, CoarseFit.fit(x, y, s));
    }
}
