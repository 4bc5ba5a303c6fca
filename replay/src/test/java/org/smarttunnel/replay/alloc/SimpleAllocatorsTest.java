package org.smarttunnel.replay.alloc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smarttunnel.fitting.model.GilbertModel;
import org.smarttunnel.fitting.predict.PathModel;
import org.smarttunnel.fitting.stats.GroupLayout;
import org.smarttunnel.replay.Paths;

class SimpleAllocatorsTest {
    static final List<PathModel> THREE = List.of(Paths.of(0.02, 0.5), Paths.of(0.01, 0.6), Paths.of(0.01, 0.3));

    @Test
    void registryListsEveryAllocatorById() {
        assertEquals(List.of("drr", "greedy", "minrtt", "mkwnu", "mpip", "rr", "smarttunnel", "smarttunnel-exact"),
                Allocators.all().stream().map(Allocator::id).toList());
        assertEquals(List.of("rr", "greedy"), Allocators.parse("rr,greedy,rr").stream().map(Allocator::id).toList());
    }

    @Test
    void roundRobinRestartsEveryGroup() {
        Allocation a = Allocators.byId("rr").allocate(AllocationRequest.of(THREE, 8, 2));
        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2, 0, 1}, a.schedule().group(5).pathOfSlot());
        assertEquals("2/1;2/1;2/0", a.text());
    }

    @Test
    void greedyBreaksTiesAtRandomButReproducibly() {
        Set<Integer> chosen = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            Allocation a = Allocators.byId("greedy").allocate(AllocationRequest.of(THREE, 10, 3).withSeed(seed));
            int path = a.schedule().group(0).pathOf(0);
            assertEquals(a.text(), Allocators.byId("greedy").allocate(AllocationRequest.of(THREE, 10, 3)
                    .withSeed(seed)).text());
            chosen.add(path);
            assertTrue(path == 1 || path == 2, "path 0 has the highest loss rate");
        }
        // paths 1 and 2: q0 = 0.01 but q1 0.6 vs 0.3, so their loss rates differ: no tie
        double l1 = THREE.get(1).lossRate();
        double l2 = THREE.get(2).lossRate();
        assertNotEquals(l1, l2);
        assertEquals(Set.of(l1 < l2 ? 1 : 2), chosen);
        List<PathModel> tie = List.of(Paths.of(0.05), Paths.of(0.01), Paths.of(0.01));
        Set<Integer> tied = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            tied.add(Allocators.byId("greedy").allocate(AllocationRequest.of(tie, 10, 3).withSeed(seed))
                    .schedule().group(0).pathOf(0));
        }
        assertEquals(Set.of(1, 2), tied);
    }

    @Test
    void minRttTakesTheLowestMeanRtt() {
        List<PathModel> paths = List.of(
                new PathModel(GilbertModel.of(0.01), Paths.delay(40_000, new double[0], new double[0])),
                new PathModel(GilbertModel.of(0.5), Paths.delay(20_000, new double[0], new double[0])),
                new PathModel(GilbertModel.of(0.0), Paths.noDelay()));
        assertEquals("0/0;7/3;0/0", Allocators.byId("minrtt").allocate(AllocationRequest.of(paths, 10, 3)).text());
    }

    /** Delivery 0.9 vs 0.45: quanta 1 and 0.5, so path 0 sends 2 packets per path-1 packet. */
    @Test
    void deficitRoundRobinFollowsTheDeliveryRates() {
        List<PathModel> paths = List.of(Paths.of(0.1), Paths.of(0.55));
        Allocation a = Allocators.byId("drr").allocate(AllocationRequest.of(paths, 9, 3));
        assertArrayEquals(new int[] {0, 0, 1, 0, 0, 1, 0, 0, 1}, a.schedule().group(0).pathOfSlot());
        assertEquals("4/2;2/1", a.text());
    }

    /**
     * Two periods: path 0's queuing delay 0 then 10 ms, path 1's 5 ms then 0 (from their running
     * minimum RTT); averages 2.5 and 5 ms: path 0 +10 then -10, path 1 -10 then +10.
     */
    @Test
    void mpipAdjustsWeightsByAlgorithm1() {
        List<PathModel> paths = List.of(
                new PathModel(GilbertModel.of(0.01), Paths.delay(25_000, new double[] {20_000, 30_000},
                        new double[] {20_000, 28_000})),
                new PathModel(GilbertModel.of(0.01), Paths.delay(25_000, new double[] {35_000, 30_000},
                        new double[] {30_000, 30_000})));
        AllocationRequest r = AllocationRequest.of(paths, 40, 7);
        assertArrayEquals(new double[] {500, 500}, Mpip.weights(r), 1e-12);
        List<PathModel> skewed = List.of(paths.get(0), new PathModel(GilbertModel.of(0.01),
                Paths.delay(25_000, new double[] {35_000, 40_000}, new double[] {30_000, 40_000})));
        // path 1 now: Q = 5 ms, then 10 ms; period 0: avg 2.5 -> 510 / 490; period 1: both Q equal
        // the average (10 ms), and Q <= Q_avg raises both: 520 / 500
        assertArrayEquals(new double[] {520, 500}, Mpip.weights(AllocationRequest.of(skewed, 40, 7)), 1e-12);
        Allocation a = Allocators.byId("mpip").allocate(r);
        assertTrue(!a.schedule().fixed());
        GroupLayout g0 = a.schedule().group(0);
        assertArrayEquals(g0.pathOfSlot(), a.schedule().group(0).pathOfSlot(), "group layouts repeat");
        assertEquals(40, java.util.Arrays.stream(a.data()).sum() + java.util.Arrays.stream(a.redundant()).sum());
    }

    /** Without short sales and with a diagonal covariance the Sharpe optimum is x_i ~ max(0, mu_i - D/G) / var_i. */
    @Test
    void mkwnuApproachesTheTangencyPortfolio() {
        List<PathModel> paths = List.of(Paths.of(0.02), Paths.of(0.05), Paths.of(0.12), Paths.of(0.3));
        AllocationRequest r = AllocationRequest.of(paths, 40, 7);
        double rate = 33.0 / 40;
        double[] tangency = new double[4];
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double p = paths.get(i).lossRate();
            tangency[i] = Math.max(0, 1 - p - rate) / (p * (1 - p));
            sum += tangency[i];
        }
        double[] x = Mkwnu.fractions(r);
        for (int i = 0; i < 4; i++) {
            assertEquals(tangency[i] / sum, x[i], 2e-3, "path " + i);
        }
        Allocation a = Allocators.byId("mkwnu").allocate(r);
        assertEquals(33, java.util.Arrays.stream(a.data()).sum());
        assertEquals(7, java.util.Arrays.stream(a.redundant()).sum());
        assertEquals(0, a.data()[3], "a path worse than the code rate gets nothing");
        List<PathModel> lossless = List.of(Paths.of(0.02), Paths.of(0.0), Paths.of(0.0));
        assertEquals("0/0;17/4;16/3", Allocators.byId("mkwnu").allocate(AllocationRequest.of(lossless, 40, 7)).text());
    }

    @Test
    void largestRemainderRoundsToTheTotal() {
        assertArrayEquals(new int[] {4, 3, 3}, LargestRemainder.round(new double[] {1, 1, 1}, 10));
        assertArrayEquals(new int[] {7, 0, 0}, LargestRemainder.round(new double[] {1, 0, 0}, 7));
        assertArrayEquals(new int[] {2, 1}, LargestRemainder.round(new double[] {0.55, 0.45}, 3));
    }
}
