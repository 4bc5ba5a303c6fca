package org.smarttunnel.replay.alloc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.smarttunnel.fitting.model.MarkovLoss;
import org.smarttunnel.fitting.stats.ExactFec;
import org.smarttunnel.fitting.stats.GroupLayout;
import org.smarttunnel.replay.schedule.CreditSpreading;

/**
 * Allocations scored by the exact expected data loss after FEC (paper eq. 1) of their real
 * credit schedule instead of the normal approximation. When there are at most
 * {@link #EXHAUSTIVE} possible (d, r) allocations (every two-path case with G = 40) all are
 * scored: the exhaustive optimum. Otherwise a local search runs from four starts: smarttunnel's
 * own choice, the even split, greedy's choice (everything on the least lossy path) and a split
 * in proportion to each path's delivered/lost ratio. It moves four, then two, then one
 * packet(s) of one block (data or redundancy) from one path to another, within capacities,
 * taking the best move while one improves; the best local optimum wins (ties: the earlier
 * start). The exact loss of a bursty path grows with its tail, which the (mean, variance)
 * pruning of smarttunnel does not capture, and the landscape has several local optima: hence
 * several starts, and the coarse moves that let far starts arrive in few steps. Each path's
 * loss table is computed once per model and distinct slot set, and kept by the thread's
 * calculator across allocations (other allocators and tunnels of the same trace and interval
 * reuse it).
 */
final class SmartTunnelExact extends AbstractAllocator {
    static final long EXHAUSTIVE = 2000;
    private static final int MAX_STEPS = 500;
    private static final int[] MOVE_SIZES = {4, 2, 1};

    SmartTunnelExact() {
        super("smarttunnel-exact", AllocatorGroup.SMARTTUNNEL, "SmartTunnel's search scored by the exact expected "
                + "loss of the real credit schedule instead of the normal approximation (this toolkit's variant)");
    }

    @Override
    public boolean honoursCapacity() {
        return true;
    }

    @Override
    public Allocation allocate(AllocationRequest request) {
        List<MarkovLoss> models = new ArrayList<>();
        request.paths().forEach(p -> models.add(p.loss()));
        ExactFec exact = FecAdaptation.calculator(request.groupSize(),
                org.smarttunnel.fitting.model.TransitionCounts.MAX_STATES);
        return allocate(request, new Scorer(models, exact));
    }

    private static Allocation allocate(AllocationRequest request, Scorer scorer) {
        if (count(request.data(), request.size()) * count(request.redundancy(), request.size()) <= EXHAUSTIVE) {
            return exhaustive(request, scorer);
        }
        int[][] best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int[][] start : List.of(SmartTunnel.counts(request), even(request), greedy(request),
                reliable(request))) {
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
        private final List<MarkovLoss> models;
        private final ExactFec exact;
        private final java.util.Map<Counts, Double> seen = new java.util.HashMap<>();
        private final java.util.Map<Block, int[]> spreads = new java.util.HashMap<>();
        /** Schedules cut short, with the highest bound their score is known to reach. */
        private final java.util.Map<Counts, Double> cutShort = new java.util.HashMap<>();

        Scorer(List<MarkovLoss> models, ExactFec exact) {
            this.models = models;
            this.exact = exact;
        }

        double score(int[] d, int[] r) {
            return score(d, r, Double.POSITIVE_INFINITY);
        }

        /**
         * The log of the schedule's exact expected loss, or positive infinity when it is
         * certainly at least {@code best} (then it is neither computed in full nor kept): a
         * search choosing only schedules strictly below its best so far chooses the same. A
         * schedule cut short is remembered with the bound it reached: asked again with a bound
         * no higher (a climb's bound only falls; about one question in nine is such a repeat),
         * it is cut short at once.
         */
        double score(int[] d, int[] r, double best) {
            Counts key = new Counts(d, r);
            Double s = seen.get(key);
            if (s == null) {
                Double atLeastKnown = cutShort.get(key);
                if (atLeastKnown != null && best <= atLeastKnown) {
                    return Double.POSITIVE_INFINITY;
                }
                GroupLayout layout = layout(d, r);
                double x = exact.expectedLostAfterFec(models, layout, atLeast(best));
                if (x == Double.POSITIVE_INFINITY) {
                    cutShort.merge(key, best, Math::max);
                    return x;
                }
                s = Math.log(x);
                seen.put(key, s);
            }
            return s;
        }

        /**
         * {@link Allocation#layout}, each block's spread kept per counts: a move changes one
         * block, so the other's is reused.
         */
        private GroupLayout layout(int[] d, int[] r) {
            return Allocation.join(spread(d), spread(r), d.length);
        }

        private int[] spread(int[] counts) {
            return spreads.computeIfAbsent(new Block(counts),
                    b -> CreditSpreading.spread(counts, Allocation.sum(counts)));
        }

        /** The least x with log(x) &gt;= {@code logBound} (Math.log is monotone): losses from there score at least the bound. */
        private static double atLeast(double logBound) {
            if (logBound == Double.POSITIVE_INFINITY || Double.isNaN(logBound)) {
                return Double.POSITIVE_INFINITY;
            }
            double x = Math.exp(logBound);
            while (Math.log(x) < logBound) {
                x = Math.nextUp(x);
            }
            return x;
        }
    }

    /** One block's packets per path, as a key (the array is not changed once spread). */
    private record Block(int[] counts) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Block b && Arrays.equals(b.counts, counts);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(counts);
        }
    }

    /** Data and redundant packets per path, as a key (the arrays are not changed once scored). */
    private record Counts(int[] d, int[] r) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Counts c && Arrays.equals(c.d, d) && Arrays.equals(c.r, r);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(d) + Arrays.hashCode(r);
        }
    }

    /** Best-improvement moves of 4, then 2, then 1 packet(s) between paths until none improves. */
    private static int[][] climb(int[][] start, AllocationRequest request, Scorer scorer) {
        int[] d = start[0].clone();
        int[] r = start[1].clone();
        double current = scorer.score(d, r);
        int n = d.length;
        for (int size : MOVE_SIZES) {
            for (int step = 0; step < MAX_STEPS; step++) {
                double best = current;
                int[] bestD = null;
                int[] bestR = null;
                for (int block = 0; block < 2; block++) {
                    int[] v = block == 0 ? d : r;
                    for (int from = 0; from < n; from++) {
                        if (v[from] < size) {
                            continue;
                        }
                        for (int to = 0; to < n; to++) {
                            if (to == from) {
                                continue;
                            }
                            int[] nd = d.clone();
                            int[] nr = r.clone();
                            int[] w = block == 0 ? nd : nr;
                            w[from] -= size;
                            w[to] += size;
                            if (!fits(nd, nr, request.capacity())) {
                                continue;
                            }
                            double s = scorer.score(nd, nr, best);
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
        }
        return new int[][] {d, r};
    }

    /** Data and redundancy split in proportion to each path's delivered/lost ratio (lossless paths count as 1e-6 lossy). */
    private static int[][] reliable(AllocationRequest request) {
        double[] weight = new double[request.size()];
        for (int i = 0; i < weight.length; i++) {
            double loss = Math.max(1e-6, request.paths().get(i).lossRate());
            weight[i] = (1 - loss) / loss;
        }
        return new int[][] {LargestRemainder.round(weight, request.data()),
                LargestRemainder.round(weight, request.redundancy())};
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
                double s = scorer.score(d, r, best);
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
