package org.smarttunnel.eval.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws the combinations of a cell (N, G): sets of N traces to the same site from N different
 * hosts, exactly G of them low-loss, uniformly among all such sets of the dataset, without
 * repeats; optionally only sets of traces measured together (pairwise concurrent). Every
 * possible set is counted exactly (per site, a dynamic programme over hosts); when there are
 * at most {@code runs} sets, all are used; when there are few, a seeded shuffle of the full
 * list picks them; otherwise sets are drawn one by one (site in proportion to its count, then
 * host by host) until {@code runs} distinct ones are found.
 *
 * <p>Concurrent sets are counted through their anchor, the member with the latest first send
 * (ties by id): a set is pairwise concurrent exactly when every member ends at least one
 * interval after the anchor's first send, so the sets with anchor a are a's one trace plus N-1
 * from the traces of other hosts that start no later than a (before it in (first send, id)
 * order) and end late enough. Each set has one anchor, so the anchors' counts add up and a
 * draw picks an anchor in proportion to its count, then the rest host by host.
 */
public final class CombinationSampler {
    /** Up to this many possible sets, they are listed and shuffled rather than drawn. */
    static final double LIST_LIMIT = 20_000;

    /** Where the sets of one unit come from: a site's hosts, and the anchor every set holds (or none). */
    private record Unit(String site, PathPool.PoolTrace anchor, PathPool.Site hosts, int n, int g) {
        List<PathPool.PoolTrace> complete(List<PathPool.PoolTrace> rest) {
            if (anchor == null) {
                return rest;
            }
            List<PathPool.PoolTrace> all = new ArrayList<>(rest);
            all.add(anchor);
            all.sort(Comparator.comparing(PathPool.PoolTrace::host));
            return all;
        }
    }

    private CombinationSampler() {
    }

    /** The number of possible sets of cell (N, G). */
    public static double count(PathPool pool, int n, int g) {
        return count(pool, n, g, OptionalLong.empty());
    }

    /** The same, only pairwise concurrent sets when {@code concurrentUs} (an interval length) is given. */
    public static double count(PathPool pool, int n, int g, OptionalLong concurrentUs) {
        double total = 0;
        for (Unit u : units(pool, n, g, concurrentUs)) {
            total += ways(u.hosts(), u.n(), u.g())[0][u.n()][u.g()];
        }
        return total;
    }

    public static List<Combination> draw(PathPool pool, int n, int g, int runs, long seed) {
        return draw(pool, n, g, runs, seed, OptionalLong.empty());
    }

    /** Draws the sets; only pairwise concurrent ones when {@code concurrentUs} (an interval length) is given. */
    public static List<Combination> draw(PathPool pool, int n, int g, int runs, long seed, OptionalLong concurrentUs) {
        if (g < 0 || g > n) {
            return List.of();
        }
        List<Unit> units = units(pool, n, g, concurrentUs);
        double[][][][] ways = new double[units.size()][][][];
        double total = 0;
        for (int s = 0; s < units.size(); s++) {
            Unit u = units.get(s);
            ways[s] = ways(u.hosts(), u.n(), u.g());
            total += ways[s][0][u.n()][u.g()];
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
            for (Unit u : units) {
                List<List<PathPool.PoolTrace>> sets = new ArrayList<>();
                list(u.hosts(), 0, u.n(), u.g(), new ArrayList<>(), sets);
                for (List<PathPool.PoolTrace> set : sets) {
                    all.add(u.complete(set));
                    allSites.add(u.site());
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
                int s = pick(ways, units, total, r);
                Unit u = units.get(s);
                List<PathPool.PoolTrace> set = u.complete(sample(u.hosts(), ways[s], u.n(), u.g(), r));
                if (seen.add(set.stream().map(PathPool.PoolTrace::id).toList())) {
                    chosen.add(set);
                    chosenSites.add(u.site());
                }
            }
        }
        List<Combination> out = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            out.add(new Combination(n, g, i, chosenSites.get(i), chosen.get(i)));
        }
        return out;
    }

    /** The units sets come from: every site, or every (site, anchor) for concurrent sets. */
    private static List<Unit> units(PathPool pool, int n, int g, OptionalLong concurrentUs) {
        List<Unit> units = new ArrayList<>();
        for (PathPool.Site s : pool.sites()) {
            if (concurrentUs.isEmpty()) {
                units.add(new Unit(s.name(), null, s, n, g));
                continue;
            }
            long interval = concurrentUs.getAsLong();
            for (int h = 0; h < s.hosts().size(); h++) {
                for (PathPool.PoolTrace a : concat(s.low().get(h), s.lossy().get(h))) {
                    int restLow = g - (a.low() ? 1 : 0);
                    if (n < 1 || restLow < 0 || restLow > n - 1 || n >= 2 && a.lastUs() - a.firstUs() < interval) {
                        continue;
                    }
                    units.add(new Unit(s.name(), a, before(s, h, a, interval), n - 1, restLow));
                }
            }
        }
        return units;
    }

    /** The site's traces of other hosts that start no later than {@code a} and end an interval after its start. */
    private static PathPool.Site before(PathPool.Site s, int anchorHost, PathPool.PoolTrace a, long interval) {
        List<String> hosts = new ArrayList<>();
        List<List<PathPool.PoolTrace>> low = new ArrayList<>();
        List<List<PathPool.PoolTrace>> lossy = new ArrayList<>();
        for (int h = 0; h < s.hosts().size(); h++) {
            if (h == anchorHost) {
                continue;
            }
            hosts.add(s.hosts().get(h));
            low.add(s.low().get(h).stream().filter(t -> eligible(t, a, interval)).toList());
            lossy.add(s.lossy().get(h).stream().filter(t -> eligible(t, a, interval)).toList());
        }
        return new PathPool.Site(s.name(), hosts, low, lossy);
    }

    private static boolean eligible(PathPool.PoolTrace t, PathPool.PoolTrace anchor, long interval) {
        boolean earlier = t.firstUs() < anchor.firstUs() || t.firstUs() == anchor.firstUs()
                && t.id().compareTo(anchor.id()) < 0;
        return earlier && t.lastUs() >= anchor.firstUs() + interval;
    }

    private static List<PathPool.PoolTrace> concat(List<PathPool.PoolTrace> a, List<PathPool.PoolTrace> b) {
        List<PathPool.PoolTrace> out = new ArrayList<>(a);
        out.addAll(b);
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

    private static int pick(double[][][][] ways, List<Unit> units, double total, SplittableRandom r) {
        double u = r.nextDouble() * total;
        int last = -1;
        for (int s = 0; s < ways.length; s++) {
            double w = ways[s][0][units.get(s).n()][units.get(s).g()];
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
