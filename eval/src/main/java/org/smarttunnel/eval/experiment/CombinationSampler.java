package org.smarttunnel.eval.experiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws the combinations of a cell (N, G): sets of N traces to the same site from N different
 * hosts, exactly G of them low-loss, uniformly among all such sets of the dataset, without
 * repeats. Every possible set is counted exactly (per site, a dynamic programme over hosts);
 * when there are at most {@code runs} sets, all are used; when there are few, a seeded
 * shuffle of the full list picks them; otherwise sets are drawn one by one (site in
 * proportion to its count, then host by host) until {@code runs} distinct ones are found.
 */
public final class CombinationSampler {
    /** Up to this many possible sets, they are listed and shuffled rather than drawn. */
    static final double LIST_LIMIT = 20_000;

    private CombinationSampler() {
    }

    /** The number of possible sets of cell (N, G). */
    public static double count(PathPool pool, int n, int g) {
        double total = 0;
        for (PathPool.Site s : pool.sites()) {
            total += ways(s, n, g)[0][n][g];
        }
        return total;
    }

    public static List<Combination> draw(PathPool pool, int n, int g, int runs, long seed) {
        if (g < 0 || g > n) {
            return List.of();
        }
        List<PathPool.Site> sites = pool.sites();
        double[][][][] ways = new double[sites.size()][][][];
        double total = 0;
        for (int s = 0; s < sites.size(); s++) {
            ways[s] = ways(sites.get(s), n, g);
            total += ways[s][0][n][g];
        }
        if (total == 0) {
            return List.of();
        }
        SplittableRandom r = new SplittableRandom(mix(seed, n, g));
        List<List<PathPool.PoolTrace>> chosen = new ArrayList<>();
        List<String> chosenSites = new ArrayList<>();
        if (total <= Math.max(LIST_LIMIT, 2.0 * runs)) {
            List<List<PathPool.PoolTrace>> all = new ArrayList<>();
            List<String> allSites = new ArrayList<>();
            for (PathPool.Site s : sites) {
                int before = all.size();
                list(s, 0, n, g, new ArrayList<>(), all);
                for (int i = before; i < all.size(); i++) {
                    allSites.add(s.name());
                }
            }
            int take = Math.min(runs, all.size());
            for (int i = 0; i < take; i++) {
                int j = i + r.nextInt(all.size() - i);
                java.util.Collections.swap(all, i, j);
                java.util.Collections.swap(allSites, i, j);
                chosen.add(all.get(i));
                chosenSites.add(allSites.get(i));
            }
        } else {
            Set<List<String>> seen = new HashSet<>();
            while (chosen.size() < runs) {
                int s = pick(ways, n, g, total, r);
                List<PathPool.PoolTrace> set = sample(sites.get(s), ways[s], n, g, r);
                if (seen.add(set.stream().map(PathPool.PoolTrace::id).toList())) {
                    chosen.add(set);
                    chosenSites.add(sites.get(s).name());
                }
            }
        }
        List<Combination> out = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            out.add(new Combination(n, g, i, chosenSites.get(i), chosen.get(i)));
        }
        return out;
    }

    /** ways[i][a][b]: sets of a hosts among hosts i.. of the site, b of them low-loss (one trace each). */
    static double[][][] ways(PathPool.Site s, int n, int g) {
        int hosts = s.hosts().size();
        double[][][] w = new double[hosts + 1][n + 1][g + 1];
        w[hosts][0][0] = 1;
        for (int i = hosts - 1; i >= 0; i--) {
            int low = s.low().get(i).size();
            int lossy = s.lossy().get(i).size();
            for (int a = 0; a <= n; a++) {
                for (int b = 0; b <= g; b++) {
                    double v = w[i + 1][a][b];
                    if (a > 0 && b > 0) {
                        v += low * w[i + 1][a - 1][b - 1];
                    }
                    if (a > 0) {
                        v += lossy * w[i + 1][a - 1][b];
                    }
                    w[i][a][b] = v;
                }
            }
        }
        return w;
    }

    private static int pick(double[][][][] ways, int n, int g, double total, SplittableRandom r) {
        double u = r.nextDouble() * total;
        int last = -1;
        for (int s = 0; s < ways.length; s++) {
            double w = ways[s][0][n][g];
            if (w > 0) {
                last = s;
                if (u < w) {
                    return s;
                }
                u -= w;
            }
        }
        return last;
    }

    private static List<PathPool.PoolTrace> sample(PathPool.Site s, double[][][] w, int n, int g,
            SplittableRandom r) {
        List<PathPool.PoolTrace> out = new ArrayList<>();
        int a = n;
        int b = g;
        for (int i = 0; a > 0; i++) {
            List<PathPool.PoolTrace> low = s.low().get(i);
            List<PathPool.PoolTrace> lossy = s.lossy().get(i);
            double takeLow = b > 0 ? low.size() * w[i + 1][a - 1][b - 1] : 0;
            double takeLossy = a > b ? lossy.size() * w[i + 1][a - 1][b] : 0;
            double u = r.nextDouble() * w[i][a][b];
            if (u < takeLow) {
                out.add(low.get(r.nextInt(low.size())));
                a--;
                b--;
            } else if (u < takeLow + takeLossy) {
                out.add(lossy.get(r.nextInt(lossy.size())));
                a--;
            }
        }
        return out;
    }

    private static void list(PathPool.Site s, int i, int a, int b, List<PathPool.PoolTrace> prefix,
            List<List<PathPool.PoolTrace>> out) {
        if (a == 0) {
            if (b == 0) {
                out.add(List.copyOf(prefix));
            }
            return;
        }
        if (i == s.hosts().size() || s.hosts().size() - i < a) {
            return;
        }
        if (b > 0) {
            for (PathPool.PoolTrace t : s.low().get(i)) {
                prefix.add(t);
                list(s, i + 1, a - 1, b - 1, prefix, out);
                prefix.remove(prefix.size() - 1);
            }
        }
        if (a > b) {
            for (PathPool.PoolTrace t : s.lossy().get(i)) {
                prefix.add(t);
                list(s, i + 1, a - 1, b, prefix, out);
                prefix.remove(prefix.size() - 1);
            }
        }
        list(s, i + 1, a, b, prefix, out);
    }

    static long mix(long seed, long... parts) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (long p : parts) {
            h = (h ^ p) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return h;
    }
}
