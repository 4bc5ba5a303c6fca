package org.smarttunnel.fitting.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.smarttunnel.fitting.model.GilbertModel;

class ExactLossTest {
    static GilbertModel randomModel(Random r) {
        int n = 1 + r.nextInt(4);
        double[] q = new double[n];
        for (int k = 0; k < n; k++) {
            q[k] = k == 0 ? r.nextDouble() * 0.3 : r.nextDouble();
        }
        return GilbertModel.of(q);
    }

    /**
     * Bursty models of {@code fewest} to {@code fewest + spread - 1} states: loss below
     * {@code firstLoss} from state 0, 0.3 to 1 within a burst.
     */
    static List<GilbertModel> randomModels(Random r, int paths, int fewest, int spread, double firstLoss) {
        List<GilbertModel> models = new ArrayList<>();
        for (int p = 0; p < paths; p++) {
            int n = fewest + r.nextInt(spread);
            double[] q = new double[n];
            for (int k = 0; k < n; k++) {
                q[k] = k == 0 ? r.nextDouble() * firstLoss : 0.3 + 0.7 * r.nextDouble();
            }
            models.add(GilbertModel.of(q));
        }
        return models;
    }

    static GroupLayout randomLayout(Random r, int g, int paths) {
        int[] slots = new int[g];
        for (int j = 0; j < g; j++) {
            slots[j] = r.nextInt(paths);
        }
        return new GroupLayout(1 + r.nextInt(g - 1), slots, paths);
    }

    @Test
    void exactExpectedLossEqualsEnumerationOfAllLossPatterns() {
        Random r = new Random(4);
        for (int round = 0; round < 60; round++) {
            int paths = 1 + r.nextInt(3);
            int g = paths == 3 ? 4 + r.nextInt(2) : 4 + r.nextInt(4);
            List<GilbertModel> models = new ArrayList<>();
            for (int p = 0; p < paths; p++) {
                models.add(randomModel(r));
            }
            GroupLayout layout = randomLayout(r, g, paths);
            double brute = BruteForce.expectedLostAfterFec(models, layout);
            double exact = GroupLoss.exact(models, layout);
            assertEquals(brute, exact, 1e-13 + 1e-11 * brute, layout + " " + models);
        }
    }

    @Test
    void fastCalculatorEqualsTheReferenceAndTheEnumeration() {
        Random r = new Random(21);
        ExactFec fast = new ExactFec(64, 16);
        for (int round = 0; round < 400; round++) {
            int paths = 1 + r.nextInt(5);
            List<GilbertModel> models = new ArrayList<>();
            for (int p = 0; p < paths; p++) {
                models.add(round % 3 == 0 ? GilbertModel.of(r.nextDouble() * 1e-3, r.nextDouble() * 0.5)
                        : randomModel(r));
            }
            int g = round < 40 ? 4 + r.nextInt(3) : 10 + r.nextInt(50);
            GroupLayout layout = randomLayout(r, g, paths);
            double reference = GroupLoss.exact(models, layout);
            assertEquals(reference, fast.expectedLostAfterFec(models, layout), 1e-12 * reference,
                    layout + " " + models);
            if (round < 40 && paths <= 2) {
                assertEquals(BruteForce.expectedLostAfterFec(models, layout), reference, 1e-12 + 1e-11 * reference);
            }
        }
    }

    /** Models of up to 16 states, whose spread-out slots take the factored transfer. */
    @Test
    void fastCalculatorEqualsTheReferenceForManyStateModels() {
        Random r = new Random(77);
        ExactFec fast = new ExactFec(64, 16);
        for (int round = 0; round < 150; round++) {
            int paths = 1 + r.nextInt(6);
            List<GilbertModel> models = randomModels(r, paths, 5, 12, 0.05);
            GroupLayout layout = randomLayout(r, 20 + r.nextInt(40), paths);
            double reference = GroupLoss.exact(models, layout);
            if (round % 2 == 0) {
                fast.forget();
            }
            assertEquals(reference, fast.expectedLostAfterFec(models, layout), 1e-11 * reference,
                    layout + " " + models);
            assertEquals(reference, fast.expectedLostAfterFec(models, layout), 1e-11 * reference, "again, remembered");
        }
    }

    /**
     * With a bound, the answer is the unbounded one bit for bit, or infinity only when the
     * unbounded one is at least the bound (searches rely on both).
     */
    @Test
    void boundedAnswersAreExactOrCertainlyAtLeastTheBound() {
        Random r = new Random(78);
        int pruned = 0;
        for (int round = 0; round < 400; round++) {
            int paths = 1 + r.nextInt(5);
            List<GilbertModel> models = randomModels(r, paths, 1, 8, 0.2);
            GroupLayout layout = randomLayout(r, 10 + r.nextInt(40), paths);
            double exact = new ExactFec(64, 16).expectedLostAfterFec(models, layout);
            double bound = exact * 1.5 * r.nextDouble();
            double got = new ExactFec(64, 16).expectedLostAfterFec(models, layout, bound);
            if (got == Double.POSITIVE_INFINITY) {
                pruned++;
                assertTrue(exact >= bound, layout + ": pruned below the bound");
            } else {
                assertEquals(exact, got, 0.0, layout + ": not bit for bit");
            }
        }
        assertTrue(pruned > 20, "some schedules are pruned: " + pruned);
    }

    @Test
    void pathsWithoutSlotsAndAllSlotsOnOnePath() {
        GilbertModel m = GilbertModel.of(0.02, 0.5);
        List<GilbertModel> models = List.of(m, GilbertModel.of(0.3), m);
        GroupLayout onlyFirst = new GroupLayout(3, new int[] {0, 0, 0, 0, 0}, 3);
        GroupLayout skipMiddle = new GroupLayout(3, new int[] {0, 2, 0, 2, 0}, 3);
        ExactFec fast = new ExactFec(8, 4);
        assertEquals(GroupLoss.exact(models, onlyFirst), fast.expectedLostAfterFec(models, onlyFirst), 1e-15);
        assertEquals(BruteForce.expectedLostAfterFec(models, skipMiddle), fast.expectedLostAfterFec(models, skipMiddle),
                1e-15);
    }

    @Test
    void jointDistributionSumsToOneAndItsMomentsAreTheExactMoments() {
        Random r = new Random(9);
        for (int round = 0; round < 100; round++) {
            int paths = 1 + r.nextInt(4);
            List<GilbertModel> models = new ArrayList<>();
            for (int p = 0; p < paths; p++) {
                models.add(randomModel(r));
            }
            GroupLayout layout = randomLayout(r, 10 + r.nextInt(40), paths);
            assertMomentsOfJoint(GroupLoss.moments(models, layout), GroupLoss.joint(models, layout));
        }
    }

    /** The joint distribution sums to 1 and has the moments {@code m}. */
    static void assertMomentsOfJoint(Moments m, JointLoss joint) {
        double total = 0;
        double ex = 0;
        double ey = 0;
        double exx = 0;
        double eyy = 0;
        double exy = 0;
        for (int a = 0; a <= joint.maxData(); a++) {
            for (int b = 0; b <= joint.maxRedundant(); b++) {
                double p = joint.probability(a, b);
                total += p;
                ex += a * p;
                ey += b * p;
                exx += a * a * p;
                eyy += b * b * p;
                exy += a * b * p;
            }
        }
        assertEquals(1, total, 1e-12);
        assertEquals(m.meanX(), ex, 1e-10);
        assertEquals(m.meanY(), ey, 1e-10);
        assertEquals(m.varX(), exx - ex * ex, 1e-9);
        assertEquals(m.varY(), eyy - ey * ey, 1e-9);
        assertEquals(m.covXY(), exy - ex * ey, 1e-9);
    }

    @Test
    void tinyLossesKeepTheirRelativePrecision() {
        // three good paths (loss 1.4e-4, bursty): failing a group with R = 7 needs 8 losses
        GilbertModel good = GilbertModel.of(1e-4, 0.3);
        List<GilbertModel> models = List.of(good, good, good);
        int[] slots = new int[16];
        for (int j = 0; j < 16; j++) {
            slots[j] = j % 3;
        }
        GroupLayout layout = new GroupLayout(9, slots, 3);
        double exact = GroupLoss.exact(models, layout);
        double brute = BruteForce.fromPathJoints(models, layout);
        assertEquals(brute, exact, 1e-9 * brute);
        assertEquals(exact, new ExactFec(16, 2).expectedLostAfterFec(models, layout), 1e-12 * exact);
        assertEquals(true, exact > 0 && exact < 1e-12, "X_FEC = " + exact);
    }
}
