package org.smarttunnel.fitting.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** How many loss bursts of each length a sequence held (a trailing burst counts with the length seen). */
public final class BurstHistogram {
    private final TreeMap<Integer, Long> counts;
    private final long bursts;

    BurstHistogram(TreeMap<Integer, Long> counts) {
        this.counts = counts;
        long total = 0;
        for (long c : counts.values()) {
            total += c;
        }
        this.bursts = total;
    }

    public static BurstHistogram empty() {
        return new BurstHistogram(new TreeMap<>());
    }

    public long bursts() {
        return bursts;
    }

    public long count(int length) {
        return counts.getOrDefault(length, 0L);
    }

    public int longest() {
        return counts.isEmpty() ? 0 : counts.lastKey();
    }

    /** Lengths and counts, shortest first. */
    public Map<Integer, Long> counts() {
        return Collections.unmodifiableMap(counts);
    }

    /** The smallest length L such that at least {@code share} of the bursts are L or shorter; 0 without bursts. */
    public int quantile(double share) {
        long need = (long) Math.ceil(share * bursts);
        long seen = 0;
        for (Map.Entry<Integer, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (seen >= need) {
                return e.getKey();
            }
        }
        return 0;
    }

    BurstHistogram plus(BurstHistogram other) {
        TreeMap<Integer, Long> sum = new TreeMap<>(counts);
        other.counts.forEach((k, v) -> sum.merge(k, v, Long::sum));
        return new BurstHistogram(sum);
    }
}
