package org.smarttunnel.ingest.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Send times against their run's own clock. */
class SendClockTest {
    private static final long HOUR = 3_600_000_000_000L;

    @Test
    void stampsFarFromTheRunsClockAreFlagged() {
        long t0 = 1_700_000_000_000_000_000L;
        long[] number = {0, 1, 2, 3, 4, 5, Long.MAX_VALUE / 2};
        long[] send = {t0, t0 + 10_000_000, 9_999_999_999L, t0 + 30_000_000, t0 + 40_000_000 + HOUR - 1_000_000,
            t0 + 50_000_000 + HOUR + 1_000_000, t0 + 60_000_000};
        // the step: the median of consecutive numbers' differences; 2 is in 1970, 5 an hour and a millisecond off
        // (4 a millisecond within), the last a number whose origin overflows
        assertArrayEquals(new boolean[] {false, false, true, false, false, true, true},
                SendClock.far(number, send, 7, 10_000_000L, HOUR));
        // without the step: the median step between consecutive numbers (10 ms here) stands in
        long[] n2 = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        long[] s2 = new long[9];
        for (int i = 0; i < 9; i++) {
            s2[i] = t0 + i * 10_000_000L;
        }
        s2[2] = 9_999_999_999L;
        s2[5] += 2 * HOUR;
        assertArrayEquals(new boolean[] {false, false, true, false, false, true, false, false, false},
                SendClock.far(n2, s2, 9, 0, HOUR), "the step found from the data");
        assertArrayEquals(new boolean[0], SendClock.far(new long[0], new long[0], 0, 0, HOUR));

        // found by fuzzing: three OWAMP records, one stamped 215 days late: the lower median step
        // is the run's (1 s), not the damaged one
        long day = 86_400_000_000_000L;
        assertArrayEquals(new boolean[] {false, false, true}, SendClock.far(new long[] {0, 1, 2},
                new long[] {t0, t0 + 1_000_000_000L, t0 + 2_000_000_000L + 215 * day}, 3, 0, HOUR));
        // two records 215 days apart: no step that slow; the later one is the median, the other is dropped
        assertArrayEquals(new boolean[] {true, false}, SendClock.far(new long[] {0, 1}, new long[] {t0, t0 + 215 * day},
                2, 0, HOUR));
    }
}
