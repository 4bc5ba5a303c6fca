package org.smarttunnel.replay.alloc;

import org.smarttunnel.fitting.model.DelayProfile;
import org.smarttunnel.replay.schedule.RandomSchedule;

/**
 * MPIP's path selection (G. Tian and Y. Liu, "Multipath IP transmission: motivation, design,
 * performance"): each packet picks path k with probability W_k / sum W. The
 * weights start at 1000/N and are adjusted by Algorithm 1 once per 100 ms period of the model
 * window: with Q_i the path's queuing delay (mean RTT in the period minus its minimum RTT so
 * far) and Q_avg their mean, W_i += S if Q_i <= Q_avg, else W_i -= S, kept in [1, 1000],
 * S = 10. A path without a reply in a period keeps its last Q; before its first reply it
 * does not count in Q_avg and keeps its weight.
 */
final class Mpip extends AbstractAllocator {
    static final double START = 1000;
    static final double STEP = 10;
    static final double MAX = 1000;
    static final double MIN = 1;

    Mpip() {
        super("mpip", AllocatorGroup.BEYOND, "MPIP (Tian and Liu, Multipath IP transmission): a random path per "
                + "packet, weights adapted to queuing delay (their Algorithm 1)");
    }

    @Override
    public Allocation allocate(AllocationRequest request) {
        double[] w = weights(request);
        return Allocation.of(new RandomSchedule(w, request.groupSize(), request.data(), request.seed()));
    }

    static double[] weights(AllocationRequest request) {
        int n = request.size();
        double[] w = new double[n];
        java.util.Arrays.fill(w, START / n);
        int periods = 0;
        for (var p : request.paths()) {
            periods = Math.max(periods, p.delay().periods());
        }
        double[] min = new double[n];
        double[] q = new double[n];
        java.util.Arrays.fill(min, Double.NaN);
        java.util.Arrays.fill(q, Double.NaN);
        for (int t = 0; t < periods; t++) {
            double sum = 0;
            int known = 0;
            for (int i = 0; i < n; i++) {
                DelayProfile d = request.paths().get(i).delay();
                double mean = d.periodMean(t);
                if (!Double.isNaN(mean)) {
                    double m = d.periodMin(t);
                    min[i] = Double.isNaN(min[i]) ? m : Math.min(min[i], m);
                    q[i] = mean - min[i];
                }
                if (!Double.isNaN(q[i])) {
                    sum += q[i];
                    known++;
                }
            }
            if (known == 0) {
                continue;
            }
            double avg = sum / known;
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(q[i])) {
                    continue;
                }
                w[i] = q[i] <= avg ? Math.min(MAX, w[i] + STEP) : Math.max(MIN, w[i] - STEP);
            }
        }
        return w;
    }
}
