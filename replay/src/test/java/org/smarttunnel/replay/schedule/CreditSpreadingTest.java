package org.smarttunnel.replay.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CreditSpreadingTest {
    @Test
    void methodExample() {
        assertArrayEquals(new int[] {0, 1, 2, 0, 0, 1, 0, 2, 1, 0}, CreditSpreading.spread(new int[] {5, 3, 2}, 10));
    }

    @Test
    void overWSlotsEveryPathGetsExactlyItsWeightAndNeverBunches() {
        Random r = new Random(1);
        for (int round = 0; round < 500; round++) {
            int n = 1 + r.nextInt(6);
            int[] w = new int[n];
            int total = 0;
            for (int i = 0; i < n; i++) {
                w[i] = r.nextInt(15);
                total += w[i];
            }
            if (total == 0) {
                continue;
            }
            int[] owner = CreditSpreading.spread(w, total);
            int[] count = new int[n];
            for (int i = 0; i < total; i++) {
                count[owner[i]]++;
                // after every prefix each path is within one slot of its fair share
                for (int p = 0; p < n; p++) {
                    double fair = (double) w[p] * (i + 1) / total;
                    assertEquals(fair, count[p], 1.0 + 1e-9, "prefix " + (i + 1) + " path " + p);
                }
            }
            assertArrayEquals(w, count);
        }
    }
}
