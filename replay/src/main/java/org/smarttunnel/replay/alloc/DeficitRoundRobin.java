package org.smarttunnel.replay.alloc;

import org.smarttunnel.fitting.stats.GroupLayout;

/**
 * Session-layer striping (A. Habib, N. Christin and J. Chuang, "Taking advantage of multihoming
 * with session layer striping", 2006): deficit round robin over the paths with quanta proportional to their
 * achievable throughput, here the model delivery rate 1 - p (the best path's quantum is one
 * packet per round). Each round every path in turn adds its quantum to its deficit and sends
 * packets while the deficit reaches one; deficits start at zero every group, so the layout is
 * the same for every group.
 */
final class DeficitRoundRobin extends AbstractAllocator {
    DeficitRoundRobin() {
        super("drr", AllocatorGroup.BEYOND, "deficit round robin with quanta proportional to each path's delivery "
                + "rate, as in session-layer striping (Habib, Christin and Chuang, 2006)");
    }

    @Override
    public Allocation allocate(AllocationRequest request) {
        int n = request.size();
        double[] quantum = new double[n];
        double top = 0;
        for (int i = 0; i < n; i++) {
            quantum[i] = 1 - request.paths().get(i).lossRate();
            top = Math.max(top, quantum[i]);
        }
        for (int i = 0; i < n; i++) {
            quantum[i] = top > 0 ? quantum[i] / top : 1;
        }
        int[] owner = new int[request.groupSize()];
        double[] deficit = new double[n];
        int slot = 0;
        while (slot < owner.length) {
            for (int i = 0; i < n && slot < owner.length; i++) {
                deficit[i] += quantum[i];
                while (deficit[i] >= 1 - 1e-12 && slot < owner.length) {
                    owner[slot++] = i;
                    deficit[i] -= 1;
                }
            }
        }
        return Allocation.of(new GroupLayout(request.data(), owner, n));
    }
}
