package org.smarttunnel.replay.schedule;

/**
 * The paper's credit scheme (IV-B.3, METHOD section 4), in integers so that ties are exact:
 * before each slot every path earns its weight w_i; the path with the most credit takes the
 * slot and pays W = sum of the weights; ties go to the lowest path index. Over W slots path i
 * gets exactly w_i slots, spread as evenly as the weights allow. Weights (5, 3, 2) give
 * 0, 1, 2, 0, 0, 1, 0, 2, 1, 0.
 */
public final class CreditSpreading {
    private CreditSpreading() {
    }

    /** The owner of each of {@code slots} slots. */
    public static int[] spread(int[] weights, int slots) {
        long total = 0;
        for (int w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("weights must not be negative");
            }
            total += w;
        }
        int[] owner = new int[slots];
        if (slots == 0) {
            return owner;
        }
        if (total == 0) {
            throw new IllegalArgumentException("no path has a positive weight for " + slots + " slots");
        }
        long[] credit = new long[weights.length];
        for (int s = 0; s < slots; s++) {
            int best = 0;
            for (int i = 0; i < weights.length; i++) {
                credit[i] += weights[i];
                if (credit[i] > credit[best]) {
                    best = i;
                }
            }
            credit[best] -= total;
            owner[s] = best;
        }
        return owner;
    }
}
