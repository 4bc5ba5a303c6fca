package org.smarttunnel.replay.alloc;

import java.util.ArrayList;
import java.util.List;
import org.smarttunnel.fitting.model.MarkovLoss;
import org.smarttunnel.fitting.model.TransitionCounts;
import org.smarttunnel.fitting.stats.ExactFec;

/**
 * FEC redundancy adaptation (paper IV-D): for an allocator and a target loss rate, the
 * smallest R (G fixed, D = G - R) whose allocation meets the target under the model. The
 * predicted loss rate is the exact X_FEC of the schedule over D (averaged over 32 groups for
 * schedules that change per group). When no R up to the cap meets the target, the cap is used
 * and the result says so.
 */
public final class FecAdaptation {
    private static final int RANDOM_GROUPS = 32;

    /** The chosen redundancy, its allocation and predicted loss rate, and whether the target was met. */
    public record Adapted(int redundancy, Allocation allocation, double predictedLossRate, boolean met) {
    }

    private FecAdaptation() {
    }

    public static Adapted adapt(Allocator allocator, AllocationRequest request, double target, int maxRedundancy) {
        if (!(target >= 0)) {
            throw new IllegalArgumentException("target loss rate must not be negative");
        }
        int cap = Math.min(maxRedundancy, request.groupSize() - 1);
        Adapted last = null;
        for (int r = 0; r <= cap; r++) {
            AllocationRequest req = request.withRedundancy(r);
            Allocation a = allocator.allocate(req);
            double rate = predictedLossRate(req, a);
            last = new Adapted(r, a, rate, rate <= target);
            if (last.met()) {
                return last;
            }
        }
        return last;
    }

    /**
     * A calculator per thread, sized for every group and model the toolkit fits, shared by
     * smarttunnel-exact's search and the predicted loss of every allocation, so that the one
     * reuses the path tables and answers of the other.
     */
    private static final ThreadLocal<ExactFec> CALCULATOR = ThreadLocal.withInitial(() -> new ExactFec(
            ExactFec.MAX_GROUP, TransitionCounts.MAX_STATES));

    /** The thread's calculator when it is large enough, else a new one. */
    static ExactFec calculator(int groupSize, int maxStates) {
        return groupSize <= ExactFec.MAX_GROUP && maxStates <= TransitionCounts.MAX_STATES ? CALCULATOR.get()
                : new ExactFec(groupSize, maxStates);
    }

    /**
     * Exact expected data loss after FEC per data packet of an allocation's schedule under the
     * request's models, paths assumed independent: what the models promise for the allocation.
     */
    public static double predictedLossRate(AllocationRequest request, Allocation a) {
        List<MarkovLoss> models = new ArrayList<>();
        request.paths().forEach(p -> models.add(p.loss()));
        int maxStates = models.stream().mapToInt(MarkovLoss::states).max().orElse(1);
        ExactFec exact = calculator(request.groupSize(), maxStates);
        int groups = a.schedule().fixed() ? 1 : RANDOM_GROUPS;
        double sum = 0;
        for (int g = 0; g < groups; g++) {
            sum += exact.expectedLostAfterFec(models, a.schedule().group(g));
        }
        return sum / groups / request.data();
    }
}
