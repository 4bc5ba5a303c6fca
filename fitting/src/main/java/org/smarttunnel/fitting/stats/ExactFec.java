package org.smarttunnel.fitting.stats;

import java.util.List;
import org.smarttunnel.fitting.model.GilbertModel;

/**
 * Exact X_FEC (paper eq. 1) for many schedules in a row: the computation of
 * {@link JointLoss} and {@link GroupLoss#exact}, organised for speed. Buffers are allocated
 * once. Per path, the chain moves from one carried slot to the next by a precomputed transfer
 * (P^gap followed by the loss split, {@link GilbertModel#transfers}), over contiguous cell
 * ranges. Tables share the group's row width, so combining paths is a 1-D convolution, and
 * the last path is never convolved: X_FEC only needs its tail sums. All terms are
 * non-negative, so tiny results keep their relative precision. Not thread-safe.
 */
public final class ExactFec {
    private final int maxGroup;
    private final int maxStates;
    private double[] cur;
    private double[] next;
    private double[] acc;
    private double[] accNext;
    private final double[] path;
    private final double[] tailMass;
    private final double[] tailData;

    public ExactFec(int maxGroup, int maxStates) {
        this.maxGroup = maxGroup;
        this.maxStates = maxStates;
        int cells = (maxGroup + 1) * (maxGroup + 1);
        cur = new double[maxStates * cells];
        next = new double[maxStates * cells];
        acc = new double[cells];
        accNext = new double[cells];
        path = new double[cells];
        tailMass = new double[2 * maxGroup + 3];
        tailData = new double[2 * maxGroup + 3];
    }

    public double expectedLostAfterFec(List<GilbertModel> models, GroupLayout layout) {
        int g = layout.groupSize();
        if (g > maxGroup) {
            throw new IllegalArgumentException("group of " + g + " slots, calculator sized for " + maxGroup);
        }
        if (models.size() != layout.paths()) {
            throw new IllegalArgumentException(models.size() + " models for " + layout.paths() + " paths");
        }
        int dataSlots = layout.data();
        int redundancy = g - dataSlots;
        int width = redundancy + 1;
        int last = -1;
        for (int j = 0; j < g; j++) {
            last = Math.max(last, layout.pathOf(j));
        }
        int accEnd = 1;
        acc[0] = 1;
        for (int p = 0; p <= last; p++) {
            GilbertModel m = models.get(p);
            int d = 0;
            int r = 0;
            for (int j = 0; j < g; j++) {
                if (layout.pathOf(j) == p) {
                    if (j < dataSlots) {
                        d++;
                    } else {
                        r++;
                    }
                }
            }
            if (d + r == 0) {
                continue;
            }
            if (m.states() > maxStates) {
                throw new IllegalArgumentException(m.states() + " states, calculator sized for " + maxStates);
            }
            int pathEnd = pathJoint(m, layout, p, d, r, width);
            if (p == last) {
                return finish(accEnd, pathEnd, width, redundancy);
            }
            accEnd = convolve(accEnd, pathEnd);
        }
        return 0;
    }

    /**
     * Fills {@code path} with P(a, b) of path p at index a * width + b; returns the end of the
     * filled range.
     */
    private int pathJoint(GilbertModel m, GroupLayout layout, int p, int d, int r, int width) {
        int n = m.states();
        int w = r + 1;
        int cells = (d + 1) * w;
        for (int k = 0; k < n; k++) {
            cur[k * cells] = m.stationary(k);
        }
        int g = layout.groupSize();
        double[][] transfer = m.transfers(g);
        int end = 1;
        int prev = -1;
        for (int slot = 0; slot < g; slot++) {
            if (layout.pathOf(slot) != p) {
                continue;
            }
            double[] t = transfer[prev < 0 ? 0 : slot - prev - 1];
            int shift = slot < layout.data() ? w : 1;
            int newEnd = Math.min(cells, end + shift);
            for (int s = 0; s < n; s++) {
                int row = s * cells;
                for (int c = 0; c < newEnd; c++) {
                    next[row + c] = 0;
                }
            }
            for (int k = 0; k < n; k++) {
                int from = k * cells;
                double keep = t[k];
                for (int c = 0; c < end; c++) {
                    next[c] += cur[from + c] * keep;
                }
                int lostRow = n + k * n;
                for (int s = 1; s < n; s++) {
                    double lose = t[lostRow + s];
                    if (lose != 0) {
                        int to = s * cells + shift;
                        for (int c = 0; c < end; c++) {
                            next[to + c] += cur[from + c] * lose;
                        }
                    }
                }
                if (n == 1) {
                    double lose = t[lostRow];
                    for (int c = 0; c < end; c++) {
                        next[shift + c] += cur[c] * lose;
                    }
                }
            }
            double[] x = cur;
            cur = next;
            next = x;
            end = newEnd;
            prev = slot;
        }
        int pathEnd = 0;
        for (int a = 0; a <= d; a++) {
            for (int b = 0; b <= r; b++) {
                int c = a * w + b;
                double sum = 0;
                if (c < end) {
                    for (int k = 0; k < n; k++) {
                        sum += cur[k * cells + c];
                    }
                }
                path[a * width + b] = sum;
            }
            for (int b = r + 1; b < width; b++) {
                path[a * width + b] = 0;
            }
            pathEnd = a * width + r + 1;
        }
        return pathEnd;
    }

    /** acc := acc convolved with path; both laid out with the group's row width. */
    private int convolve(int accEnd, int pathEnd) {
        int outEnd = accEnd + pathEnd - 1;
        for (int i = 0; i < outEnd; i++) {
            accNext[i] = 0;
        }
        for (int i = 0; i < accEnd; i++) {
            double x = acc[i];
            if (x != 0) {
                for (int j = 0; j < pathEnd; j++) {
                    accNext[i + j] += x * path[j];
                }
            }
        }
        double[] t = acc;
        acc = accNext;
        accNext = t;
        return outEnd;
    }

    /**
     * X_FEC = sum over (a1, b1) of acc(a1, b1) times the last path's part beyond R - a1 - b1:
     * a1 P(a2 + b2 > t) + E[a2; a2 + b2 > t]. The tail sums are accumulated from the largest
     * loss count down, never as a total minus the rest, so tiny tails stay exact.
     */
    private double finish(int accEnd, int pathEnd, int width, int redundancy) {
        int maxLost = (pathEnd - 1) / width + width;
        for (int t = 0; t <= maxLost + 1; t++) {
            tailMass[t] = 0;
            tailData[t] = 0;
        }
        for (int j = 0; j < pathEnd; j++) {
            double v = path[j];
            if (v != 0) {
                int a = j / width;
                int lost = a + j % width;
                tailMass[lost] += v;
                tailData[lost] += a * v;
            }
        }
        for (int t = maxLost; t >= 0; t--) {
            tailMass[t] += tailMass[t + 1];
            tailData[t] += tailData[t + 1];
        }
        // now tail*[t] = sums over a2 + b2 >= t; the part beyond a threshold h is tail*[h + 1]
        double sum = 0;
        for (int i = 0; i < accEnd; i++) {
            double x = acc[i];
            if (x == 0) {
                continue;
            }
            int a1 = i / width;
            int beyond = Math.max(0, redundancy - a1 - i % width + 1);
            if (beyond <= maxLost) {
                sum += x * (a1 * tailMass[beyond] + tailData[beyond]);
            }
        }
        return sum;
    }
}
