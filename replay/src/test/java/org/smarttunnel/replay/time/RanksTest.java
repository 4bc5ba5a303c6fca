package org.smarttunnel.replay.time;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RanksTest {
    /**
     * Against a full sort, on uniform values, many ties, runs, clusters, one far outlier, and
     * nearly equal values with a few far away (buckets selected in again).
     */
    @Test
    void selectAgreesWithASort() {
        SplittableRandom r = new SplittableRandom(7);
        Ranks ranks = new Ranks();
        for (int c = 0; c < 2000; c++) {
            int n = 1 + r.nextInt(c % 10 == 0 ? 40_000 : 400);
            long[] a = new long[n];
            int shape = r.nextInt(6);
            for (int i = 0; i < n; i++) {
                a[i] = switch (shape) {
                    case 0 -> r.nextLong(1_000_000);
                    case 1 -> r.nextInt(5);
                    case 2 -> i;
                    case 3 -> 20_000L * r.nextInt(3) + r.nextInt(10_000);
                    case 4 -> i == 0 ? 10_000_000_000L : r.nextInt(100_000);
                    default -> r.nextInt(100) == 0 ? 1_000_000 + r.nextInt(10) : 2000 + r.nextInt(2);
                };
            }
            long[] sorted = a.clone();
            Arrays.sort(sorted);
            int[] want = {1 + r.nextInt(n), 1 + r.nextInt(n), n};
            Arrays.sort(want);
            long[] got = new long[3];
            long[] before = a.clone();
            ranks.select(a, n, want, got);
            assertArrayEquals(before, a, "select leaves the values alone");
            for (int q = 0; q < 3; q++) {
                assertEquals(sorted[want[q] - 1], got[q], "case " + c + " rank " + want[q]);
            }
        }
    }
}
