package org.smarttunnel.fitting.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smarttunnel.fitting.model.GilbertModel;

/**
 * Where the paper's normal approximation (eq. 7) holds: many paths, large groups, and group
 * failures that are not rare (mean losses near R). Where failure is a tail event, a normal
 * tail falls off far faster than a sum of bounded losses and X~ underestimates X_FEC by orders
 * of magnitude; 'smarttunnel bench approximation' reports the gap over a grid.
 */
class NormalVersusExactTest {
    static double[] both(double loss, double burst, int paths, int g) {
        double q1 = 1 - 1 / burst;
        GilbertModel m = burst == 1 ? GilbertModel.of(loss) : GilbertModel.of(loss * (1 - q1) / (1 - loss), q1);
        List<GilbertModel> models = new ArrayList<>();
        int[] slots = new int[g];
        for (int p = 0; p < paths; p++) {
            models.add(m);
        }
        for (int j = 0; j < g; j++) {
            slots[j] = j % paths;
        }
        GroupLayout layout = new GroupLayout(g - g / 5, slots, paths);
        return new double[] {new ExactFec(g, 2).expectedLostAfterFec(models, layout), GroupLoss.normal(models, layout)};
    }

    @Test
    void closeWithManyPathsLargeGroupsAndCommonFailures() {
        double[] a = both(0.25, 3, 10, 300);
        assertEquals(a[0], a[1], 0.01 * a[0], "G=300, N=10, loss 25%");
        double[] b = both(0.25, 1, 10, 100);
        assertEquals(b[0], b[1], 0.03 * b[0], "G=100, N=10, loss 25%");
        double[] c = both(0.20, 3, 30, 300);
        assertEquals(c[0], c[1], 0.08 * c[0], "G=300, N=30, loss 20%");
    }

    @Test
    void farOffWhereGroupFailureIsATailEvent() {
        double[] a = both(0.005, 3, 3, 40);
        assertTrue(a[1] < 1e-20 * a[0], "loss 0.5%, bursty, N=3, G=40: exact " + a[0] + ", normal " + a[1]);
        double[] b = both(0.02, 1, 10, 40);
        assertTrue(b[1] < 1e-6 * b[0], "loss 2%, N=10, G=40: exact " + b[0] + ", normal " + b[1]);
    }
}
