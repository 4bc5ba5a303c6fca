package org.smarttunnel.fitting.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smarttunnel.fitting.model.GilbertModel;
import org.smarttunnel.fitting.model.LossChain;

/** The exact statistics need nothing of a model but the loss-chain interface. */
class LossChainTest {
    /** A Gilbert model seen only through the interface, with the default stationary solver. */
    private static LossChain plain(GilbertModel m) {
        return new LossChain() {
            @Override
            public int states() {
                return m.states();
            }

            @Override
            public double lossProbability(int state) {
                return m.q(state);
            }

            @Override
            public int next(int state, boolean lost) {
                return lost ? Math.min(state + 1, m.states() - 1) : 0;
            }
        };
    }

    @Test
    void theGeneralStationarySolverAgreesWithTheClosedForm() {
        for (GilbertModel m : List.of(GilbertModel.of(0.02), GilbertModel.of(0.01, 0.6),
                GilbertModel.of(0.003, 0.5, 0.7, 0.9), GilbertModel.of(0, 0.5))) {
            assertArrayEquals(m.stationary(), plain(m).stationary(), 1e-12, m.toString());
            assertEquals(m.lossRate(), plain(m).lossRate(), 1e-14);
        }
    }

    @Test
    void exactLossOfAChainSeenThroughTheInterfaceEqualsTheModels() {
        List<GilbertModel> models = List.of(GilbertModel.of(0.05, 0.5, 0.8), GilbertModel.of(0.01, 0.3));
        GroupLayout layout = new GroupLayout(8, new int[] {0, 1, 0, 1, 0, 1, 0, 0, 1, 1}, 2);
        List<LossChain> plain = List.of(plain(models.get(0)), plain(models.get(1)));
        double expected = GroupLoss.exact(models, layout);
        assertEquals(expected, GroupLoss.exact(plain, layout), 1e-15 * expected);
        assertEquals(expected, new ExactFec(10, 3).expectedLostAfterFec(plain, layout), 1e-12 * expected);
        Moments a = GroupLoss.moments(models, layout);
        Moments b = GroupLoss.moments(plain, layout);
        assertArrayEquals(new double[] {a.meanX(), a.varX(), a.meanY(), a.varY(), a.covXY()},
                new double[] {b.meanX(), b.varX(), b.meanY(), b.varY(), b.covXY()}, 1e-12);
    }
}
