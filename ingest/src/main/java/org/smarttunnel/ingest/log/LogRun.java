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
    /**
     * The longest silence inside one run: stamped lines further apart start a new run (an
     * outage up to this long stays a run of losses).
     */
    static final long GAP_LIMIT_NS = SeqUnwrapper.GAP_LIMIT_NS;
    /** Probes a run may hold beyond its highest number seen, when time cannot say more: one 16-bit range. */
    static final long UNTIMED_CLAIM = 1 << 16;
    /** A jump is implausible beyond this many times the probes its time holds at the run's spacing... */
    static final long JUMP_FACTOR = 8;
    /** ...and beyond this many probes. */
    static final long JUMP_SLACK = 64;

    final long firstLine;
    String target = "";
    String address = "";
    /** First sequence number of the ping flavour (BSD 0, iputils 1), -1 when no header was seen. */
    int flavourStart = -1;
    /** Start of the run from its banner or header stamp, ns, or NONE. */
    long startNs = NONE;
    /** The summary's count of probes transmitted (-1 when none), its line, and its "time N ms" in ns (NONE when absent). */
    long transmitted = -1;
    long transmittedLine;
    long transmittedForNs = NONE;

    private int[] seq = new int[256];
    private long[] rttNs = new long[256];
    private long[] lineNs = new long[256];
    private long[] line = new long[256];
    private byte[] kind = new byte[256];
    private boolean coarse;
    private int count;
    private long duplicates;

    /** Where a run's warnings go: the line they concern and the message. */
    interface Warnings {
        void warn(long line, String message);
    }

    /** A sink for each part of the run (a run splits where its stamps jump by more than an hour). */
    interface Sinks {
        ProbeSink open();
    }

    LogRun(long firstLine) {
        this.firstLine = firstLine;
    }

    void reply(int seq, long rtt, LineTime time, long lineNo) {
        add(seq, REPLY, rtt, time, lineNo);
    }

    void marker(int seq, LineTime time, long lineNo) {
        add(seq, MARKER, NONE, time, lineNo);
    }

    private void add(int s, byte what, long rtt, LineTime time, long lineNo) {
        if (count == seq.length) {
            seq = Arrays.copyOf(seq, count * 2);
            rttNs = Arrays.copyOf(rttNs, count * 2);
            lineNs = Arrays.copyOf(lineNs, count * 2);
            line = Arrays.copyOf(line, count * 2);
            kind = Arrays.copyOf(kind, count * 2);
        }
        seq[count] = s;
        rttNs[count] = rtt;
        lineNs[count] = time == null ? ProbeSink.NO_TIME : time.ns();
        line[count] = lineNo;
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
     * Emits the run's probes: a line whose stamp lies more than {@link #GAP_LIMIT_NS} from both
     * of its stamped neighbours, which agree with each other, is an outlier (warned, skipped);
     * the run splits where consecutive stamps are further apart than that; each part runs from
     * the flavour's first sequence number (or the first one seen) to the last one seen, the
     * last part to the count ping's summary gives when the run's time allows it.
     *
     * @param timeoutNs replies slower than this are losses; negative for no limit
     * @return number of probes emitted
     */
    long resolve(long spacingNs, long timeoutNs, Sinks sinks, Warnings warnings) {
        boolean[] skip = outliers(warnings);
        long emitted = 0;
        int from = 0;
        long prevNs = ProbeSink.NO_TIME;
        for (int k = 0; k < count; k++) {
            if (skip[k] || lineNs[k] == ProbeSink.NO_TIME) {
                continue;
            }
            if (prevNs != ProbeSink.NO_TIME && Math.abs(lineNs[k] - prevNs) > GAP_LIMIT_NS) {
                warnings.warn(line[k], "the time stamps jump by " + (lineNs[k] - prevNs) / 1_000_000_000L
                        + " s, more than an hour within one ping run; a new run starts here");
                emitted += resolvePart(from, k, skip, from == 0, false, spacingNs, timeoutNs, sinks, warnings);
                from = k;
            }
            prevNs = lineNs[k];
        }
        return emitted + resolvePart(from, count, skip, from == 0, true, spacingNs, timeoutNs, sinks, warnings);
    }

    /** Entries whose stamp disagrees with both stamped neighbours, which agree with each other. */
    private boolean[] outliers(Warnings warnings) {
        boolean[] skip = new boolean[count];
        int[] stamped = new int[count];
        int n = 0;
        for (int k = 0; k < count; k++) {
            if (lineNs[k] != ProbeSink.NO_TIME) {
                stamped[n++] = k;
            }
        }
        for (int i = 0; i < n; i++) {
            int k = stamped[i];
            long before = i > 0 ? lineNs[stamped[i - 1]] : ProbeSink.NO_TIME;
            long after = i + 1 < n ? lineNs[stamped[i + 1]] : ProbeSink.NO_TIME;
            // at the ends, the two stamps on the other side stand in for the missing neighbour
            long other = i == 0 && n > 2 ? lineNs[stamped[2]] : i == n - 1 && n > 2 ? lineNs[stamped[n - 3]]
                    : ProbeSink.NO_TIME;
            long a = before != ProbeSink.NO_TIME ? before : other;
            long b = after != ProbeSink.NO_TIME ? after : other;
            if (a == ProbeSink.NO_TIME || b == ProbeSink.NO_TIME) {
                continue;
            }
            if (Math.abs(lineNs[k] - a) > GAP_LIMIT_NS && Math.abs(lineNs[k] - b) > GAP_LIMIT_NS
                    && Math.abs(b - a) <= GAP_LIMIT_NS) {
                skip[k] = true;
                warnings.warn(line[k], "time stamp more than an hour from the lines around it, which agree; "
                        + "line skipped");
            }
        }
        return skip;
    }

    private long resolvePart(int from, int to, boolean[] skip, boolean first, boolean last, long spacingNs,
            long timeoutNs, Sinks sinks, Warnings warnings) {
        SeqUnwrapper unwrapper = new SeqUnwrapper();
        long[] index = new long[to - from];
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        int kept = 0;
        for (int k = from; k < to; k++) {
            if (skip[k]) {
                continue;
            }
            long u = unwrapper.candidate(seq[k], lineNs[k]);
            unwrapper.accept(u, lineNs[k]);
            index[k - from] = u;
            lo = Math.min(lo, u);
            hi = Math.max(hi, u);
            kept++;
        }
        if (kept == 0) {
            return 0;
        }
        int jump = implausibleJump(from, to, skip, index, warnings);
        if (jump > from) {
            return resolvePart(from, jump, skip, first, false, spacingNs, timeoutNs, sinks, warnings)
                    + resolvePart(jump, to, skip, false, last, spacingNs, timeoutNs, sinks, warnings);
        }
        long origin = first && flavourStart >= 0 && flavourStart <= lo ? flavourStart : lo;
        if (last && transmitted > 0 && origin + transmitted - 1 > hi) {
            long seen = hi - origin + 1;
            long allowed = seen + UNTIMED_CLAIM;
            if (transmittedForNs != NONE) {
                allowed = Math.max(allowed, transmittedForNs / spacingNs + 16);
            }
            if (transmitted > allowed) {
                warnings.warn(transmittedLine, transmitted + " packets transmitted is more than the run's lines"
                        + (transmittedForNs != NONE ? " and time" : "") + " allow (" + allowed + " at most); the count is "
                        + "ignored");
            } else {
                hi = origin + transmitted - 1;
            }
        }
        long limit = Math.min(MAX_PROBES, Runtime.getRuntime().maxMemory() / 72);
        if (hi - origin + 1 > limit) {
            throw new IllegalStateException("a ping run of " + (hi - origin + 1) + " probes from line "
                    + line[from] + " is longer than this heap can resolve (" + limit + " probes)");
        }
        int n = (int) (hi - origin + 1);
        long[] rtt = new long[n];
        long[] stamp = new long[n];
        long[] at = new long[n];
        Arrays.fill(rtt, NONE);
        Arrays.fill(stamp, NONE);
        boolean[] replied = new boolean[n];
        for (int e = from; e < to; e++) {
            if (skip[e] || kind[e] != REPLY) {
                continue;
            }
            int k = (int) (index[e - from] - origin);
            if (replied[k]) {
                duplicates++;
                continue;
            }
            replied[k] = true;
            rtt[k] = rttNs[e];
            stamp[k] = lineNs[e];
            at[k] = line[e];
        }
        long[] send = SendTimes.fill(anchors(n, rtt, stamp, spacingNs, first), spacingNs);
        ProbeSink sink = sinks.open();
        for (int k = 0; k < n; k++) {
            boolean received = replied[k] && (timeoutNs < 0 || rtt[k] == NONE || rtt[k] <= timeoutNs);
            long sendNs = send[k] == NONE ? k * spacingNs : send[k];
            if (at[k] != 0) {
                sink.atLine(at[k]);
            }
            sink.probe((int) ((origin + k) & 0xFFFF), sendNs, !received, received && rtt[k] != NONE ? rtt[k] : -1);
        }
        return n;
    }

    /**
     * The first entry of {@code [from, to)} whose sequence number jumps from the stamped entry
     * before it by far more probes than the stamps between them allow at the run's own spacing
     * (the median over its consecutive stamped entries of time per probe): more than
     * {@value #JUMP_FACTOR} times as many as the time (plus a second, for stamps of whole
     * seconds) holds, and more than {@value #JUMP_SLACK}. A garbled number or a ping restarted
     * within the log, not lost probes: the run is split there, with a warning. -1 when there is
     * none, or too few stamped entries to know the spacing.
     */
    private int implausibleJump(int from, int to, boolean[] skip, long[] index, Warnings warnings) {
        int[] at = new int[to - from];
        int n = 0;
        for (int k = from; k < to; k++) {
            if (!skip[k] && lineNs[k] != ProbeSink.NO_TIME) {
                at[n++] = k;
            }
        }
        double[] perProbe = new double[Math.max(0, n - 1)];
        int m = 0;
        for (int i = 1; i < n; i++) {
            long probes = Math.abs(index[at[i] - from] - index[at[i - 1] - from]);
            if (probes > 0) {
                perProbe[m++] = (double) Math.abs(lineNs[at[i]] - lineNs[at[i - 1]]) / probes;
            }
        }
        if (m < 3) {
            return -1;
        }
        double[] sorted = Arrays.copyOf(perProbe, m);
        Arrays.sort(sorted);
        double spacing = sorted[m / 2];
        if (spacing <= 0) {
            return -1;
        }
        for (int i = 1; i < n; i++) {
            long probes = Math.abs(index[at[i] - from] - index[at[i - 1] - from]);
            long ns = Math.abs(lineNs[at[i]] - lineNs[at[i - 1]]);
            if (probes > JUMP_SLACK && probes > JUMP_FACTOR * (ns + 1_000_000_000L) / spacing) {
                warnings.warn(line[at[i]], String.format(java.util.Locale.ROOT, "icmp_seq goes from %d to %d, %d "
                        + "probes, between lines stamped %.3f s apart: far more than the run's spacing of %.3f ms "
                        + "allows (a garbled number or a restarted ping, not losses); a new run starts here",
                        seq[at[i - 1]], seq[at[i]], probes, ns / 1e9, spacing / 1e6));
                return at[i];
            }
        }
        return -1;
    }

    /** Known send times: stamped replies (stamp minus RTT, fitted if stamps are whole seconds), else the start. */
    private long[] anchors(int n, long[] rtt, long[] stamp, long spacingNs, boolean first) {
        long[] anchor = new long[n];
        Arrays.fill(anchor, NONE);
        int stamped = 0;
        for (int k = 0; k < n; k++) {
            if (stamp[k] != NONE) {
                stamped++;
            }
        }
        if (stamped == 0) {
            if (startNs != NONE && first) {
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
