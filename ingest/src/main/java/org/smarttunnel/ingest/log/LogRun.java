package org.smarttunnel.ingest.log;

import java.util.Arrays;
import org.smarttunnel.ingest.probe.ProbeSink;
import org.smarttunnel.ingest.probe.SeqUnwrapper;

/**
 * One ping run of a log, as its lines told it: replies (with RTT and, when the line was
 * stamped, the line's time) and markers of probes sent without an echo reply so far
 * ({@code Request timeout}, {@code no answer yet}, ICMP errors). Resolved into probes when
 * the run ends.
 */
final class LogRun {
    private static final byte REPLY = 1;
    private static final byte MARKER = 2;
    private static final long NONE = Long.MIN_VALUE;
    private static final long MAX_PROBES = 50_000_000L;

    final long firstLine;
    String target = "";
    String address = "";
    /** First sequence number of the ping flavour (BSD 0, iputils 1), -1 when no header was seen. */
    int flavourStart = -1;
    /** Start of the run from its banner or header stamp, ns, or NONE. */
    long startNs = NONE;
    long transmitted = -1;

    private final SeqUnwrapper unwrapper = new SeqUnwrapper();
    private long[] index = new long[256];
    private long[] rttNs = new long[256];
    private long[] lineNs = new long[256];
    private byte[] kind = new byte[256];
    private boolean coarse;
    private int count;
    private long duplicates;

    LogRun(long firstLine) {
        this.firstLine = firstLine;
    }

    void reply(int seq, long rtt, LineTime time) {
        add(seq, REPLY, rtt, time);
    }

    void marker(int seq, LineTime time) {
        add(seq, MARKER, NONE, time);
    }

    private void add(int seq, byte what, long rtt, LineTime time) {
        long t = time == null ? ProbeSink.NO_TIME : time.ns();
        long u = unwrapper.candidate(seq, t);
        unwrapper.accept(u, t);
        if (count == index.length) {
            index = Arrays.copyOf(index, count * 2);
            rttNs = Arrays.copyOf(rttNs, count * 2);
            lineNs = Arrays.copyOf(lineNs, count * 2);
            kind = Arrays.copyOf(kind, count * 2);
        }
        index[count] = u;
        rttNs[count] = rtt;
        lineNs[count] = t;
        kind[count] = what;
        if (time != null && !time.precise() && what == REPLY) {
            coarse = true;
        }
        count++;
    }

    boolean isEmpty() {
        return count == 0;
    }

    long duplicates() {
        return duplicates;
    }

    /** Whether any send time could be tied to the clock (banner, header or line stamps). */
    boolean hasClock() {
        if (startNs != NONE) {
            return true;
        }
        for (int k = 0; k < count; k++) {
            if (lineNs[k] != ProbeSink.NO_TIME) {
                return true;
            }
        }
        return false;
    }

    /**
     * Emits the run's probes, from the flavour's first sequence number (or the first one seen)
     * to the last one seen or counted by ping's summary.
     *
     * @param timeoutNs replies slower than this are losses; negative for no limit
     * @return number of probes emitted
     */
    long resolve(long spacingNs, long timeoutNs, ProbeSink sink) {
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int k = 0; k < count; k++) {
            lo = Math.min(lo, index[k]);
            hi = Math.max(hi, index[k]);
        }
        long origin = flavourStart >= 0 && flavourStart <= lo ? flavourStart : lo;
        if (transmitted > 0) {
            hi = Math.max(hi, origin + transmitted - 1);
        }
        if (hi - origin + 1 > MAX_PROBES) {
            throw new IllegalStateException("run spans " + (hi - origin + 1) + " probes");
        }
        int n = (int) (hi - origin + 1);
        long[] rtt = new long[n];
        long[] stamp = new long[n];
        Arrays.fill(rtt, NONE);
        Arrays.fill(stamp, NONE);
        boolean[] replied = new boolean[n];
        for (int e = 0; e < count; e++) {
            if (kind[e] != REPLY) {
                continue;
            }
            int k = (int) (index[e] - origin);
            if (replied[k]) {
                duplicates++;
                continue;
            }
            replied[k] = true;
            rtt[k] = rttNs[e];
            stamp[k] = lineNs[e];
        }
        long[] send = SendTimes.fill(anchors(n, rtt, stamp, spacingNs), spacingNs);
        for (int k = 0; k < n; k++) {
            boolean received = replied[k] && (timeoutNs < 0 || rtt[k] == NONE || rtt[k] <= timeoutNs);
            long sendNs = send[k] == NONE ? k * spacingNs : send[k];
            sink.probe((int) ((origin + k) & 0xFFFF), sendNs, !received, received && rtt[k] != NONE ? rtt[k] : -1);
        }
        return n;
    }

    /** Known send times: stamped replies (stamp minus RTT, fitted if stamps are whole seconds), else the start. */
    private long[] anchors(int n, long[] rtt, long[] stamp, long spacingNs) {
        long[] anchor = new long[n];
        Arrays.fill(anchor, NONE);
        int stamped = 0;
        for (int k = 0; k < n; k++) {
            if (stamp[k] != NONE) {
                stamped++;
            }
        }
        if (stamped == 0) {
            if (startNs != NONE) {
                anchor[0] = startNs;
            }
            return anchor;
        }
        long[] x = new long[stamped];
        long[] y = new long[stamped];
        int j = 0;
        for (int k = 0; k < n; k++) {
            if (stamp[k] != NONE) {
                long delay = rtt[k] == NONE ? 0 : rtt[k];
                x[j] = k;
                y[j] = stamp[k] - delay + (coarse ? 500_000_000L : 0L);
                j++;
            }
        }
        long[] fitted = coarse ? CoarseFit.fit(x, y, spacingNs) : y;
        for (int i = 0; i < stamped; i++) {
            anchor[(int) x[i]] = fitted[i];
        }
        return anchor;
    }
}
