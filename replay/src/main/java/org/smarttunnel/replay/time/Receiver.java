package org.smarttunnel.replay.time;

import java.util.OptionalDouble;

/**
 * The idealised receiver of METHOD section 9, fed one group's data packets at a time in number
 * order: their availability (arrival, or the recovery or give-up time of the group), in-order
 * release, and the running sums of the metrics. One per thread, reused: after {@link #start}
 * it allocates nothing per interval. Times are half-microseconds.
 */
final class Receiver {
    /** Half-microseconds in a millisecond. */
    private static final double HALF_US_PER_MS = 2000.0;

    // one group's data packets, written by the caller: arrival where received
    long[] groupAvail = new long[0];
    boolean[] groupReceived = new boolean[0];
    /** Work space for the caller's recovery time (the D-th arrival). */
    long[] arrivals = new long[0];
    final Ranks ranks = new Ranks();

    // per packet of the interval
    private long[] receivedAvail = new long[0];
    private long[] delay = new long[0];
    private long[] inorder = new long[0];
    /** The availability of each record: a packet available later than all before it. */
    private long[] recordAvail = new long[0];
    /** Differences of the number of held packets waiting on each record (see {@link #maxHeld}). */
    private int[] waiting = new int[1];

    private int packets;
    private long deadline;
    private int received;
    private int records;
    private int count;
    private long late;
    // exact integer sums (half-µs): at most 2^31 packets of delays far below 2^32
    private long sum;
    private long inorderSum;
    private long ipdv;
    private long previousDelay;
    private long release;
    private long min;
    private long max;
    private long inMin;
    private long inMax;

    /** Ready for an interval of {@code packets} data packets in groups of {@code groupSize} slots. */
    Receiver start(int packets, int groupSize, long deadline) {
        if (delay.length < packets) {
            int n = Math.max(packets, delay.length * 2);
            receivedAvail = new long[n];
            delay = new long[n];
            inorder = new long[n];
            recordAvail = new long[n];
            waiting = new int[n + 1];
        }
        if (arrivals.length < groupSize) {
            arrivals = new long[groupSize];
            groupAvail = new long[groupSize];
            groupReceived = new boolean[groupSize];
        }
        this.packets = packets;
        this.deadline = deadline;
        received = 0;
        records = 0;
        waiting[0] = 0;
        count = 0;
        late = 0;
        sum = 0;
        inorderSum = 0;
        ipdv = 0;
        previousDelay = 0;
        release = Long.MIN_VALUE;
        min = Long.MAX_VALUE;
        max = Long.MIN_VALUE;
        inMin = Long.MAX_VALUE;
        inMax = Long.MIN_VALUE;
        return this;
    }

    /**
     * The next {@code data} packets, sent from {@code firstSent} at {@code spacing}: those with
     * {@link #groupReceived} (all when {@code allReceived}) available at {@link #groupAvail}, the
     * others at {@code when}, delivered when {@code recovered}, given up otherwise.
     */
    void group(long firstSent, long spacing, int data, boolean allReceived, boolean recovered, long when) {
        long[] avails = groupAvail;
        boolean[] ok = groupReceived;
        long[] delays = delay;
        long[] inorders = inorder;
        long[] arrived = receivedAvail;
        int received = this.received;
        long[] recordAvail = this.recordAvail;
        int[] waiting = this.waiting;
        int records = this.records;
        int count = this.count;
        long late = this.late;
        long sum = this.sum;
        long inorderSum = this.inorderSum;
        long ipdv = this.ipdv;
        long previousDelay = this.previousDelay;
        long release = this.release;
        long min = this.min;
        long max = this.max;
        long inMin = this.inMin;
        long inMax = this.inMax;
        long deadline = this.deadline;
        for (int s = 0; s < data; s++) {
            long sent = firstSent + s * spacing;
            boolean got = allReceived || ok[s];
            long avail = got ? avails[s] : when;
            if (avail > release) {
                recordAvail[records] = avail;
                waiting[++records] = 0;
                release = avail;
            }
            if (got) {
                arrived[received++] = avail;
            } else if (!recovered) {
                late++;
                continue;
            }
            long d = avail - sent;
            long r = release - sent;
            if (count > 0) {
                ipdv += Math.abs(d - previousDelay);
            }
            previousDelay = d;
            delays[count] = d;
            inorders[count] = r;
            count++;
            sum += d;
            inorderSum += r;
            min = Math.min(min, d);
            max = Math.max(max, d);
            inMin = Math.min(inMin, r);
            inMax = Math.max(inMax, r);
            if (r > deadline) {
                late++;
            }
            if (avail < release) {
                // held: it waits on every record from the first available after it to the latest
                waiting[firstAfter(recordAvail, records - 1, avail)]++;
                waiting[records]--;
            }
        }
        this.received = received;
        this.records = records;
        this.count = count;
        this.late = late;
        this.sum = sum;
        this.inorderSum = inorderSum;
        this.ipdv = ipdv;
        this.previousDelay = previousDelay;
        this.release = release;
        this.min = min;
        this.max = max;
        this.inMin = inMin;
        this.inMax = inMax;
    }

    /** The metrics of the packets fed since {@link #start}. */
    TimeMetrics metrics() {
        OptionalDouble reordered = reorderedShare(receivedAvail, received);
        long buffer = maxHeld();
        double lateShare = (double) late / packets;
        if (count == 0) {
            OptionalDouble none = OptionalDouble.empty();
            return new TimeMetrics(0, none, none, none, none, none, none, none, none, none, none, reordered, buffer,
                    lateShare);
        }
        double mean = (double) sum / count;
        double squares = 0;
        for (int i = 0; i < count; i++) {
            squares += (delay[i] - mean) * (delay[i] - mean);
        }
        double variance = squares / count;
        long[] d = new long[3];
        int n = count;
        ranks.select(delay, n, min, max, new int[] {TimeReplay.rank(n, 50), TimeReplay.rank(n, 95), TimeReplay.rank(n, 99)},
                d);
        long[] in = new long[2];
        ranks.select(inorder, n, inMin, inMax, new int[] {TimeReplay.rank(n, 95), TimeReplay.rank(n, 99)}, in);
        return new TimeMetrics(n, ms(mean), ms(d[0]), ms(d[1]), ms(d[2]), ms(max), ms((double) inorderSum / n),
                ms(in[0]), ms(in[1]), ms(Math.sqrt(variance)), n > 1 ? ms((double) ipdv / (n - 1)) : OptionalDouble.empty(),
                reordered, buffer, lateShare);
    }

    private static OptionalDouble ms(double halfUs) {
        return OptionalDouble.of(halfUs / HALF_US_PER_MS);
    }

    /**
     * Received data packets that arrived after a later-numbered data packet had arrived (RFC
     * 4737), over the received data packets: packet i counts when some received j > i arrived
     * strictly earlier — the minimum arrival after it, scanned from the end of {@code arrivals},
     * the received data packets' arrivals in number order.
     */
    private static OptionalDouble reorderedShare(long[] arrivals, int count) {
        long later = Long.MAX_VALUE;
        long reordered = 0;
        for (int i = count - 1; i >= 0; i--) {
            if (later < arrivals[i]) {
                reordered++;
            }
            later = Math.min(later, arrivals[i]);
        }
        return count == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) reordered / count);
    }

    /**
     * The most packets held at once. A delivered packet is held from its availability until its
     * release, the availability of the record it waits on (a record: a packet available later
     * than every packet before it). The held count only grows between records' availabilities
     * and drops at each, so its maximum is reached just before some record M becomes available:
     * the packets after M available strictly earlier than M (at equal times releases come
     * first). Each held packet waits on a run of consecutive records, counted in {@link
     * #waiting} as differences; the running sum over the records is each record's count.
     */
    private long maxHeld() {
        long best = 0;
        long held = 0;
        for (int r = 0; r < records; r++) {
            held += waiting[r];
            best = Math.max(best, held);
        }
        return best;
    }

    /**
     * The first of records[0..last] available strictly after {@code avail}, given that
     * records[last] is: galloping back from the last, then bisecting.
     */
    private static int firstAfter(long[] records, int last, long avail) {
        int hi = last;
        int step = 1;
        int lo = hi - 1;
        while (lo >= 0 && records[lo] > avail) {
            hi = lo;
            step <<= 1;
            lo = hi - step;
        }
        lo = Math.max(lo, -1);
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (records[mid] > avail) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }
}
