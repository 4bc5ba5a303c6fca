package org.smarttunnel.fitting.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.smarttunnel.fitting.model.GilbertElliottType;
import org.smarttunnel.fitting.model.GilbertModel;
import org.smarttunnel.fitting.model.LossModels;
import org.smarttunnel.fitting.model.LossWindow;
import org.smarttunnel.fitting.model.ModelSelection;
import org.smarttunnel.fitting.model.StateChoice;
import org.junit.jupiter.api.Test;
import org.smarttunnel.ingest.trace.LossSequence;
import org.smarttunnel.ingest.trace.Trace;
import org.smarttunnel.ingest.trace.TraceInfo;

class IntervalFitsTest {
    /** 10 probes per 1 s interval, intervals 0, 1, 3 probed, 2 idle. */
    static Trace trace() {
        String[] blocks = {"0000100001", "0110000000", "", "1111000000"};
        StringBuilder bits = new StringBuilder();
        long[] send = new long[30];
        int i = 0;
        for (int k = 0; k < blocks.length; k++) {
            for (int j = 0; j < blocks[k].length(); j++) {
                send[i++] = k * 1_000_000L + j * 100_000L;
            }
            bits.append(blocks[k]);
        }
        return new Trace(new TraceInfo("t", "h", "s", "", "", ""), new int[30], send, LossSequence.parse(bits.toString()),
                new int[30]);
    }

    @Test
    void oracleAndPredictedModelsPerInterval() {
        IntervalFits f = new IntervalFits(trace(), 1_000_000);
        assertEquals(4, f.intervals());
        List<IntervalModel> m = f.models(options("extended-gilbert", EnumSet.allOf(FitMode.class), StateChoice.of(2),
                8));
        assertEquals(List.of("0 oracle", "1 oracle", "1 predicted", "3 oracle", "3 predicted"),
                m.stream().map(x -> x.interval() + " " + x.mode().id()).toList(), "idle interval 2 has no model");
        // interval 0 = 0000100001: s0 visits 9 (probes 0-8 except after the first loss: 9), losses 2
        IntervalModel o0 = m.get(0);
        assertEquals(10, o0.probes());
        assertEquals(2, o0.losses());
        assertArrayEquals(new double[] {2.0 / 9, 0}, ((GilbertModel) o0.model()).q(), 1e-15);
        assertEquals("extended-gilbert", o0.fitted().model());
        // predicted for interval 3 pools intervals 0..2: 20 probes, 4 losses
        IntervalModel p3 = m.get(4);
        assertEquals(20, p3.probes());
        assertEquals(4, p3.losses());
        // s0: visits 9 + 8, losses 2 + 1; s1: visits 1 + 2, losses 0 + 1
        assertArrayEquals(new double[] {3.0 / 17, 1.0 / 3}, ((GilbertModel) p3.model()).q(), 1e-15);
        List<IntervalModel> shortHistory = f.models(options("bernoulli", EnumSet.of(FitMode.PREDICTED),
                StateChoice.of(1), 1));
        assertEquals(List.of(1), shortHistory.stream().map(IntervalModel::interval).toList(),
                "with one interval of history, interval 3's history (2) is idle: no prediction");
    }

    private static ModelOptions options(String model, java.util.Set<FitMode> modes, StateChoice states, int history) {
        return ModelOptions.builder().model(LossModels.byId(model)).modes(modes).states(states).history(history)
                .build();
    }

    /**
     * Bernoulli on interval 0 (10 probes, 2 lost): ln L = 2 ln 0.2 + 8 ln 0.8, BIC = ln 10 - 2 ln L.
     * A predicted window's sequence is its intervals' probes in order (20 probes, 4 lost), which
     * Gilbert-Elliott and the automatic choice are fitted on.
     */
    @Test
    void everyRowCarriesItsModelAndBic() {
        IntervalFits f = new IntervalFits(trace(), 1_000_000);
        IntervalModel b = f.models(options("bernoulli", EnumSet.of(FitMode.ORACLE), StateChoice.AUTO, 8)).get(0);
        double ll = 2 * Math.log(0.2) + 8 * Math.log(0.8);
        assertEquals(Math.log(10) - 2 * ll, b.bic(), 1e-12);
        assertEquals("q=0.2", b.model().describe());
        LossWindow w = f.lossWindow(3, FitMode.PREDICTED, 8).orElseThrow();
        assertEquals(20, w.sequence().length());
        assertEquals(4, w.sequence().lossCount());
        List<IntervalModel> ge = f.models(options("ge", EnumSet.of(FitMode.PREDICTED), StateChoice.AUTO, 8));
        assertEquals("gilbert-elliott", ge.get(1).fitted().model());
        assertEquals(2, ge.get(1).states());
        assertEquals(new GilbertElliottType().fit(w, StateChoice.AUTO).loss(), ge.get(1).model());
        for (IntervalModel auto : f.models(options("auto", EnumSet.allOf(FitMode.class), StateChoice.AUTO, 8))) {
            ModelSelection s = ModelSelection.of("", f.lossWindow(auto.interval(), auto.mode(), 8).orElseThrow(),
                    StateChoice.AUTO);
            assertEquals(s.byBic().model(), auto.fitted().model());
            assertEquals(s.byBic().bic(), auto.bic(), 1e-9);
        }
    }

    @Test
    void fisherExactTestMatchesTextbookValues() {
        // the lady tasting tea: [[3, 1], [1, 3]] two-sided p = 0.4857
        assertEquals(0.4857142857142857, FisherExact.twoSided(3, 4, 1, 4), 1e-12);
        // [[1, 9], [11, 3]]: p = 0.002759
        assertEquals(0.0027594561852200836, FisherExact.twoSided(1, 10, 11, 14), 1e-12);
        assertEquals(1, FisherExact.twoSided(0, 100, 0, 100));
    }

    @Test
    void fisherExactTestAgreesWithSummingEveryTableForLargeCounts() {
        long[][] cases = {{1200, 160_000, 180, 20_000}, {1200, 160_000, 120, 20_000}, {3, 160_000, 9, 20_000},
                {40_000, 160_000, 5_000, 20_000}};
        for (long[] c : cases) {
            int total = (int) (c[1] + c[3]);
            int lost = (int) (c[0] + c[2]);
            HypergeometricDistribution h = new HypergeometricDistribution(null, total, lost, (int) c[3]);
            double seen = h.probability((int) c[2]);
            double sum = 0;
            for (int x = h.getSupportLowerBound(); x <= h.getSupportUpperBound(); x++) {
                double p = h.probability(x);
                if (p <= seen * (1 + 1e-7)) {
                    sum += p;
                }
            }
            assertEquals(Math.min(1, sum), FisherExact.twoSided(c[0], c[1], c[2], c[3]), 1e-9 * Math.max(sum, 1e-300));
        }
    }

    @Test
    void predictabilityTestsEachIntervalAgainstItsHistory() {
        double[] p = new IntervalFits(trace(), 1_000_000).predictability(8);
        assertEquals(Double.NaN, p[0]);
        assertEquals(Double.NaN, p[2], "idle interval");
        assertEquals(FisherExact.twoSided(2, 10, 2, 10), p[1], 1e-15);
        assertEquals(FisherExact.twoSided(4, 20, 4, 10), p[3], 1e-15);
        assertTrue(p[3] > 0.05);
    }
}
