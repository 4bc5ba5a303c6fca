package org.smarttunnel.ingest.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SeqUnwrapperTest {
    @Test
    void nearestCandidateWraps() {
        assertEquals(65_536, SeqUnwrapper.nearest(0, 65_535));
        assertEquals(65_535, SeqUnwrapper.nearest(65_535, 65_536));
        assertEquals(131_072 + 5, SeqUnwrapper.nearest(5, 131_070));
        assertEquals(-1, SeqUnwrapper.nearest(65_535, 0));
    }

    @Test
    void inOrderNumbersGrowByOnePerProbeThroughWraps() {
        SeqUnwrapper u = new SeqUnwrapper();
        long last = -1;
        for (int i = 0; i < 300_000; i++) {
            int seq = (60_000 + i) & 0xFFFF;
            long v = u.candidateInOrder(seq);
            u.accept(v, i * 2_000_000L);
            assertEquals(60_000 + i, v);
            last = v;
        }
        assertEquals(359_999, last);
    }

    @Test
    void timeTermPlacesAReplyAfterAnOutageLongerThanTheRange() {
        SeqUnwrapper u = new SeqUnwrapper();
        for (int i = 0; i < 1000; i++) {
            u.accept(u.candidate(i, i * 2_000_000L), i * 2_000_000L);
        }
        long probe = 1000 + 100_000;
        long v = u.candidate((int) (probe & 0xFFFF), probe * 2_000_000L + 30_000_000L);
        assertEquals(probe, v, "100,000 probes later, not 100,000 - 65,536");
    }
}
