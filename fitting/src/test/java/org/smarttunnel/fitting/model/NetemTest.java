package org.smarttunnel.fitting.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NetemTest {
    @Test
    void bernoulliAndGilbertMapExactly() {
        assertEquals("tc qdisc add dev eth0 root netem loss random 1.5%", Netem.command(GilbertModel.of(0.015), "eth0"));
        assertEquals("tc qdisc add dev wan0 root netem loss gemodel 0.25% 21.9% 100% 0%",
                Netem.command(GilbertModel.of(0.0025, 0.781), "wan0"));
        assertEquals("loss gemodel 0% 100% 100% 0%", Netem.lossClause(GilbertModel.of(0, 0)));
        assertThrows(IllegalArgumentException.class, () -> Netem.lossClause(GilbertModel.of(0.1, 0.5, 0.6)));
    }

    /** Mean 12 ms, population sigma sqrt(2 * 2^2 / 3) = 1.633 ms. */
    @org.junit.jupiter.api.Test
    void delayClauseFromOneWayDelays() {
        assertEquals("delay 12.000ms 1.633ms distribution normal ", Netem.delayClause(new double[] {10_000, 12_000, 14_000}));
        assertEquals("", Netem.delayClause(new double[0]));
    }

    /**
     * By hand: q = (0.01, 0.3, 0.6) has a first loss in a burst going on with 0.3 / 0.6 = 1/2:
     * p13 = p14 = 0.005, the burst goes on with 0.6 (p31 = 0.4), p32 = 0, p23 = q0.
     */
    @Test
    void threeStateChainAsNetemsFourStateModel() {
        NetemFourState s = NetemFourState.of(GilbertModel.of(0.01, 0.3, 0.6)).orElseThrow();
        assertEquals("loss state 0.5% 40% 0% 1% 0.5%", s.netemClause());
        assertEquals("p13=0.005;p31=0.4;p32=0;p23=0.01;p14=0.005", s.describe());
        assertEquals("loss state 1.5% 98.5% 0% 1.5% 0%", NetemFourState.of(GilbertModel.of(0.015)).orElseThrow()
                .netemClause(), "Bernoulli");
        assertEquals("loss state 0.25% 21.9% 0% 0.25% 0%", NetemFourState.of(GilbertModel.of(0.0025, 0.781))
                .orElseThrow().netemClause(), "Gilbert");
        assertTrue(NetemFourState.of(GilbertModel.of(0.01, 0.7, 0.4)).isEmpty(), "q1 > q2: a burst that tires");
        assertTrue(NetemFourState.of(GilbertModel.of(0.01, 0.3, 0.6, 0.9)).isEmpty(), "a fourth state of its own");
        assertTrue(NetemFourState.of(GilbertModel.of(0.01, 0.3, 0.6, 0.6)).isPresent());
    }

    /**
     * The 4-state chain netem runs is the fitted chain: the same probability of every loss
     * sequence (from stationarity), loss rate and burst lengths.
     */
    @Test
    void theFourStateChainIsTheSameProcessAsTheChainItCameFrom() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int round = 0; round < 50; round++) {
            double q2 = 0.2 + 0.8 * r.nextDouble();
            GilbertModel m = GilbertModel.of(0.1 * r.nextDouble(), q2 * r.nextDouble(), q2);
            NetemFourState s = NetemFourState.of(m).orElseThrow();
            assertEquals(m.lossRate(), s.lossRate(), 1e-12, m.toString());
            for (int k = 1; k < 8; k++) {
                assertEquals(m.burstAtLeast(k), s.burstAtLeast(k), 1e-12);
            }
            org.smarttunnel.ingest.trace.LossSequence seq = new GilbertElliott(0.05, 0.3, 0.01, 0.7).simulate(500,
                    new java.util.SplittableRandom(round));
            assertEquals(m.logLikelihood(seq), s.logLikelihood(seq), 1e-9);
        }
    }
}
