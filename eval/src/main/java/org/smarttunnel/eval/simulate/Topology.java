package org.smarttunnel.eval.simulate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The simulated world: the population of paths and, for a share of the sites, a bottleneck
 * shared by some of the paths to that site. A site gets one with probability
 * {@code options.shared()}; each host's path crosses it with probability 1/2 (at least two
 * do); its loss rate is 0.2-1%, its episodes last 10-100 ms on average and drop 50-95% of
 * the probes crossing them.
 */
public final class Topology {
    private final SimulationOptions o;
    private final Population population;
    private final Map<Integer, Bottleneck> bottlenecks = new TreeMap<>();

    public Topology(SimulationOptions o) {
        this.o = o;
        this.population = new Population(o.seed(), o.hosts(), o.lowShare());
        for (int site = 1; site <= o.sites(); site++) {
            SplittableRandom r = population.random(0, site, Population.Stream.BOTTLENECK);
            if (o.hosts() < 2 || !(r.nextDouble() < o.shared())) {
                continue;
            }
            List<Integer> members = new ArrayList<>();
            List<Integer> others = new ArrayList<>();
            for (int h = 1; h <= o.hosts(); h++) {
                (r.nextDouble() < 0.5 ? members : others).add(h);
            }
            Collections.shuffle(others, new java.util.Random(r.nextLong()));
            while (members.size() < 2) {
                members.add(others.remove(0));
            }
            Collections.sort(members);
            double rate = 0.002 + 0.008 * r.nextDouble();
            long episode = 10_000_000L + r.nextLong(90_000_001L);
            double drop = 0.5 + 0.45 * r.nextDouble();
            bottlenecks.put(site, new Bottleneck(site, members, rate, episode, drop, r.nextLong()));
        }
    }

    public SimulationOptions options() {
        return o;
    }

    public Population population() {
        return population;
    }

    public List<Bottleneck> bottlenecks() {
        return List.copyOf(bottlenecks.values());
    }

    /** The bottleneck the host's path to the site crosses, or null. */
    public Bottleneck bottleneck(int host, int site) {
        Bottleneck b = bottlenecks.get(site);
        return b != null && b.hosts().contains(host) ? b : null;
    }

    /** A fresh process for the host's path to the site (1-based); sites start staggered within the spacing. */
    public PathProcess path(int host, int site) {
        long stagger = (o.spacingNs() * (site - 1) / o.sites()) / 1000 * 1000;
        return new PathProcess(o, population, host, site, stagger, bottleneck(host, site));
    }

    public static int hostAddress(int host) {
        return (10 << 24) | (1 << 16) | (host << 8) | 1;
    }

    public static int siteAddress(int site) {
        return (198 << 24) | (18 << 16) | (site << 8) | 1;
    }

    public static int ident(int site) {
        return 0x4000 + site;
    }

    public static String dotted(int a) {
        return (a >>> 24) + "." + ((a >>> 16) & 255) + "." + ((a >>> 8) & 255) + "." + (a & 255);
    }
}
