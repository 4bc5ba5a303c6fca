package org.smarttunnel.replay.alloc;

/**
 * Multipath TCP's default scheduler: everything on the path with the lowest RTT (mean RTT over
 * the model window); paths without RTT samples come last, ties go to the lowest index.
 */
final class MinRtt extends SingleChoice {
    MinRtt() {
        super("minrtt", AllocatorGroup.BEYOND, null, "lowest RTT first, Multipath TCP's default scheduler: every "
                + "packet on the path with the lowest mean RTT");
    }

    @Override
    int choose(AllocationRequest request) {
        int best = 0;
        double bestRtt = Double.POSITIVE_INFINITY;
        for (int i = 0; i < request.size(); i++) {
            double rtt = request.paths().get(i).delay().meanRttUs();
            if (!Double.isNaN(rtt) && rtt < bestRtt) {
                bestRtt = rtt;
                best = i;
            }
        }
        return best;
    }
}
