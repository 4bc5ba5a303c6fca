package org.smarttunnel.fitting.stats;

import java.util.List;
import org.smarttunnel.fitting.model.MarkovLoss;

/** Enumerates every loss pattern of every path over the whole group: the oracle for tiny G. */
final class BruteForce {
    private BruteForce() {
    }

    /** P(pattern) of one path over G slots, the chain starting in its stationary distribution. */
    static double patternProbability(MarkovLoss m, int pattern, int g) {
        int n = m.states();
        double[] v = m.stationary();
        for (int j = 0; j < g; j++) {
            boolean lost = (pattern >> j & 1) != 0;
            double[] next = new double[n];
            for (int k = 0; k < n; k++) {
                double q = m.lossProbability(k);
                double e = v[k] * (lost ? q : 1 - q);
                for (int t = 0; t < n; t++) {
                    next[t] += e * m.transition(k, lost, t);
                }
            }
            v = next;
        }
        double total = 0;
        for (double x : v) {
            total += x;
        }
        return total;
    }

    /** Data and redundant packets of {@code path} a loss pattern (bit j = slot j lost) hits. */
    private static int[] lost(GroupLayout layout, int path, int pattern) {
        int[] n = new int[2];
        for (int j = 0; j < layout.groupSize(); j++) {
            if (layout.pathOf(j) == path && (pattern >> j & 1) != 0) {
                n[j < layout.data() ? 0 : 1]++;
            }
        }
        return n;
    }

    /** One path's P(a data, b redundant lost) by enumerating its 2^G loss patterns. */
    static double[][] pathJoint(MarkovLoss m, GroupLayout layout, int path) {
        int g = layout.groupSize();
        double[][] joint = new double[g + 1][g + 1];
        for (int pattern = 0; pattern < 1 << g; pattern++) {
            int[] lost = lost(layout, path, pattern);
            joint[lost[0]][lost[1]] += patternProbability(m, pattern, g);
        }
        return joint;
    }

    /** X_FEC from per-path enumerations, combined over every tuple of per-path counts. */
    static double fromPathJoints(List<? extends MarkovLoss> models, GroupLayout layout) {
        double[][][] joints = new double[models.size()][][];
        for (int p = 0; p < models.size(); p++) {
            joints[p] = pathJoint(models.get(p), layout, p);
        }
        return combine(0, 1.0, 0, 0, joints, layout);
    }

    private static double combine(int path, double p, int x, int y, double[][][] joints, GroupLayout layout) {
        if (path == joints.length) {
            return x + y > layout.redundancy() ? x * p : 0;
        }
        double sum = 0;
        for (int a = 0; a < joints[path].length; a++) {
            for (int b = 0; b < joints[path][a].length; b++) {
                if (joints[path][a][b] != 0) {
                    sum += combine(path + 1, p * joints[path][a][b], x + a, y + b, joints, layout);
                }
            }
        }
        return sum;
    }

    /** X_FEC by enumerating all 2^(G N) joint loss patterns. */
    static double expectedLostAfterFec(List<? extends MarkovLoss> models, GroupLayout layout) {
        int g = layout.groupSize();
        int paths = models.size();
        double[][] prob = new double[paths][1 << g];
        for (int p = 0; p < paths; p++) {
            for (int pattern = 0; pattern < 1 << g; pattern++) {
                prob[p][pattern] = patternProbability(models.get(p), pattern, g);
            }
        }
        return walk(0, 1.0, 0, 0, prob, layout);
    }

    private static double walk(int path, double p, int x, int y, double[][] prob, GroupLayout layout) {
        if (path == prob.length) {
            return x + y > layout.redundancy() ? x * p : 0;
        }
        double sum = 0;
        int g = layout.groupSize();
        for (int pattern = 0; pattern < 1 << g; pattern++) {
            int[] lost = lost(layout, path, pattern);
            sum += walk(path + 1, p * prob[path][pattern], x + lost[0], y + lost[1], prob, layout);
        }
        return sum;
    }
}
