package org.smarttunnel.fitting.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
