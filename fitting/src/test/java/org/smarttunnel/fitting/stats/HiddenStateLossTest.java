package org.smarttunnel.fitting.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.smarttunnel.fitting.model.GilbertElliott;
import org.smarttunnel.fitting.model.GilbertModel;
import org.smarttunnel.fitting.model.MarkovLoss;

/** The exact statistics on hidden Markov models (Gilbert-Elliott), whose state a reception does not reset. */
class HiddenStateLossTest {
    private static GilbertElliott randomGe(Random r) {
        return new GilbertElliott(r.nextDouble() * 0.2, 0.05 + r.nextDouble() * 0.9, r.nextDouble() * 0.05,
                0.2 + r.nextDouble() * 0.8);
    }

    private static MarkovLoss randomPath(Random r, int round, int p) {
        return (round + p) % 3 == 0 ? ExactLossTest.randomModel(r) : randomGe(r);
    }

    /** A Gilbert-Elliott model that loses nothing when good and everything when bad is the 2-state Gilbert chain. */
    @Test
    void geWithASeenStateIsTheGilbertChain() {
        GilbertElliott ge = new GilbertElliott(0.01, 0.4, 0, 1);
        GilbertModel gilbert = GilbertModel.of(0.01, 0.6);
        GroupLayout layout = new GroupLayout(5, new int[] {0, 1, 0, 1, 0, 1, 0, 1}, 2);
        double expected = new ExactFec(64, 4).expectedLostAfterFec(List.of(gilbert, gilbert), layout);
        double got = new ExactFec(64, 4).expectedLostAfterFec(List.of(ge, ge), layout);
        assertEquals(expected, got, 1e-12 * expected);
        assertEquals(gilbert.lossRate(), ge.lossRate(), 1e-15);
        assertEquals(gilbert.meanBurst(), ge.meanBurst(), 1e-12);
        double[] c1 = ChainTables.pairLoss(gilbert, 10);
        double[] c2 = ChainTables.pairLoss(ge, 10);
        for (int g = 0; g <= 10; g++) {
            assertEquals(c1[g], c2[g], 1e-15, "gap " + g);
        }
    }

    /** Equal loss in both states: whatever the hidden chain does, losses are independent (Bernoulli). */
    @Test
    void geWithEqualLossesIsBernoulli() {
        GilbertElliott ge = new GilbertElliott(0.1, 0.3, 0.05, 0.05);
        GilbertModel bernoulli = GilbertModel.of(0.05);
        GroupLayout layout = new GroupLayout(6, new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0}, 1);
        double expected = new ExactFec(64, 4).expectedLostAfterFec(List.of(bernoulli), layout);
        assertEquals(expected, new ExactFec(64, 4).expectedLostAfterFec(List.of(ge), layout), 1e-12 * expected);
    }

    /**
     * Known answer by hand: one packet (D = 1, K = 0) on a GE path loses its data with the
     * stationary loss rate; two data packets on one path with no redundancy lose
     * 2 pi_L in expectation (every loss counts).
     */
    @Test
    void withoutRedundancyTheExpectedLossIsTheLossRate() {
        GilbertElliott ge = new GilbertElliott(0.02, 0.25, 0.002, 0.6);
        double rate = (0.25 * 0.002 + 0.02 * 0.6) / 0.27;
        assertEquals(rate, ge.lossRate(), 1e-15);
        assertEquals(rate, new ExactFec(8, 2).expectedLostAfterFec(List.of(ge), new GroupLayout(1, new int[] {0},
                1)), 1e-15);
        assertEquals(2 * rate, new ExactFec(8, 2).expectedLostAfterFec(List.of(ge), new GroupLayout(2,
                new int[] {0, 0}, 1)), 1e-15);
    }

    @Test
    void exactLossOfHiddenStateModelsEqualsEnumerationOfAllLossPatterns() {
        Random r = new Random(41);
        ExactFec fast = new ExactFec(64, 8);
        for (int round = 0; round < 80; round++) {
            int paths = 1 + r.nextInt(2);
            List<MarkovLoss> models = new ArrayList<>();
            for (int p = 0; p < paths; p++) {
                models.add(randomPath(r, round, p));
            }
            int g = 4 + r.nextInt(paths == 1 ? 8 : 4);
            GroupLayout layout = ExactLossTest.randomLayout(r, g, paths);
            double brute = BruteForce.expectedLostAfterFec(models, layout);
            assertEquals(brute, GroupLoss.exact(models, layout), 1e-13 + 1e-11 * brute, layout + " " + models);
            assertEquals(brute, fast.expectedLostAfterFec(models, layout), 1e-13 + 1e-11 * brute,
                    layout + " " + models);
        }
    }

    @Test
    void fastCalculatorEqualsTheReferenceOnLargeGroupsOfHiddenStateModels() {
        Random r = new Random(43);
        ExactFec fast = new ExactFec(64, 16);
        for (int round = 0; round < 200; round++) {
            int paths = 1 + r.nextInt(5);
            List<MarkovLoss> models = new ArrayList<>();
            for (int p = 0; p < paths; p++) {
                models.add(randomPath(r, round, p));
            }
            GroupLayout layout = ExactLossTest.randomLayout(r, 10 + r.nextInt(55), paths);
            double reference = GroupLoss.exact(models, layout);
            assertEquals(reference, fast.expectedLostAfterFec(models, layout), 1e-11 * reference,
                    layout + " " + models);
            double bound = reference * (r.nextBoolean() ? 0.5 : 2);
            double bounded = new ExactFec(64, 16).expectedLostAfterFec(models, layout, bound);
            if (bounded != Double.POSITIVE_INFINITY) {
                assertEquals(reference, bounded, 1e-11 * reference);
            }
        }
    }

    /** The exact moments of a GE path equal the moments of its exact joint distribution. */
    @Test
    void momentsOfHiddenStateModelsAreTheJointDistributionsMoments() {
        Random r = new Random(47);
        for (int round = 0; round < 50; round++) {
            int paths = 1 + r.nextInt(3);
            List<MarkovLoss> models = new ArrayList<>();
            for (int p = 0; p < paths; p++) {
                models.add(randomPath(r, round, p));
            }
            GroupLayout layout = ExactLossTest.randomLayout(r, 6 + r.nextInt(30), paths);
            ExactLossTest.assertMomentsOfJoint(GroupLoss.moments(models, layout), GroupLoss.joint(models, layout));
        }
    }
}
