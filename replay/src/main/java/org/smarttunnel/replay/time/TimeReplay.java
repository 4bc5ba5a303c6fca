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
 * linear in the slots: percentiles come from bucket counts ({@link Ranks}), and the packets the
 * receiver holds are bucket-sorted by availability.
 */
public final class TimeReplay {
    /** Half-microseconds in a millisecond. */
    static final double HALF_US_PER_MS = 2000.0;

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
        int packets = groups * data;
        // per data packet: sending time, availability (or give-up), whether delivered / received
        Scratch s0 = SCRATCH.get().ensure(packets, groupSize);
        long[] sent = s0.sent;
        long[] avail = s0.avail;
        boolean[] delivered = s0.delivered;
        boolean[] received = s0.received;
        long[] arrivals = s0.arrivals;
        LossSequence[] loss = paths.toArray(new LossSequence[0]);
        int[][] owd = delays.toArray(new int[0][]);
        int[] owner = layout.pathOfSlot();
        for (int g = 0; g < groups; g++) {
            if (g > 0 && !schedule.fixed()) {
                layout = schedule.group(g);
                owner = layout.pathOfSlot();
            }
            int lost = 0;
            int lostData = 0;
            int arrived = 0;
            long lastArrival = Long.MIN_VALUE;
            int base = g * groupSize;
            for (int s = 0; s < groupSize; s++) {
                int j = base + s;
                int p = owner[s];
                long tau = j * spacing;
                boolean ok = !loss[p].lost(j);
                long at = ok ? tau + owd[p][j] : Long.MIN_VALUE;
                if (ok) {
                    arrivals[arrived++] = at;
                    lastArrival = Math.max(lastArrival, at);
                } else {
                    lost++;
                    lostData += s < data ? 1 : 0;
                }
                if (s < data) {
                    int i = g * data + s;
                    sent[i] = tau;
                    received[i] = ok;
                    delivered[i] = ok;
                    avail[i] = at;
                }
            }
            if (lostData == 0) {
                continue;
            }
            boolean recovered = lost <= redundancy;
            long when;
            if (recovered) {
                when = dthArrival(arrivals, arrived, data);
            } else {
                when = arrived > 0 ? lastArrival : (base + groupSize - 1) * (long) spacing;
            }
            for (int s = 0; s < data; s++) {
                int i = g * data + s;
                if (!received[i]) {
                    avail[i] = when;
                    delivered[i] = recovered;
                }
            }
        }
        return Optional.of(metrics(packets, s0, deadline));
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

    /** Work arrays of one thread, grown as needed: replays allocate nothing per interval. */
    private static final class Scratch {
        long[] sent = new long[0];
        long[] avail = new long[0];
        boolean[] delivered = new boolean[0];
        boolean[] received = new boolean[0];
        long[] delay = new long[0];
        long[] inorder = new long[0];
        long[] heldFrom = new long[0];
        long[] heldTo = new long[0];
        long[] arrivals = new long[0];
        final Ranks ranks = new Ranks();

        Scratch ensure(int packets, int groupSize) {
            if (sent.length < packets) {
                int n = Math.max(packets, sent.length * 2);
                sent = new long[n];
                avail = new long[n];
                delivered = new boolean[n];
                received = new boolean[n];
                delay = new long[n];
                inorder = new long[n];
                heldFrom = new long[n];
                heldTo = new long[n];
            }
            if (arrivals.length < groupSize) {
                arrivals = new long[groupSize];
            }
            return this;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** The metrics of the first {@code packets} data packets in number order (avail holds the give-up time of those not delivered). */
    private static TimeMetrics metrics(int packets, Scratch s, long deadline) {
        long[] sent = s.sent;
        long[] avail = s.avail;
        boolean[] delivered = s.delivered;
        boolean[] received = s.received;
        long[] delay = s.delay;
        long[] inorder = s.inorder;
        long[] heldFrom = s.heldFrom;
        long[] heldTo = s.heldTo;
        int held = 0;
        int count = 0;
        long late = 0;
        // exact integer sums (half-µs): at most 2^31 packets of delays far below 2^32
        long sum = 0;
        long inorderSum = 0;
        long ipdv = 0;
        long previousDelay = 0;
        long release = Long.MIN_VALUE;
        for (int i = 0; i < packets; i++) {
            release = Math.max(release, avail[i]);
            if (!delivered[i]) {
                late++;
                continue;
            }
            long d = avail[i] - sent[i];
            long r = release - sent[i];
            if (count > 0) {
                ipdv += Math.abs(d - previousDelay);
            }
            previousDelay = d;
            delay[count] = d;
            inorder[count] = r;
            count++;
            sum += d;
            inorderSum += r;
            if (r > deadline) {
                late++;
            }
            if (avail[i] < release) {
                heldFrom[held] = avail[i];
                heldTo[held] = release;
                held++;
            }
        }
        OptionalDouble reordered = reorderedShare(avail, received, packets);
        long buffer = maxHeld(heldFrom, heldTo, held, s.ranks);
        double lateShare = packets == 0 ? Double.NaN : (double) late / packets;
        if (count == 0) {
            OptionalDouble none = OptionalDouble.empty();
            return new TimeMetrics(0, none, none, none, none, none, none, none, none, none, none, reordered, buffer,
                    lateShare);
        }
        double mean = (double) sum / count;
        double squares = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long inMin = Long.MAX_VALUE;
        long inMax = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            squares += (delay[i] - mean) * (delay[i] - mean);
            min = Math.min(min, delay[i]);
            max = Math.max(max, delay[i]);
            inMin = Math.min(inMin, inorder[i]);
            inMax = Math.max(inMax, inorder[i]);
        }
        double variance = squares / count;
        long[] d = new long[3];
        s.ranks.select(delay, count, min, max, new int[] {rank(count, 50), rank(count, 95), rank(count, 99)}, d);
        long[] in = new long[2];
        s.ranks.select(inorder, count, inMin, inMax, new int[] {rank(count, 95), rank(count, 99)}, in);
        return new TimeMetrics(count, ms(mean), ms(d[0]), ms(d[1]), ms(d[2]), ms(max), ms((double) inorderSum / count),
                ms(in[0]), ms(in[1]), ms(Math.sqrt(variance)), count > 1 ? ms((double) ipdv / (count - 1)) : OptionalDouble.empty(),
                reordered, buffer, lateShare);
    }

    private static OptionalDouble ms(double halfUs) {
        return OptionalDouble.of(halfUs / HALF_US_PER_MS);
    }

    /** The p-th percentile (nearest rank) of a[0..n), n ≥ 1, in linear time; {@code a} is left as it was. */
    public static long nearestRank(long[] a, int n, int p) {
        long[] out = new long[1];
        SCRATCH.get().ranks.select(a, n, new int[] {rank(n, p)}, out);
        return out[0];
    }

    /** Nearest rank ⌈p·n/100⌉ (at least 1): the percentile is the value of this rank in sorted order. */
    static int rank(int n, int p) {
        return Math.max(1, (int) ((p * (long) n + 99) / 100));
    }

    /**
     * Received data packets that arrived after a later-numbered data packet had arrived (RFC
     * 4737), over the received data packets: packet i counts when some received j > i arrived
     * strictly earlier — the minimum arrival after it, scanned from the end.
     */
    private static OptionalDouble reorderedShare(long[] avail, boolean[] received, int packets) {
        long later = Long.MAX_VALUE;
        long count = 0;
        long reordered = 0;
        for (int i = packets - 1; i >= 0; i--) {
            if (!received[i]) {
                continue;
            }
            count++;
            if (later < avail[i]) {
                reordered++;
            }
            later = Math.min(later, avail[i]);
        }
        return count == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) reordered / count);
    }

    /**
     * The most packets held at once, each over [from, to): the ends come in order already (release
     * times never decrease), the starts are sorted; at equal times releases come first.
     */
    private static long maxHeld(long[] from, long[] to, int n, Ranks ranks) {
        if (n == 0) {
            return 0;
        }
        ranks.sort(from, n);
        long best = 0;
        int ended = 0;
        for (int a = 0; a < n; a++) {
            while (ended < n && to[ended] <= from[a]) {
                ended++;
            }
            best = Math.max(best, a + 1 - ended);
        }
        return best;
    }
}
