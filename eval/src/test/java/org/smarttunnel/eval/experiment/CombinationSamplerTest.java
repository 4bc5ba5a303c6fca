package org.smarttunnel.eval.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CombinationSamplerTest {
    /** Site a: hosts h1..h5; h2 has two traces to it; site b: three hosts. Low: names ending in L. */
    private static PathPool pool() {
        List<PathPool.PoolTrace> t = new ArrayList<>();
        String[][] rows = {{"a", "h1", "a1L"}, {"a", "h2", "a2L"}, {"a", "h2", "a2x"}, {"a", "h3", "a3x"},
            {"a", "h4", "a4L"}, {"a", "h5", "a5x"}, {"b", "h1", "b1x"}, {"b", "h2", "b2L"}, {"b", "h6", "b6x"}};
        for (String[] r : rows) {
            boolean low = r[2].endsWith("L");
            t.add(new PathPool.PoolTrace(r[2], r[1], r[0], 1000, low ? 5 : 50, low, 0, 800_000_000L));
        }
        return PathPool.of(t, 0.02);
    }

    /** Every valid set, by brute force over all subsets of traces. */
    private static Set<List<String>> allSets(PathPool pool, int n, int g) {
        Set<List<String>> out = new HashSet<>();
        List<PathPool.PoolTrace> all = pool.traces();
        for (int mask = 0; mask < 1 << all.size(); mask++) {
            if (Integer.bitCount(mask) != n) {
                continue;
            }
            List<PathPool.PoolTrace> set = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    set.add(all.get(i));
                }
            }
            boolean oneSite = set.stream().map(PathPool.PoolTrace::site).distinct().count() == 1;
            boolean distinctHosts = set.stream().map(PathPool.PoolTrace::host).distinct().count() == n;
            long low = set.stream().filter(PathPool.PoolTrace::low).count();
            if (oneSite && distinctHosts && low == g) {
                set.sort((x, y) -> x.host().compareTo(y.host()));
                out.add(set.stream().map(PathPool.PoolTrace::id).toList());
            }
        }
        return out;
    }

    @Test
    void countsEqualBruteForceAndDrawsAreValidDistinctAndCoverEverySet() {
        PathPool pool = pool();
        for (int n = 1; n <= 4; n++) {
            for (int g = 0; g <= n; g++) {
                Set<List<String>> expected = allSets(pool, n, g);
                assertEquals(expected.size(), CombinationSampler.count(pool, n, g), 0, "N=" + n + " G=" + g);
                List<Combination> drawn = CombinationSampler.draw(pool, n, g, 100, 7);
                assertEquals(expected.size(), drawn.size(), "fewer sets than runs: all of them");
                Set<List<String>> seen = new HashSet<>();
                for (Combination c : drawn) {
                    assertTrue(expected.contains(c.ids()), c.toString());
                    assertTrue(seen.add(c.ids()), "no repeats");
                    assertEquals(n, c.n());
                    assertEquals(g, c.g());
                }
            }
        }
        assertTrue(CombinationSampler.draw(pool, 4, 4, 20, 1).isEmpty(), "no site has four low-loss hosts");
    }

    @Test
    void aSeededDrawIsReproducibleAndPicksSetsUniformly() {
        PathPool pool = pool();
        Set<List<String>> all = allSets(pool, 2, 1);
        assertEquals(CombinationSampler.draw(pool, 2, 1, 3, 5), CombinationSampler.draw(pool, 2, 1, 3, 5));
        Map<List<String>, Integer> hits = new HashMap<>();
        int draws = 6000;
        for (int seed = 0; seed < draws; seed++) {
            for (Combination c : CombinationSampler.draw(pool, 2, 1, 1, seed)) {
                hits.merge(c.ids(), 1, Integer::sum);
            }
        }
        assertEquals(all.size(), hits.size());
        double expected = (double) draws / all.size();
        for (int h : hits.values()) {
            assertEquals(expected, h, 5 * Math.sqrt(expected), "uniform over " + all.size() + " sets: " + hits);
        }
    }

    @Test
    void largePoolsAreDrawnSetBySetWithoutRepeats() {
        List<PathPool.PoolTrace> t = new ArrayList<>();
        for (int h = 0; h < 60; h++) {
            for (String site : List.of("s1", "s2")) {
                boolean low = h % 5 != 0;
                t.add(new PathPool.PoolTrace(site + "-" + h, "h" + h, site, 1000, low ? 1 : 100, low, 0, 800_000_000L));
            }
        }
        PathPool pool = PathPool.of(t, 0.02);
        assertTrue(CombinationSampler.count(pool, 6, 4) > CombinationSampler.LIST_LIMIT);
        List<Combination> drawn = CombinationSampler.draw(pool, 6, 4, 20, 3);
        assertEquals(20, drawn.size());
        assertEquals(20, drawn.stream().map(Combination::ids).distinct().count());
        for (Combination c : drawn) {
            assertEquals(6, c.traces().stream().map(PathPool.PoolTrace::host).distinct().count());
            assertEquals(1, c.traces().stream().map(PathPool.PoolTrace::site).distinct().count());
            assertEquals(4, c.traces().stream().filter(PathPool.PoolTrace::low).count());
        }
        assertEquals(drawn, CombinationSampler.draw(pool, 6, 4, 20, 3));
    }

    /** Site a: seven hosts whose traces cover different stretches of time (seconds). */
    private static PathPool timedPool() {
        long s = 1_000_000L;
        Object[][] rows = {{"h1", "t1L", 0, 100}, {"h2", "t2L", 10, 120}, {"h3", "t3x", 50, 90}, {"h3", "t3bL", 200, 300},
            {"h4", "t4x", 0, 45}, {"h5", "t5L", 60, 300}, {"h6", "t6x", 95, 250}, {"h7", "t7L", 40, 85}};
        List<PathPool.PoolTrace> t = new ArrayList<>();
        for (Object[] r : rows) {
            String id = (String) r[1];
            boolean low = id.endsWith("L");
            t.add(new PathPool.PoolTrace(id, (String) r[0], "a", 1000, low ? 5 : 50, low, (int) r[2] * s,
                    (int) r[3] * s));
        }
        return PathPool.of(t, 0.02);
    }

    @Test
    void concurrentSetsAreCountedAndDrawnExactly() {
        PathPool pool = timedPool();
        long interval = 30_000_000L;
        for (int n = 1; n <= 4; n++) {
            for (int g = 0; g <= n; g++) {
                Set<List<String>> expected = new HashSet<>();
                for (List<String> set : allSets(pool, n, g)) {
                    List<org.smarttunnel.ingest.trace.Concurrency.Span> spans = pool.traces().stream()
                            .filter(x -> set.contains(x.id())).map(PathPool.PoolTrace::span).toList();
                    if (org.smarttunnel.ingest.trace.Concurrency.pairwise(spans, interval)) {
                        expected.add(set);
                    }
                }
                java.util.OptionalLong c = java.util.OptionalLong.of(interval);
                assertEquals(expected.size(), CombinationSampler.count(pool, n, g, c), 0, "N=" + n + " G=" + g);
                List<Combination> drawn = CombinationSampler.draw(pool, n, g, 100, 3, c);
                assertEquals(expected, drawn.stream().map(Combination::ids).collect(java.util.stream.Collectors
                        .toSet()), "N=" + n + " G=" + g);
            }
        }
        assertTrue(CombinationSampler.count(pool, 3, 1, java.util.OptionalLong.of(interval))
                < CombinationSampler.count(pool, 3, 1), "some sets were not measured together");
    }
}
