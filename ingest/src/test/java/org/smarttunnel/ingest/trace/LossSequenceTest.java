package org.smarttunnel.ingest.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LossSequenceTest {
    @Test
    void handWorkedSequence() {
        LossSequence s = LossSequence.parse("0011010");
        assertEquals(7, s.length());
        assertEquals(3, s.lossCount());
        assertEquals("0011010", s.toString());
        assertEquals("110", s.slice(2, 5).toString());
        assertEquals(0b0101100L, s.word(0));
        assertEquals(3.0 / 7, s.lossRate(), 1e-15);
        assertThrows(IndexOutOfBoundsException.class, () -> s.lost(7));
        assertThrows(IllegalArgumentException.class, () -> LossSequence.parse("01x"));
    }

    @Test
    void slicesAgreeWithBruteForceAcrossWordBoundaries() {
        Random r = new Random(11);
        for (int round = 0; round < 200; round++) {
            int n = 1 + r.nextInt(400);
            boolean[] bits = new boolean[n];
            for (int i = 0; i < n; i++) {
                bits[i] = r.nextInt(3) == 0;
            }
            LossSequence s = LossSequence.of(bits);
            int from = r.nextInt(n + 1);
            int to = from + r.nextInt(n - from + 1);
            LossSequence slice = s.slice(from, to);
            int count = 0;
            for (int i = from; i < to; i++) {
                assertEquals(bits[i], slice.lost(i - from));
                count += bits[i] ? 1 : 0;
            }
            assertEquals(count, slice.lossCount());
            assertEquals(to - from, slice.length());
            for (int k = 0; k < slice.wordCount(); k++) {
                long expected = 0;
                for (int b = 0; b < 64 && 64 * k + b < to - from; b++) {
                    expected |= bits[from + 64 * k + b] ? 1L << b : 0;
                }
                assertEquals(expected, slice.word(k), "word " + k + " carries bits past the end");
            }
        }
    }
}
