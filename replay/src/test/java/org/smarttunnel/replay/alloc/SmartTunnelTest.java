package org.smarttunnel.replay.alloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.smarttunnel.fitting.model.GilbertModel;
import org.smarttunnel.fitting.model.MarkovLoss;
import org.smarttunnel.fitting.predict.PathModel;
import org.smarttunnel.fitting.stats.ExactFec;
import org.smarttunnel.fitting.stats.FastNormalApproximation;
import org.smarttunnel.replay.Paths;

class SmartTunnelTest {
    static List<MarkovLoss> models(List<PathModel> paths) {
        List<MarkovLoss> m = new ArrayList<>();
        paths.forEach(p -> m.add(p.loss()));
        return m;
    }

    static double exact(List<PathModel> paths, Allocation a) {
        return new ExactFec(a.schedule().group(0).groupSize(), 16).expectedLostAfterFec(models(paths),
                a.schedule().group(0));
    }

    @Test
    void paretoSearchReturnsTheFullScansAllocation() {
        Random r = new Random(17);
        Allocator fast = Allocators.byId("smarttunnel");
        Allocator full = SmartTunnel.fullScan();
        for (int round = 0; round < 400; round++) {
            int n = 2 + r.nextInt(3);
            List<GilbertModel> g = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                g.add(Paths.bursty(r));
            }
            // the paper's G = 40 where the full scan is quick enough, smaller groups otherwise
            int group = round % 4 == 0 && n <= 3 ? 40 : 12 + r.nextInt(19);
            int red = 1 + r.nextInt(group / 3);
            int[] capacity = null;
            if (round % 5 == 0) {
                capacity = new int[n];
                for (int i = 0; i < n; i++) {
                    capacity[i] = group / n + 1 + r.nextInt(group);
                }
            }
            int emax = round % 3 == 0 ? 100 : 500;
            AllocationRequest req = new AllocationRequest(Paths.of(g.toArray(new GilbertModel[0])), group, red, capacity,
                    round, emax);
            assertEquals(full.allocate(req).text(), fast.allocate(req).text(), "round " + round + " " + g);
        }
    }

    @Test
    void exactVariantIsTheExhaustiveOptimumForTwoPaths() {
        Random r = new Random(23);
        Allocator exact = Allocators.byId("smarttunnel-exact");
        for (int round = 0; round < 60; round++) {
            List<PathModel> paths = Paths.of(Paths.bursty(r), Paths.bursty(r));
            int group = 40;
            int red = 2 + r.nextInt(10);
            AllocationRequest req = new AllocationRequest(paths, group, red, null, 1, 500);
            double best = Double.POSITIVE_INFINITY;
            for (int d0 = 0; d0 <= group - red; d0++) {
                for (int r0 = 0; r0 <= red; r0++) {
                    Allocation a = Allocation.spread(new int[] {d0, group - red - d0}, new int[] {r0, red - r0});
                    best = Math.min(best, exact(paths, a));
                }
            }
            assertEquals(best, exact(paths, exact.allocate(req)), 1e-12 * best, "round " + round);
        }
    }

    /**
     * On bursty models: by its own measure (the normal approximation on the schedule's real
     * moments) smarttunnel loses no more than rr and greedy; by the exact measure it loses no
     * more than greedy, and smarttunnel-exact no more than either. (By the exact measure the
     * paper's smarttunnel does lose to rr on many bursty path sets: the normal approximation
     * favours concentrating on a slightly better path, whose burst tail it cannot see. The
     * README reports how often.)
     */
    @Test
    void smartTunnelIsNoWorseThanRoundRobinAndGreedyOnBurstyModels() {
        Random r = new Random(29);
        for (int round = 0; round < 150; round++) {
            int n = 2 + r.nextInt(3);
            List<GilbertModel> g = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                g.add(Paths.bursty(r));
            }
            List<PathModel> paths = Paths.of(g.toArray(new GilbertModel[0]));
            AllocationRequest req = AllocationRequest.of(paths, 40, 7);
            Allocation st = Allocators.byId("smarttunnel").allocate(req);
            Allocation rr = Allocators.byId("rr").allocate(req);
            Allocation greedy = Allocators.byId("greedy").allocate(req);
            double ste = exact(paths, Allocators.byId("smarttunnel-exact").allocate(req));
            String at = "round " + round + " " + g;
            assertTrue(normal(paths, st) <= normal(paths, rr) + 1e-9, at);
            assertTrue(normal(paths, st) <= normal(paths, greedy) + 1e-9, at);
            assertTrue(exact(paths, st) <= exact(paths, greedy) * (1 + 1e-9), at);
            assertTrue(ste <= exact(paths, rr) * (1 + 1e-9), at + ": exact " + ste + " rr " + exact(paths, rr));
            assertTrue(ste <= exact(paths, greedy) * (1 + 1e-9), at);
        }
    }

    static double normal(List<PathModel> paths, Allocation a) {
        var layout = a.schedule().group(0);
        var m = org.smarttunnel.fitting.stats.GroupLoss.moments(models(paths), layout);
        return FastNormalApproximation.logExpectedLoss(m.meanX(), m.sdX(), m.meanY(), m.sdY(), layout.data(),
                layout.redundancy());
    }

    /** What Pareto pruning rests on (METHOD section 6): X~ grows with muX, sdX, muY and sdY where mean losses stay below R. */
    @Test
    void normalApproximationIsMonotoneWhereMeanLossesStayBelowR() {
        int d = 33;
        int red = 7;
        double h = 1e-4;
        for (double mx = 0.01; mx < 4; mx *= 1.5) {
            for (double sx = 0.05; sx < 3; sx *= 1.5) {
                for (double my = 0.005; my < 2; my *= 1.7) {
                    for (double sy = 0.05; sy < 2; sy *= 1.7) {
                        if (mx + my + 3 * Math.sqrt(sx * sx + sy * sy) > red) {
                            continue;
                        }
                        double v = FastNormalApproximation.logExpectedLoss(mx, sx, my, sy, d, red);
                        String at = mx + " " + sx + " " + my + " " + sy;
                        assertTrue(FastNormalApproximation.logExpectedLoss(mx * (1 + h), sx, my, sy, d, red) >= v, at);
                        assertTrue(FastNormalApproximation.logExpectedLoss(mx, sx * (1 + h), my, sy, d, red) >= v, at);
                        assertTrue(FastNormalApproximation.logExpectedLoss(mx, sx, my * (1 + h), sy, d, red) >= v, at);
                        assertTrue(FastNormalApproximation.logExpectedLoss(mx, sx, my, sy * (1 + h), d, red) >= v, at);
                    }
                }
            }
        }
    }
}
