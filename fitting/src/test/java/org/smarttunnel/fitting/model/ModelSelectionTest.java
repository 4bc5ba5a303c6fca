package org.smarttunnel.fitting.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.smarttunnel.ingest.trace.LossSequence;

/** Likelihoods by hand, and the criteria choosing the model a sequence was drawn from. */
class ModelSelectionTest {
    @Test
    void likelihoodsAndCriteriaByHand() {
        // 0110: Bernoulli q = 1/2, ln L = 4 ln 1/2
        ModelSelection s = ModelSelection.of("t", LossSequence.parse("0110"));
        ModelSelection.Candidate b = s.candidates().get(0);
        assertEquals("bernoulli", b.model());
        assertEquals(4 * Math.log(0.5), b.logLikelihood(), 1e-12);
        assertEquals(2 - 2 * b.logLikelihood(), b.aic(), 1e-12);
        assertEquals(Math.log(4) - 2 * b.logLikelihood(), b.bic(), 1e-12);
        // Gilbert q0 = P(lost | after a reception), q1 = P(lost | after a loss): transitions 0->1, 1->1, 1->0
        // give q0 = 1/1, q1 = 1/2; stationary P(state 1) = q0 / (q0 + 1 - q1) = 2/3, so the first 0 has
        // probability 1/3 * (1 - q0) + 2/3 * (1 - q1) = 1/3, then 1 (q0), 1 (q1), 0 (1 - q1)
        GilbertModel g = GilbertModel.of(1.0, 0.5);
        assertEquals(Math.log(1.0 / 3) + Math.log(1) + Math.log(0.5) + Math.log(0.5),
                g.logLikelihood(LossSequence.parse("0110")), 1e-12);
    }

    private static String chosen(LossSequence s) {
        return ModelSelection.of("t", s).byBic().model();
    }

    @Test
    void bicChoosesTheModelTheSequenceWasDrawnFrom() {
        assertEquals("bernoulli", chosen(new GilbertElliott(0.5, 0.5, 0.02, 0.02).simulate(100_000,
                new SplittableRandom(1))));
        assertEquals("gilbert", chosen(new GilbertElliott(0.01, 0.3, 0, 1).simulate(100_000, new SplittableRandom(2))));
        assertEquals("gilbert-elliott", chosen(new GilbertElliott(0.02, 0.25, 0.002, 0.6).simulate(200_000,
                new SplittableRandom(3))));
    }
}
