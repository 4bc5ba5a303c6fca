package org.smarttunnel.ingest.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The probe sequence of one trace in send order (METHOD section 1). Probe {@code i} has index
 * {@code i}; send times never decrease. The arrays given are taken over, not copied (a trace's
 * columns are its largest allocation, and fresh memory is slow to touch): callers hand over
 * arrays nobody changes afterwards. They are copied out; loops should use the indexed
 * accessors, which do not copy. {@code owdUs}, the one-way delays in the trace's direction
 * ({@link Probe#NO_OWD} where unknown, and for every lost probe), is null when the input holds
 * none — ping and captures measure round trips only.
 */
public record Trace(TraceInfo info, int[] seq, long[] sendUs, LossSequence loss, int[] rttUs, int[] owdUs) {

    public Trace {
        Objects.requireNonNull(info, "info");
        int n = loss.length();
        if (seq.length != n || sendUs.length != n || rttUs.length != n || (owdUs != null && owdUs.length != n)) {
            throw new IllegalArgumentException("trace " + info.id() + ": columns differ in length");
        }
        for (int i = 1; i < n; i++) {
            if (sendUs[i] < sendUs[i - 1]) {
                throw new IllegalArgumentException("trace " + info.id() + ": send time of probe " + i + " goes backwards");
            }
        }
    }

    /** A trace without one-way delays. */
    public Trace(TraceInfo info, int[] seq, long[] sendUs, LossSequence loss, int[] rttUs) {
        this(info, seq, sendUs, loss, rttUs, null);
    }

    public String id() {
        return info.id();
    }

    /** Whether any probe has a one-way delay. */
    public boolean hasOwd() {
        return owdUs != null;
    }

    /** Probe i's one-way delay in µs, or {@link Probe#NO_OWD}. */
    public int owdUs(int i) {
        return owdUs == null ? Probe.NO_OWD : owdUs[i];
    }

    public int size() {
        return loss.length();
    }

    public int seq(int i) {
        return seq[i];
    }

    public long sendUs(int i) {
        return sendUs[i];
    }

    public boolean lost(int i) {
        return loss.lost(i);
    }

    public int rttUs(int i) {
        return rttUs[i];
    }

    public Probe probe(int i) {
        return new Probe(i, seq[i], sendUs[i], loss.lost(i), rttUs[i], owdUs(i));
    }

    @Override
    public int[] seq() {
        return seq.clone();
    }

    @Override
    public long[] sendUs() {
        return sendUs.clone();
    }

    @Override
    public int[] rttUs() {
        return rttUs.clone();
    }

    @Override
    public int[] owdUs() {
        return owdUs == null ? null : owdUs.clone();
    }

    /**
     * Intervals of {@code lengthUs} from the first send time: interval k holds the probes sent
     * in {@code [t0 + k*L, t0 + (k+1)*L)}. Every interval from 0 to the last one is listed,
     * including empty ones in idle gaps.
     */
    public List<Interval> intervals(long lengthUs) {
        return size() == 0 ? List.of() : intervals(lengthUs, sendUs[0]);
    }

    /**
     * Intervals of {@code lengthUs} from {@code originUs} (METHOD section 2, aligned by absolute
     * time): probes sent before the origin belong to no interval.
     */
    public List<Interval> intervals(long lengthUs, long originUs) {
        if (lengthUs <= 0) {
            throw new IllegalArgumentException("interval length must be positive, got " + lengthUs + " us");
        }
        int n = size();
        long t0 = originUs;
        List<Interval> out = new ArrayList<>();
        int first = 0;
        while (first < n && sendUs[first] < t0) {
            first++;
        }
        if (first == n) {
            return List.of();
        }
        while (first < n) {
            int number = Math.toIntExact((sendUs[first] - t0) / lengthUs);
            while (out.size() < number) {
                int empty = out.size();
                out.add(new Interval(id(), empty, t0 + empty * lengthUs, first, 0, 0));
            }
            long end = t0 + (number + 1) * lengthUs;
            int last = first;
            int lost = 0;
            while (last < n && sendUs[last] < end) {
                if (loss.lost(last)) {
                    lost++;
                }
                last++;
            }
            out.add(new Interval(id(), number, t0 + number * lengthUs, first, last - first, lost));
            first = last;
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The one-way delays of an interval's probes in half-microseconds (METHOD section 9): a
     * probe's own one-way delay where the trace has one, else RTT/2, exact in these units; 0
     * for lost probes. Empty when a received probe of the interval carries neither (a
     * reply-only capture without sender timestamps): such an interval has no time metrics.
     */
    public java.util.Optional<int[]> oneWayHalfUs(Interval interval) {
        int first = interval.firstProbe();
        int[] out = new int[interval.probes()];
        for (int i = 0; i < out.length; i++) {
            if (!loss.lost(first + i)) {
                int owd = owdUs(first + i);
                if (owd != Probe.NO_OWD) {
                    out[i] = (int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE, 2L * owd));
                    continue;
                }
                int rtt = rttUs[first + i];
                if (rtt == Probe.NO_RTT) {
                    return java.util.Optional.empty();
                }
                out[i] = rtt;
            }
        }
        return java.util.Optional.of(out);
    }

    /** The gaps between consecutive sends of an interval's probes, in µs. */
    public long[] sendGapsUs(Interval interval) {
        int first = interval.firstProbe();
        long[] out = new long[Math.max(0, interval.probes() - 1)];
        for (int i = 0; i < out.length; i++) {
            out[i] = sendUs[first + i + 1] - sendUs[first + i];
        }
        return out;
    }

    /** The loss sequence of one interval of this trace. */
    public LossSequence loss(Interval interval) {
        return loss.slice(interval.firstProbe(), interval.firstProbe() + interval.probes());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trace t && t.info.equals(info) && t.loss.equals(loss) && Arrays.equals(t.seq, seq)
                && Arrays.equals(t.sendUs, sendUs) && Arrays.equals(t.rttUs, rttUs) && Arrays.equals(t.owdUs, owdUs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(info, loss, Arrays.hashCode(sendUs));
    }

    @Override
    public String toString() {
        return "Trace[" + info.id() + ", " + size() + " probes, " + loss.lossCount() + " lost]";
    }
}
