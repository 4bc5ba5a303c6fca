package org.smarttunnel.fitting.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.smarttunnel.ingest.trace.LossSequence;

/** Burst and gap histograms by hand, and the model-implied run lengths. */
class RunLengthsTest {
    /** 0 11 0 1 00 111 000: bursts 2, 1, 3; gaps between losses 1, 2 (the leading 0 and the trailing 000 are left out). */
    @Test
    void runsByHand() {
        RunLengths.Result r = RunLengths.of("t", LossSequence.parse("0110100111000"));
        assertEquals(3, r.bursts());
        assertEquals(2, r.gaps());
        List<RunLengths.Row> bursts = r.rows().stream().filter(x -> x.kind() == RunLengths.Kind.BURST).toList();
        assertEquals(List.of(1L, 1L, 1L), bursts.stream().map(RunLengths.Row::observed).toList());
        // Bernoulli q = 6/13: a burst is at least m long with q^(m-1)
        double q = 6.0 / 13;
        assertEquals(1 - q, bursts.get(0).model()[0], 1e-12);
        assertEquals(q * (1 - q), bursts.get(1).model()[0], 1e-12);
        List<RunLengths.Row> gaps = r.rows().stream().filter(x -> x.kind() == RunLengths.Kind.GAP).toList();
        assertEquals(List.of(1L, 1L), gaps.stream().map(RunLengths.Row::observed).toList());
        assertEquals(q, gaps.get(0).model()[0], 1e-12, "a gap of 1: the next packet is lost");
    }

    @Test
    void binsGrowInOneTwoFiveSteps() {
        List<int[]> bins = RunLengths.binsUpTo(230);
        assertEquals(List.of("1-1", "2-2", "3-3", "4-4", "5-5", "6-6", "7-7", "8-8", "9-9", "10-10", "11-20", "21-50",
                "51-100", "101-200", "201-500"), bins.stream().map(b -> b[0] + "-" + b[1]).toList());
    }

    /** The simple Gilbert model seen as Gilbert-Elliott: bursts last (1 - r)^(m-1), gaps (1 - p)^(m-1). */
    @Test
    void gilbertElliottRunsReduceToGilbertsWhenTheStateIsSeen() {
        GilbertElliott g = new GilbertElliott(0.03, 0.4, 0, 1);
        for (int m = 1; m <= 30; m++) {
            assertEquals(Math.pow(0.6, m - 1), g.runAtLeast(true, m), 1e-12);
            assertEquals(Math.pow(0.97, m - 1), g.runAtLeast(false, m), 1e-12);
        }
    }

    @Test
    void theTrueModelFitsTheHistogramsClosely() {
        LossSequence s = new GilbertElliott(0.02, 0.25, 0.002, 0.6).simulate(200_000, new SplittableRandom(4));
        RunLengths.Result r = RunLengths.of("t", s);
        assertTrue(r.burstDistance()[3] < 0.05 && r.gapDistance()[3] < 0.1, r.burstDistance()[3] + " " + r.gapDistance()[3]);
        assertTrue(r.gapDistance()[0] > r.gapDistance()[3], "Bernoulli misses the gaps of a bursty path");
    }
}
