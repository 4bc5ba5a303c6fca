package org.smarttunnel.replay.time;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import org.smarttunnel.fitting.stats.GroupLayout;
import org.smarttunnel.ingest.trace.LossSequence;

/**
 * A plain receiver for checking {@link TimeReplay}: it walks the packets' arrivals in time
 * order, decodes a group when its D-th packet arrives (recovering its lost data packets), releases in order as time passes, and
 * computes every metric the obvious way (full sorts, pairwise comparisons, occupancy counted at
 * every instant something becomes available). Slow, and meant to be.
 */
final class EventReceiver {
    private EventReceiver() {
    }

    private record Arrival(long time, int slot) {
    }

    static TimeMetrics run(List<LossSequence> paths, List<int[]> delays, GroupLayout layout, int groups, long spacing,
            long deadline) {
        int g = layout.groupSize();
        int d = layout.data();
        int packets = groups * d;
        List<Arrival> arrivals = new ArrayList<>();
        for (int j = 0; j < groups * g; j++) {
            int p = layout.pathOf(j % g);
            if (!paths.get(p).lost(j)) {
                arrivals.add(new Arrival(j * spacing + delays.get(p)[j], j));
            }
        }
        arrivals.sort(Comparator.comparingLong(Arrival::time).thenComparingInt(Arrival::slot));
        Long[] available = new Long[packets];
        Long[] arrivedAt = new Long[packets];
        int[] count = new int[groups];
        long[] last = new long[groups];
        boolean[] decoded = new boolean[groups];
        for (Arrival a : arrivals) {
            int group = a.slot() / g;
            int s = a.slot() % g;
            count[group]++;
            last[group] = a.time();
            if (s < d) {
                int i = group * d + s;
                arrivedAt[i] = a.time();
                if (available[i] == null) {
                    available[i] = a.time();
                }
            }
            if (count[group] == d && !decoded[group]) {
                // decoding recovers the lost data packets; one still on its way counts at its arrival
                decoded[group] = true;
                for (int k = 0; k < d; k++) {
                    int slot = group * g + k;
                    if (paths.get(layout.pathOf(k)).lost(slot)) {
                        available[group * d + k] = a.time();
                    }
                }
            }
        }
        // a group that did not decode still delivers what arrived of it; the rest is given up
        long[] ready = new long[packets];
        boolean[] delivered = new boolean[packets];
        for (int group = 0; group < groups; group++) {
            long giveUp = count[group] > 0 ? last[group] : ((group + 1) * (long) g - 1) * spacing;
            for (int k = 0; k < d; k++) {
                int i = group * d + k;
                delivered[i] = available[i] != null;
                ready[i] = delivered[i] ? available[i] : giveUp;
            }
        }
        // in-order release as time passes: at each instant, release every packet in order that is ready
        long[] times = ready.clone();
        Arrays.sort(times);
        long[] release = new long[packets];
        int next = 0;
        for (long t : times) {
            while (next < packets && ready[next] <= t) {
                release[next] = t;
                next++;
            }
        }
        List<Long> delay = new ArrayList<>();
        List<Long> inorder = new ArrayList<>();
        long late = 0;
        for (int i = 0; i < packets; i++) {
            if (delivered[i]) {
                long s = (i / d * (long) g + i % d) * spacing;
                delay.add(available[i] - s);
                inorder.add(release[i] - s);
                if (release[i] - s > deadline) {
                    late++;
                }
            } else {
                late++;
            }
        }
        long received = 0;
        long reordered = 0;
        for (int i = 0; i < packets; i++) {
            if (arrivedAt[i] == null) {
                continue;
            }
            received++;
            for (int j = i + 1; j < packets; j++) {
                if (arrivedAt[j] != null && arrivedAt[j] < arrivedAt[i]) {
                    reordered++;
                    break;
                }
            }
        }
        long buffer = 0;
        for (int i = 0; i < packets; i++) {
            if (!delivered[i]) {
                continue;
            }
            long t = available[i];
            long held = 0;
            for (int k = 0; k < packets; k++) {
                if (delivered[k] && available[k] <= t && t < release[k]) {
                    held++;
                }
            }
            buffer = Math.max(buffer, held);
        }
        OptionalDouble reorderedShare = received == 0 ? OptionalDouble.empty()
                : OptionalDouble.of((double) reordered / received);
        double lateShare = (double) late / packets;
        if (delay.isEmpty()) {
            OptionalDouble none = OptionalDouble.empty();
            return new TimeMetrics(0, none, none, none, none, none, none, none, none, none, none, reorderedShare,
                    buffer, lateShare);
        }
        double mean = delay.stream().mapToLong(Long::longValue).average().orElseThrow();
        double variance = delay.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / delay.size();
        double ipdv = 0;
        for (int i = 1; i < delay.size(); i++) {
            ipdv += Math.abs(delay.get(i) - delay.get(i - 1));
        }
        List<Long> sortedDelay = delay.stream().sorted().toList();
        List<Long> sortedInorder = inorder.stream().sorted().toList();
        return new TimeMetrics(delay.size(), ms(mean), ms(nearestRank(sortedDelay, 50)), ms(nearestRank(sortedDelay,
                95)), ms(nearestRank(sortedDelay, 99)), ms(sortedDelay.get(sortedDelay.size() - 1)),
                ms(inorder.stream().mapToLong(Long::longValue).average().orElseThrow()),
                ms(nearestRank(sortedInorder, 95)), ms(nearestRank(sortedInorder, 99)), ms(Math.sqrt(variance)),
                delay.size() > 1 ? ms(ipdv / (delay.size() - 1)) : OptionalDouble.empty(), reorderedShare, buffer,
                lateShare);
    }

    private static double nearestRank(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p * sorted.size() / 100.0);
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static OptionalDouble ms(double halfUs) {
        return OptionalDouble.of(halfUs / 2000.0);
    }
}
