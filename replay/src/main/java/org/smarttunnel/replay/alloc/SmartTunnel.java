package org.smarttunnel.replay.alloc;

import java.util.Arrays;
import java.util.List;
import org.smarttunnel.common.cache.Lru;
import org.smarttunnel.fitting.predict.PathModel;
import org.smarttunnel.fitting.stats.FastNormalApproximation;

/**
 * The paper's algorithm (section IV-B): minimum-variance data and redundancy allocations for
 * every scaled mean (Emax), scored by the normal approximation X~ (eqs. 4-7), optional
 * capacities (Fig. 4), credit spreading. The search pairs only Pareto-optimal candidates
 * ({@link SmartTunnelSearch}); {@link #fullScan()} is the paper's exhaustive pairing.
 */
final class SmartTunnel extends AbstractAllocator {
    private final SmartTunnelSearch.Scan scan;

    SmartTunnel() {
        this(SmartTunnelSearch.Scan.PARETO);
    }

    private SmartTunnel(SmartTunnelSearch.Scan scan) {
        super("smarttunnel", AllocatorGroup.SMARTTUNNEL, "SmartTunnel", "SmartTunnel (Li, Zhang, Qiu and Lam, "
                + "INFOCOM 2007, IV-B): minimum-variance allocations per mean loss, scored by the normal approximation");
        this.scan = scan;
    }

    /** The paper's scan of every (e1, e2) pair: the test oracle of the faster search. */
    static SmartTunnel fullScan() {
        return new SmartTunnel(SmartTunnelSearch.Scan.FULL);
    }

    @Override
    public boolean honoursCapacity() {
        return true;
    }

    @Override
    public Allocation allocate(AllocationRequest request) {
        SmartTunnelSearch.Choice c = choose(request, scan);
        return Allocation.spread(c.data().counts(), c.redundancy().counts());
    }

    /** smarttunnel's (data, redundancy) counts per path. */
    static int[][] counts(AllocationRequest request) {
        SmartTunnelSearch.Choice c = choose(request, SmartTunnelSearch.Scan.PARETO);
        return new int[][] {c.data().counts(), c.redundancy().counts()};
    }

    /**
     * The search's choice, kept per thread for the last few requests: smarttunnel-exact starts
     * from the very allocation smarttunnel chose for the same interval (the search draws
     * nothing at random, so the seed does not matter).
     */
    private static SmartTunnelSearch.Choice choose(AllocationRequest request, SmartTunnelSearch.Scan scan) {
        Key key = new Key(request.paths(), request.groupSize(), request.redundancy(),
                request.capacity() == null ? List.of() : Arrays.stream(request.capacity()).boxed().toList(),
                request.emax(), scan);
        Lru<Key, SmartTunnelSearch.Choice> kept = CHOICES.get();
        SmartTunnelSearch.Choice c = kept.get(key);
        if (c == null) {
            int d = request.data();
            int r = request.redundancy();
            c = SmartTunnelSearch.search(request, scan,
                    (x, y) -> FastNormalApproximation.logExpectedLoss(x.mean(), Math.sqrt(x.var()), y.mean(),
                            Math.sqrt(y.var()), d, r));
            kept.put(key, c);
        }
        return c;
    }

    private record Key(List<PathModel> paths, int groupSize, int redundancy, List<Integer> capacity, int emax,
            SmartTunnelSearch.Scan scan) {
    }

    private static final ThreadLocal<Lru<Key, SmartTunnelSearch.Choice>> CHOICES = ThreadLocal.withInitial(
            () -> Lru.ofEntries(16));
}
