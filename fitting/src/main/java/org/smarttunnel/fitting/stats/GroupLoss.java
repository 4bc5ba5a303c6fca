package org.smarttunnel.fitting.stats;

import java.util.List;
import org.smarttunnel.fitting.model.MarkovLoss;

/**
 * Loss statistics of one FEC group under a schedule, paths independent: the exact joint
 * distribution of (X, Y) and X_FEC (paper eq. 1), the summed moments, and the normal
 * approximation X~ (eqs. 4-7) for comparison.
 */
public final class GroupLoss {
    private GroupLoss() {
    }

    private static void check(List<? extends MarkovLoss> models, GroupLayout layout) {
        if (models.size() != layout.paths()) {
            throw new IllegalArgumentException(models.size() + " models for " + layout.paths() + " paths");
        }
    }

    public static JointLoss joint(List<? extends MarkovLoss> models, GroupLayout layout) {
        check(models, layout);
        JointLoss all = JointLoss.none();
        for (int p = 0; p < layout.paths(); p++) {
            all = all.convolve(JointLoss.of(models.get(p), layout.slots(p)));
        }
        return all;
    }

    /** Exact expected number of data packets lost after FEC per group. */
    public static double exact(List<? extends MarkovLoss> models, GroupLayout layout) {
        return joint(models, layout).expectedLostAfterFec(layout.redundancy());
    }

    public static Moments moments(List<? extends MarkovLoss> models, GroupLayout layout) {
        check(models, layout);
        Moments total = Moments.ZERO;
        for (int p = 0; p < layout.paths(); p++) {
            total = total.plus(LossMoments.of(models.get(p), layout.slots(p)));
        }
        return total;
    }

    /** The normal approximation X~ of the same schedule. */
    public static double normal(List<? extends MarkovLoss> models, GroupLayout layout) {
        return NormalApproximation.expectedLoss(moments(models, layout), layout.data(), layout.redundancy());
    }
}
