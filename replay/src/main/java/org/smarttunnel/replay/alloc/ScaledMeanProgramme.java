package org.smarttunnel.replay.alloc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The paper's loss-variance minimisation (dlvm / rlvm, section IV-B.2): for every scaled total
 * mean e = 0..Emax, the allocation of a block's S packets over the paths (each within its
 * capacity) that minimises the summed variance. Means are scaled by lambda = Emax / (S p_max)
 * (all S packets on the worst path reach Emax) and floored to integers; the variances are kept
 * exact rather than floored, so equal-mean candidates are told apart by their real spread.
 * Only reachable (layer, count, e) states are visited.
 */
final class ScaledMeanProgramme {
    private ScaledMeanProgramme() {
    }

    /** Every reachable e with its minimum-variance allocation, in increasing e. */
    static List<Candidate> candidates(BlockMoments m, int slots, int[] capacity, int emax) {
        int n = m.mean.length;
        double worst = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, m.mean[i][slots] / Math.max(1, slots));
        }
        if (worst == 0 || slots == 0) {
            return List.of(even(n, slots, capacity));
        }
        double lambda = emax / (slots * worst);
        int[][] scaled = new int[n][slots + 1];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k <= slots; k++) {
                scaled[i][k] = Math.min(emax, (int) Math.floor(m.mean[i][k] * lambda));
            }
        }
        double[][][] best = new double[n][][];
        int[][][] choice = new int[n][][];
        int[][][] reachable = new int[n][slots + 1][];
        for (int p = 0; p < n; p++) {
            best[p] = new double[slots + 1][];
            choice[p] = new int[slots + 1][];
            int cap = capacity == null ? slots : Math.min(slots, capacity[p]);
            for (int d = 0; d <= slots; d++) {
                if (p == n - 1 && d != slots) {
                    continue;
                }
                double[] row = new double[emax + 1];
                int[] pick = new int[emax + 1];
                Arrays.fill(row, Double.POSITIVE_INFINITY);
                for (int k = 0; k <= Math.min(d, cap); k++) {
                    if (p == 0) {
                        if (k == d && m.var[0][k] < row[scaled[0][k]]) {
                            row[scaled[0][k]] = m.var[0][k];
                            pick[scaled[0][k]] = k;
                        }
                        continue;
                    }
                    int[] prev = reachable[p - 1][d - k];
                    double[] prevBest = best[p - 1][d - k];
                    for (int e0 : prev) {
                        int e = e0 + scaled[p][k];
                        if (e <= emax) {
                            double v = prevBest[e0] + m.var[p][k];
                            if (v < row[e]) {
                                row[e] = v;
                                pick[e] = k;
                            }
                        }
                    }
                }
                best[p][d] = row;
                choice[p][d] = pick;
                reachable[p][d] = finite(row);
            }
        }
        List<Candidate> out = new ArrayList<>();
        for (int e : reachable[n - 1][slots]) {
            int[] counts = new int[n];
            int d = slots;
            int rest = e;
            for (int p = n - 1; p >= 0; p--) {
                int k = choice[p][d][rest];
                counts[p] = k;
                rest -= scaled[p][k];
                d -= k;
            }
            out.add(candidate(e, counts, m));
        }
        return out;
    }

    static Candidate candidate(int e, int[] counts, BlockMoments m) {
        double mean = 0;
        double var = 0;
        for (int i = 0; i < counts.length; i++) {
            mean += m.mean[i][counts[i]];
            var += m.var[i][counts[i]];
        }
        return new Candidate(e, counts, mean, var);
    }

    private static int[] finite(double[] row) {
        int count = 0;
        for (double v : row) {
            if (v != Double.POSITIVE_INFINITY) {
                count++;
            }
        }
        int[] out = new int[count];
        int j = 0;
        for (int e = 0; e < row.length; e++) {
            if (row[e] != Double.POSITIVE_INFINITY) {
                out[j++] = e;
            }
        }
        return out;
    }

    /** No path loses: every allocation is equally good; spread evenly within the capacities. */
    private static Candidate even(int n, int slots, int[] capacity) {
        int[] counts = new int[n];
        int left = slots;
        while (left > 0) {
            boolean placed = false;
            for (int i = 0; i < n && left > 0; i++) {
                if (capacity == null || counts[i] < capacity[i]) {
                    counts[i]++;
                    left--;
                    placed = true;
                }
            }
            if (!placed) {
                throw new IllegalArgumentException("capacities cannot hold " + slots + " packets");
            }
        }
        return new Candidate(0, counts, 0, 0);
    }

    /**
     * With capacities, the data candidates no other dominates while leaving at least as much
     * usable residual capacity (up to R) on every path: the redundancy candidates open to the
     * dominator are then a superset of the dominated one's (paper Fig. 4 couples the two).
     */
    static List<Candidate> front(List<Candidate> all, int[] capacity, int redundancy) {
        if (capacity == null) {
            return front(all);
        }
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : all) {
            boolean dominated = false;
            for (Candidate o : all) {
                if (o != c && o.dominates(c) && leavesAsMuch(o, c, capacity, redundancy)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                out.add(c);
            }
        }
        return out;
    }

    private static boolean leavesAsMuch(Candidate o, Candidate c, int[] capacity, int redundancy) {
        for (int i = 0; i < capacity.length; i++) {
            int left = Math.min(redundancy, capacity[i] - o.counts()[i]);
            int leftC = Math.min(redundancy, capacity[i] - c.counts()[i]);
            if (left < leftC) {
                return false;
            }
        }
        return true;
    }

    /** The candidates no other candidate dominates, by increasing mean. */
    static List<Candidate> front(List<Candidate> all) {
        List<Candidate> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingDouble(Candidate::mean).thenComparingDouble(Candidate::var)
                .thenComparingInt(Candidate::e));
        List<Candidate> out = new ArrayList<>();
        double minVar = Double.POSITIVE_INFINITY;
        for (Candidate c : sorted) {
            if (c.var() < minVar) {
                out.add(c);
                minVar = c.var();
            }
        }
        return out;
    }
}
