package org.smarttunnel.replay.alloc;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.smarttunnel.fitting.predict.PathModel;
import org.smarttunnel.fitting.stats.ChainTables;
import org.smarttunnel.replay.schedule.CreditSpreading;

/**
 * Mean and variance of the losses of k packets of a block of S slots (the D data or the R
 * redundant slots) on each path, k = 0..S, as smarttunnel's dynamic programme uses them
 * (METHOD section 6): the k packets sit where the credit scheme puts weight k among S, i.e.
 * the positions path 0 gets from weights (k, S - k). The variance sums the loss-pair function
 * over those positions' gaps; the gap histograms depend only on S and are cached.
 */
final class BlockMoments {
    private static final ConcurrentHashMap<Integer, long[][]> GAPS = new ConcurrentHashMap<>();

    final double[][] mean;
    final double[][] var;

    private BlockMoments(double[][] mean, double[][] var) {
        this.mean = mean;
        this.var = var;
    }

    static BlockMoments of(List<PathModel> paths, int slots) {
        long[][] gaps = GAPS.computeIfAbsent(slots, BlockMoments::gapHistograms);
        int n = paths.size();
        double[][] mean = new double[n][slots + 1];
        double[][] var = new double[n][slots + 1];
        for (int i = 0; i < n; i++) {
            var model = paths.get(i).loss();
            double pl = model.lossRate();
            double[] c = ChainTables.pairLoss(model, Math.max(1, slots));
            for (int k = 0; k <= slots; k++) {
                mean[i][k] = k * pl;
                double v = 0;
                for (int g = 0; g < slots; g++) {
                    if (gaps[k][g] != 0) {
                        v += gaps[k][g] * (c[g] - pl * pl);
                    }
                }
                var[i][k] = Math.max(0, v);
            }
        }
        return new BlockMoments(mean, var);
    }

    /** [k][g]: ordered pairs of the k credit positions at distance g (g = 0 counts each position). */
    private static long[][] gapHistograms(int slots) {
        long[][] h = new long[slots + 1][Math.max(1, slots)];
        for (int k = 1; k <= slots; k++) {
            int[] owner = CreditSpreading.spread(new int[] {k, slots - k}, slots);
            int[] pos = new int[k];
            int m = 0;
            for (int s = 0; s < slots; s++) {
                if (owner[s] == 0) {
                    pos[m++] = s;
                }
            }
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    h[k][Math.abs(pos[a] - pos[b])]++;
                }
            }
        }
        return h;
    }
}
