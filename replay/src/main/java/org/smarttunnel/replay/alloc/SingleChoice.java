package org.smarttunnel.replay.alloc;

/** Allocators that put the whole group on one path: they differ only in which path. */
abstract class SingleChoice extends AbstractAllocator {
    SingleChoice(String id, AllocatorGroup group, String paperName, String description) {
        super(id, group, paperName, description);
    }

    /** The path to use. */
    abstract int choose(AllocationRequest request);

    @Override
    public final Allocation allocate(AllocationRequest request) {
        int n = request.size();
        int best = choose(request);
        int[] d = new int[n];
        int[] r = new int[n];
        d[best] = request.data();
        r[best] = request.redundancy();
        return Allocation.spread(d, r);
    }
}
