package org.smarttunnel.replay.alloc;

import org.smarttunnel.fitting.stats.GroupLayout;

/** The paper's round robin: slot j of a group goes to path j mod N, restarting every group (METHOD section 6). */
final class RoundRobin extends AbstractAllocator {
    RoundRobin() {
        super("rr", AllocatorGroup.PAPER_BASELINE, "RR", "round robin, the SmartTunnel paper's baseline: slot j of "
                + "every group on path j mod N");
    }

    @Override
    public Allocation allocate(AllocationRequest request) {
        int[] owner = new int[request.groupSize()];
        for (int j = 0; j < owner.length; j++) {
            owner[j] = j % request.size();
        }
        return Allocation.of(new GroupLayout(request.data(), owner, request.size()));
    }
}
