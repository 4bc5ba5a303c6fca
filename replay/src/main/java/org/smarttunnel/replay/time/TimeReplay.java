package org.smarttunnel.replay.time;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.smarttunnel.fitting.stats.GroupLayout;
import org.smarttunnel.ingest.trace.LossSequence;
import org.smarttunnel.replay.schedule.Schedule;

/**
 * The receiver's time line of one replayed interval (METHOD section 9). The tunnel sends one
 * packet per slot at a constant spacing: slot j leaves at τ_j = j·Δ and, when its probe was
 * received, arrives τ_j plus that probe's one-way delay. Data packets are numbered in sending
 * order (group by group, the data slots of a group first). A received data packet is available
 * at its arrival; a lost one of a recovered group when the D-th packet of its group arrives; a
 * lost one of an unrecoverable group never — the receiver gives up on the group at its last
 * arrival (at the sending of its last slot if nothing arrived). In-order release: packet i at
 * the later of its availability (or give-up) and the release of i − 1.
 *
 * <p>Times are integers in half-microseconds, so a one-way delay of RTT/2 is exact. The work is
 * linear in the slots: a group's redundant slots are looked at only when data of it was lost, and
 * the {@link Receiver} takes the data packets group by group; percentiles come from bucket counts
 * ({@link Ranks}), and the packets the receiver holds are bucket-sorted by availability.
 */
public final class TimeReplay {
    private TimeReplay() {
    }

    /**
     * Replays the interval's first complete groups on {@code paths} (loss sequences) with their
     * one-way delays {@code delays} (half-µs, per probe; ignored where lost). Empty without a
     * complete group.
     *
     * @param spacing Δ in half-µs
     * @param deadline the late threshold in half-µs
     */
    public static Optional<TimeMetrics> replay(List<LossSequence> paths, List<int[]> delays, Schedule schedule,
            int groupSize, long spacing, long deadline) {
        int n = paths.size();
        int m = Integer.MAX_VALUE;
        for (int p = 0; p < n; p++) {
            m = Math.min(m, Math.min(paths.get(p).length(), delays.get(p).length));
        }
        int groups = m / groupSize;
        if (groups == 0) {
            return Optional.empty();
        }
        GroupLayout layout = schedule.group(0);
        int data = layout.data();
        int redundancy = groupSize - data;
        Receiver receiver = RECEIVER.get().start(groups * data, groupSize, deadline);
        long[] arrivals = receiver.arrivals;
        long[] groupAvail = receiver.groupAvail;
        boolean[] groupReceived = receiver.groupReceived;
        LossSequence[] loss = paths.toArray(new LossSequence[0]);
        int[][] owd = delays.toArray(new int[0][]);
        int[] owner = layout.pathOfSlot();
        for (int g = 0; g < groups; g++) {
            if (g > 0 && !schedule.fixed()) {
                layout = schedule.group(g);
                owner = layout.pathOfSlot();
            }
            int base = g * groupSize;
            // the data slots: arrival where received; the redundant slots matter only when data was lost
            int lostData = 0;
            for (int s = 0; s < data; s++) {
                int j = base + s;
                int p = owner[s];
                boolean ok = !loss[p].lost(j);
                groupAvail[s] = j * spacing + owd[p][j];
                groupReceived[s] = ok;
                lostData += ok ? 0 : 1;
            }
            if (lostData == 0) {
                receiver.group(base * spacing, spacing, data, true, true, 0);
                continue;
            }
            int lost = lostData;
            int arrived = 0;
            long lastArrival = Long.MIN_VALUE;
            for (int s = 0; s < data; s++) {
                if (groupReceived[s]) {
                    arrivals[arrived++] = groupAvail[s];
                    lastArrival = Math.max(lastArrival, groupAvail[s]);
                }
            }
            for (int s = data; s < groupSize; s++) {
                int j = base + s;
                int p = owner[s];
                if (loss[p].lost(j)) {
                    lost++;
                } else {
                    long at = j * spacing + owd[p][j];
                    arrivals[arrived++] = at;
                    lastArrival = Math.max(lastArrival, at);
                }
            }
            boolean recovered = lost <= redundancy;
            long when;
            if (recovered) {
                when = dthArrival(arrivals, arrived, data);
            } else {
                when = arrived > 0 ? lastArrival : (base + groupSize - 1) * (long) spacing;
            }
            receiver.group(base * spacing, spacing, data, false, recovered, when);
        }
        return Optional.of(receiver.metrics());
    }

    /**
     * The d-th smallest of the first n arrivals (n ≥ d): the smallest of the n − d + 1 largest,
     * kept in a short sorted run at the end of the array — n − d is at most the redundancy.
     */
    static long dthArrival(long[] a, int n, int d) {
        int keep = n - d + 1;
        if (keep == 1) {
            long max = Long.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                max = Math.max(max, a[i]);
            }
            return max;
        }
        // a[0..keep) becomes the keep largest seen, ascending; a[0] is their smallest
        Arrays.sort(a, 0, keep);
        for (int i = keep; i < n; i++) {
            long v = a[i];
            if (v > a[0]) {
                int j = 1;
                while (j < keep && a[j] < v) {
                    a[j - 1] = a[j];
                    j++;
                }
                a[j - 1] = v;
            }
        }
        return a[0];
    }

    private static final ThreadLocal<Receiver> RECEIVER = ThreadLocal.withInitial(Receiver::new);

    /** Nearest rank ⌈p·n/100⌉ (at least 1): the percentile is the value of this rank in sorted order. */
    public static int rank(int n, int p) {
        return Math.max(1, (int) ((p * (long) n + 99) / 100));
    }

}
