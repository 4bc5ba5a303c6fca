package org.smarttunnel.fitting.stats;

import org.smarttunnel.fitting.model.MarkovLoss;

/**
 * Exact moments of one path's losses in a group (METHOD section 5): the chain starts the
 * group in its stationary distribution and steps every slot, carried or not, so
 * E[x] = d pi_L and Var[x] = sum over data slot pairs (j, l) of P(L_j = 1, L_l = 1) - pi_L^2,
 * likewise y and the covariance over (data, redundant) pairs.
 */
public final class LossMoments {
    private LossMoments() {
    }

    public static Moments of(MarkovLoss model, PathSlots slots) {
        double[] c = ChainTables.pairLoss(model, slots.groupSize());
        double pl = model.lossRate();
        double[] dev = new double[c.length];
        for (int g = 0; g < c.length; g++) {
            dev[g] = c[g] - pl * pl;
        }
        double varX = 0;
        double varY = 0;
        double cov = 0;
        int n = slots.count();
        for (int i = 0; i < n; i++) {
            boolean di = slots.isData(i);
            for (int j = 0; j < n; j++) {
                double v = dev[Math.abs(slots.slot(i) - slots.slot(j))];
                boolean dj = slots.isData(j);
                if (di && dj) {
                    varX += v;
                } else if (!di && !dj) {
                    varY += v;
                } else if (di) {
                    cov += v;
                }
            }
        }
        return new Moments(slots.data() * pl, varX, slots.redundant() * pl, varY, cov);
    }
}
