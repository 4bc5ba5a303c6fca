package org.smarttunnel.replay.alloc;

import java.util.ArrayList;
import java.util.List;

/** The paper's Greedy: every packet on the path with the lowest model loss rate, ties broken at random. */
final class Greedy extends SingleChoice {
    Greedy() {
        super("greedy", AllocatorGroup.PAPER_BASELINE, "Greedy", "the SmartTunnel paper's greedy baseline: every "
                + "packet on the path with the lowest model loss rate, ties broken at random (seeded)");
    }

    @Override
    int choose(AllocationRequest request) {
        double best = Double.POSITIVE_INFINITY;
        List<Integer> ties = new ArrayList<>();
        for (int i = 0; i < request.size(); i++) {
            double p = request.paths().get(i).lossRate();
            if (p < best) {
                best = p;
                ties.clear();
            }
            if (p == best) {
                ties.add(i);
            }
        }
        return ties.size() == 1 ? ties.get(0) : ties.get(request.random().nextInt(ties.size()));
    }
}
