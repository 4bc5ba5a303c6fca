package org.smarttunnel.fitting.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.smarttunnel.ingest.trace.LossSequence;

/** Gilbert-Elliott: likelihood by hand, EM recovering known parameters, its special cases. */
class GilbertElliottTest {
    /**
     * Two packets, lost then received, p = 0.1, r = 0.4, 1-k = 0.01, 1-h = 0.5: stationary bad
     * 0.2; P(lost) = 0.8 * 0.01 + 0.2 * 0.5 = 0.108; after it the state is good with 0.008/0.108
     * and bad with 0.1/0.108, so P(received next) = sum over the next state of its probability
     * times 1 - its loss.
     */
    @Test
    void likelihoodByHand() {
        GilbertElliott m = new GilbertElliott(0.1, 0.4, 0.01, 0.5);
        double g = 0.008 / 0.108;
        double b = 0.1 / 0.108;
        double nextGood = g * 0.9 + b * 0.4;
        double nextBad = g * 0.1 + b * 0.6;
        double expected = Math.log(0.108) + Math.log(nextGood * 0.99 + nextBad * 0.5);
        assertEquals(expected, m.logLikelihood(LossSequence.parse("10")), 1e-12);
        assertEquals(0.108, m.lossRate(), 1e-15);
        assertEquals("loss gemodel 10% 40% 50% 1%", m.netemClause());
    }

    /** Draw 400,000 packets from known parameters, fit, and recover them (tolerances stated in docs/method.md). */
    @Test
    void emRecoversKnownParameters() {
        GilbertElliott truth = new GilbertElliott(0.02, 0.25, 0.002, 0.6);
        LossSequence s = truth.simulate(400_000, new SplittableRandom(5));
        GilbertElliottFit fit = GilbertElliottFit.of(s);
        GilbertElliott m = fit.model();
        assertEquals(truth.p(), m.p(), 0.2 * truth.p(), m.toString());
        assertEquals(truth.r(), m.r(), 0.2 * truth.r(), m.toString());
        assertEquals(truth.lossBad(), m.lossBad(), 0.1, m.toString());
        assertEquals(truth.lossGood(), m.lossGood(), 0.001, m.toString());
        assertEquals(truth.lossRate(), m.lossRate(), 0.1 * truth.lossRate());
        assertTrue(fit.logLikelihood() >= truth.logLikelihood(s) - 1e-6 * Math.abs(fit.logLikelihood()),
                "the fit is at least as likely as the truth: " + fit.logLikelihood() + " vs " + truth.logLikelihood(s));
        assertTrue(fit.iterations() > 0 && fit.iterations() < GilbertElliottFit.MAX_ITERATIONS);
    }

    /** The simple Gilbert model (every bad packet lost, no good one) is a special case the fit finds. */
    @Test
    void aSimpleGilbertSequenceFitsWithLossesOnlyInTheBadState() {
        GilbertElliott gilbert = new GilbertElliott(0.01, 0.5, 0, 1);
        LossSequence s = gilbert.simulate(200_000, new SplittableRandom(9));
        GilbertElliott m = GilbertElliottFit.of(s).model();
        assertTrue(m.lossGood() < 0.001 && m.lossBad() > 0.95, m.toString());
        assertEquals(0.01, m.p(), 0.002);
        assertEquals(0.5, m.r(), 0.05);
    }

    @Test
    void sequencesWithoutLossesOrReceptionsGiveTheDegenerateModel() {
        assertEquals(new GilbertElliott(0, 1, 0, 0), GilbertElliottFit.of(LossSequence.parse("0000")).model());
        assertEquals(new GilbertElliott(0, 1, 1, 1), GilbertElliottFit.of(LossSequence.parse("11")).model());
        assertEquals(0.0, GilbertElliottFit.of(LossSequence.parse("0000")).logLikelihood());
    }

    /** The states are named so that the good one loses less, whichever way EM found them. */
    @Test
    void theGoodStateLosesLess() {
        LossSequence s = new GilbertElliott(0.05, 0.1, 0.01, 0.3).simulate(100_000, new SplittableRandom(2));
        GilbertElliott m = GilbertElliottFit.of(s).model();
        assertTrue(m.lossGood() <= m.lossBad(), m.toString());
        GilbertElliott swapped = GilbertElliottFit.em(s, new GilbertElliott(0.1, 0.05, 0.3, 0.01)).model();
        assertTrue(swapped.lossGood() <= swapped.lossBad(), swapped.toString());
    }

    /**
     * Round trip through netem's form: fit, write {@code loss gemodel p r 1-h 1-k}, read the four
     * percentages back, draw a new sequence from them, fit again: the same model within the
     * tolerances above (and the same loss rate within 10%).
     */
    @Test
    void fitExportSimulateFitAgainAgrees() {
        LossSequence measured = new GilbertElliott(0.015, 0.3, 0.001, 0.7).simulate(300_000, new SplittableRandom(21));
        GilbertElliott first = GilbertElliottFit.of(measured).model();
        String[] clause = first.netemClause().split(" ");
        assertEquals("gemodel", clause[1]);
        double[] v = new double[4];
        for (int k = 0; k < 4; k++) {
            v[k] = Double.parseDouble(clause[2 + k].replace("%", "")) / 100;
        }
        GilbertElliott exported = new GilbertElliott(v[0], v[1], v[3], v[2]);
        assertEquals(first.p(), exported.p(), 5e-6 * first.p(), "six significant digits");
        GilbertElliott second = GilbertElliottFit.of(exported.simulate(300_000, new SplittableRandom(22))).model();
        assertEquals(first.p(), second.p(), 0.2 * first.p(), second.toString());
        assertEquals(first.r(), second.r(), 0.2 * first.r(), second.toString());
        assertEquals(first.lossBad(), second.lossBad(), 0.1, second.toString());
        assertEquals(first.lossGood(), second.lossGood(), 0.001, second.toString());
        assertEquals(first.lossRate(), second.lossRate(), 0.1 * first.lossRate());
    }

    /**
     * The Baum-Welch iteration that reuses a step whose inputs repeat the last one's equals the
     * plain one that computes every step, bit for bit: model, log-likelihood and iterations, on
     * sequences from nearly lossless to bursty and lossy, short and long, from several starts.
     */
    @Test
    void reusedStepsChangeNoBitOfTheFit() {
        SplittableRandom random = new SplittableRandom(17);
        double[][] truths = {
            {0.0005, 0.3, 0.0001, 0.7}, {0.02, 0.25, 0.002, 0.6}, {0.1, 0.1, 0.05, 0.9}, {0.3, 0.6, 0.2, 0.8},
            {0.001, 0.02, 0.0, 1.0}, {0.05, 0.5, 0.01, 0.3},
        };
        GilbertElliott[] starts = {new GilbertElliott(0.01, 0.3, 0.001, 0.6), new GilbertElliott(0.05, 0.5, 0.0005, 0.3),
            new GilbertElliott(0.2, 0.2, 0.1, 0.5)};
        int compared = 0;
        for (double[] t : truths) {
            for (int n : new int[] {3, 50, 2_000, 30_000}) {
                LossSequence s = new GilbertElliott(t[0], t[1], t[2], t[3]).simulate(n, random);
                if (s.lossCount() == 0 || s.lossCount() == n) {
                    continue;
                }
                for (GilbertElliott start : starts) {
                    // to convergence on the shorter sequences; a long one's early iterations are where steps repeat most
                    for (int limit : n > 2_000 ? new int[] {1, 10} : new int[] {1, 20, GilbertElliottFit.MAX_ITERATIONS}) {
                        GilbertElliottFit fast = GilbertElliottFit.em(s, start, limit);
                        GilbertElliottFit plain = PlainBaumWelch.em(s, start, limit);
                        String what = java.util.Arrays.toString(t) + " n=" + n + " from " + start + " limit " + limit;
                        assertEquals(plain.iterations(), fast.iterations(), what);
                        assertEquals(Double.doubleToRawLongBits(plain.logLikelihood()),
                                Double.doubleToRawLongBits(fast.logLikelihood()), what);
                        GilbertElliott a = plain.model();
                        GilbertElliott b = fast.model();
                        for (double[] pair : new double[][] {{a.p(), b.p()}, {a.r(), b.r()}, {a.lossGood(), b.lossGood()},
                            {a.lossBad(), b.lossBad()}}) {
                            assertEquals(Double.doubleToRawLongBits(pair[0]), Double.doubleToRawLongBits(pair[1]), what);
                        }
                        compared++;
                    }
                }
            }
        }
        assertTrue(compared >= 120, "fits compared: " + compared);
    }
}
