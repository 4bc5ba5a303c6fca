package org.smarttunnel.fitting.model;

/**
 * Goodness of fit: the total-variation distance between the burst-length distribution a
 * sequence showed and the one the model predicts, in [0, 1] (0 = identical). Lengths are
 * compared up to the longest burst observed, the model's probability of longer bursts counts
 * in full.
 */
public final class BurstFit {
    private BurstFit() {
    }

    /** NaN when the sequence had no burst (nothing to compare). */
    public static double distance(MarkovLoss model, BurstHistogram observed) {
        if (observed.bursts() == 0) {
            return Double.NaN;
        }
        if (model.lossRate() == 0) {
            return 1;
        }
        int longest = observed.longest();
        double sum = 0;
        double atLeast = 1;
        for (int m = 1; m <= longest; m++) {
            double next = model.burstAtLeast(m + 1);
            double modelP = atLeast - next;
            double obsP = (double) observed.count(m) / observed.bursts();
            sum += Math.abs(obsP - modelP);
            atLeast = next;
        }
        return 0.5 * (sum + atLeast);
    }
}
