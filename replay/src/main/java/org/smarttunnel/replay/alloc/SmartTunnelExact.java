package org.smarttunnel.replay.alloc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.smarttunnel.fitting.model.GilbertModel;
import org.smarttunnel.fitting.stats.ExactFec;
import org.smarttunnel.fitting.stats.GroupLayout;

/**
 * Allocations scored by the exact expected data loss after FEC (paper eq. 1) of their real
 * credit schedule instead of the normal approximation. When there are at most
 * {@link #EXHAUSTIVE} possible (d, r) allocations (every two-path case with G = 40) all are
 * scored: the exhaustive optimum. Otherwise a best-improvement local search (move one data or
 * one redundant packet from one path to another, within capacities) runs from smarttunnel's
 * best Pareto candidate pair by this score, from the even split and from greedy's choice; the
 * best local optimum wins. The (mean, variance) Pareto pruning alone is not enough here: the
 * exact loss of a bursty path grows with its tail, which the variance does not capture.
 */
final class SmartTunnelExact extends NamedAllocator {
    static final long EXHAUSTIVE = 2000;
    private static final int MAX_STEPS = 500;
    private static final ThreadLocal<ExactFec> CALCULATOR = ThreadLocal.withInitial(() -> new ExactFec(64, 16));

    SmartTunnelExact() {
        super("smarttunnel-exact", "allocations scored by the exact expected loss of the real credit schedule (exhaustive or local search)");
    }

    @Override
    public Allocation allocate(AllocationRequest request) {
        List<GilbertModel> models = new ArrayList<>();
        request.paths().forEach(p -> models.add(p.loss()));
        ExactFec exact = request.groupSize() <= 64 ? CALCULATOR.get() : new ExactFec(request.groupSize(), 16);
        Scorer scorer = new Scorer(models, exact);
        if (count(request.data(), request.size()) * count(request.redundancy(), request.size()) <= EXHAUSTIVE) {
            return exhaustive(request, scorer);
        }
        SmartTunnelSearch.Choice front = SmartTunnelSearch.search(request, SmartTunnelSearch.Scan.PARETO,
                (x, y) -> scorer.score(x.counts(), y.counts()));
        int[][] best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int[][] start : List.of(new int[][] {front.data().counts(), front.redundancy().counts()},
                even(request), greedy(request))) {
            if (!fits(start[0], start[1], request.capacity())) {
                continue;
            }
            int[][] local = climb(start, request, scorer);
            double s = scorer.score(local[0], local[1]);
            if (best == null || s < bestScore) {
                best = local;
                bestScore = s;
            }
        }
        return Allocation.spread(best[0], best[1]);
    }

    /** Exact scores, remembered per allocation (local search revisits neighbours). */
    private static final class Scorer {
        private final List<GilbertModel> models;
        private final ExactFec exact;
        private final java.util.Map<String, Double> seen = new java.util.HashMap<>();

        Scorer(List<GilbertModel> models, ExactFec exact) {
            this.models = models;
            this.exact = exact;
        }

        double score(int[] d, int[] r) {
            String key = Arrays.toString(d) + Arrays.toString(r);
            Double s = seen.get(key);
            if (s == null) {
                GroupLayout layout = Allocation.spread(d, r).schedule().group(0);
                s = Math.log(exact.expectedLostAfterFec(models, layout));
                seen.put(key, s);
            }
            return s;
        }
    }

    /** Best-improvement moves of one packet between paths until none improves. */
    private static int[][] climb(int[][] start, AllocationRequest request, Scorer scorer) {
        int[] d = start[0].clone();
        int[] r = start[1].clone();
        double current = scorer.score(d, r);
        int n = d.length;
        for (int step = 0; step < MAX_STEPS; step++) {
            double best = current;
            int[] bestD = null;
            int[] bestR = null;
            for (int block = 0; block < 2; block++) {
                int[] v = block == 0 ? d : r;
                for (int from = 0; from < n; from++) {
                    if (v[from] == 0) {
                        continue;
                    }
                    for (int to = 0; to < n; to++) {
                        if (to == from) {
                            continue;
                        }
                        int[] nd = d.clone();
                        int[] nr = r.clone();
                        int[] w = block == 0 ? nd : nr;
                        w[from]--;
                        w[to]++;
                        if (!fits(nd, nr, request.capacity())) {
                            continue;
                        }
                        double s = scorer.score(nd, nr);
                        if (s < best) {
                            best = s;
                            bestD = nd;
                            bestR = nr;
                        }
                    }
                }
            }
            if (bestD == null) {
                break;
            }
            d = bestD;
            r = bestR;
            current = best;
        }
        return new int[][] {d, r};
    }

    private static int[][] even(AllocationRequest request) {
        double[] equal = new double[request.size()];
        Arrays.fill(equal, 1);
        return new int[][] {LargestRemainder.round(equal, request.data()),
                LargestRemainder.round(equal, request.redundancy())};
    }

    private static int[][] greedy(AllocationRequest request) {
        int best = 0;
        for (int i = 1; i < request.size(); i++) {
            if (request.paths().get(i).lossRate() < request.paths().get(best).lossRate()) {
                best = i;
            }
        }
        int[] d = new int[request.size()];
        int[] r = new int[request.size()];
        d[best] = request.data();
        r[best] = request.redundancy();
        return new int[][] {d, r};
    }

    /** Number of ways to split {@code total} packets over {@code paths} paths. */
    static long count(int total, int paths) {
        long c = 1;
        for (int i = 1; i < paths; i++) {
            c = c * (total + i) / i;
        }
        return c;
    }

    private static Allocation exhaustive(AllocationRequest request, Scorer scorer) {
        List<int[]> datas = compositions(request.data(), request.size());
        List<int[]> reds = compositions(request.redundancy(), request.size());
        double best = Double.POSITIVE_INFINITY;
        int[] bestD = null;
        int[] bestR = null;
        for (int[] d : datas) {
            for (int[] r : reds) {
                if (!fits(d, r, request.capacity())) {
                    continue;
                }
                double s = scorer.score(d, r);
                if (bestD == null || s < best) {
                    best = s;
                    bestD = d;
                    bestR = r;
                }
            }
        }
        if (bestD == null) {
            throw new IllegalArgumentException("no allocation fits the capacities");
        }
        return Allocation.spread(bestD, bestR);
    }

    private static boolean fits(int[] d, int[] r, int[] cap) {
        if (cap == null) {
            return true;
        }
        for (int i = 0; i < cap.length; i++) {
            if (d[i] + r[i] > cap[i]) {
                return false;
            }
        }
        return true;
    }

    /** All ways of splitting {@code total} over {@code parts}, the first part largest first. */
    static List<int[]> compositions(int total, int parts) {
        List<int[]> out = new ArrayList<>();
        fill(new int[parts], 0, total, out);
        return out;
    }

    private static void fill(int[] acc, int i, int left, List<int[]> out) {
        if (i == acc.length - 1) {
            acc[i] = left;
            out.add(acc.clone());
            return;
        }
        for (int k = left; k >= 0; k--) {
            acc[i] = k;
            fill(acc, i + 1, left - k, out);
        }
    }
}
