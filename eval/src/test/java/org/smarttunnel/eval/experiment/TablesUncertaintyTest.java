package org.smarttunnel.eval.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smarttunnel.eval.uncertainty.Ci;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.fitting.predict.ModelOptions;
import org.smarttunnel.replay.alloc.Allocators;
import org.smarttunnel.replay.run.ReplayOptions;

/** The cells' intervals and the paired comparisons, on samples written by hand. */
class TablesUncertaintyTest {
    private static ExperimentOptions options(int bootstrap) {
        return ExperimentOptions.builder().replay(ReplayOptions.builder().allocators(Allocators.parse("smarttunnel,rr"))
                .models(ModelOptions.builder().modes(EnumSet.of(FitMode.ORACLE)).intervalUs(40_000_000L).build())
                .build()).paths(List.of(2)).redundancies(List.of(7)).bootstrap(bootstrap).build();
    }

    private static Tables.Sample sample(String allocator, int g, int run, int interval, boolean lossFree, double rate) {
        return new Tables.Sample(new Tables.Key(2, 7, g, "oracle", allocator), run, interval, lossFree, rate, 0, false,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * Cell G = 1, 3 tunnels x 10 intervals. smarttunnel is loss-free in all 30; rr fails intervals
     * 0-2 of every tunnel and interval 9 of tunnel 2: 10 discordant pairs, all smarttunnel's, p =
     * 2^-9 = 0.001953125; its loss rates are 0.01 where it fails, smarttunnel's 0 everywhere: 10
     * intervals lower for smarttunnel, 20 ties. rr also replayed interval 10 of tunnel 0, which
     * smarttunnel did not: not paired.
     */
    @Test
    void pairsByTunnelAndIntervalAndTestsTheDiscordantOnes() {
        Tables.Collector c = new Tables.Collector();
        for (int run = 0; run < 3; run++) {
            for (int i = 0; i < 10; i++) {
                c.add(sample("smarttunnel", 1, run, i, true, 0));
                boolean fails = i < 3 || (run == 2 && i == 9);
                c.add(sample("rr", 1, run, i, !fails, fails ? 0.01 : 0));
            }
        }
        c.add(sample("rr", 1, 0, 10, true, 0));
        Tables t = c.tables(options(200), 0.5);
        List<Comparison> rows = t.comparisons();
        assertEquals(1, rows.size());
        Comparison x = rows.get(0);
        assertEquals("smarttunnel", x.allocatorA());
        assertEquals("rr", x.allocatorB());
        assertEquals(30, x.intervals());
        assertEquals(10, x.aOnly());
        assertEquals(0, x.bOnly());
        assertEquals(0.001953125, x.pValue(), 1e-15);
        assertEquals(0.001953125, x.pHolm(), 1e-15, "one comparison: Holm changes nothing");
        assertEquals(10, x.aLower());
        assertEquals(0, x.bLower());
        assertTrue(x.significant(0.05));
        assertFalse(x.tooSmall(0.05));
        // rr's cell: 21 of 31 loss-free; 3 tunnels, so the bootstrap has an interval
        Tables.Stat rr = t.stat(2, 7, 1, FitMode.ORACLE, "rr").orElseThrow();
        assertEquals(3, rr.uncertainty().tunnels());
        Ci ci = rr.uncertainty().lossFree();
        assertTrue(ci.present() && ci.low() <= 21.0 / 31 && ci.high() >= 21.0 / 31, ci.toString());
        assertEquals(200, rr.uncertainty().lossFreeDraws().length);
        // smarttunnel loses nothing: every draw is 1
        assertEquals(new Ci(1, 1), t.stat(2, 7, 1, FitMode.ORACLE, "smarttunnel").orElseThrow().uncertainty()
                .lossFree());
    }

    /** One tunnel gives no bootstrap interval (nothing to resample), but a Wilson one; no draws give none at all. */
    @Test
    void oneTunnelOrNoDrawsGiveNoBootstrapInterval() {
        Tables.Collector c = new Tables.Collector();
        for (int i = 0; i < 10; i++) {
            c.add(sample("rr", 0, 0, i, i % 2 == 0, 0.01 * (i % 2)));
        }
        Tables.Stat s = c.tables(options(1000), 0.5).stat(2, 7, 0, FitMode.ORACLE, "rr").orElseThrow();
        assertFalse(s.uncertainty().lossFree().present());
        assertTrue(s.uncertainty().wilson().present());
        Tables.Collector c2 = new Tables.Collector();
        for (int run = 0; run < 4; run++) {
            c2.add(sample("rr", 0, run, 0, run % 2 == 0, 0));
        }
        assertFalse(c2.tables(options(0), 0.5).stat(2, 7, 0, FitMode.ORACLE, "rr").orElseThrow().uncertainty()
                .lossFree().present(), "--bootstrap 0");
    }
}
