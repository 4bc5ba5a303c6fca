package org.smarttunnel.ingest.probe;

import java.util.ArrayList;
import java.util.List;
import org.smarttunnel.ingest.trace.Interval;
import org.smarttunnel.ingest.trace.Probe;

/**
 * The part every trace sink shares: converts to microseconds, keeps send times
 * non-decreasing (an estimated send time can land a few microseconds before its
 * predecessor's measured one), counts and cuts intervals while the probes stream by.
 */
public abstract class RecordingSink implements ProbeSink {
    private final long intervalUs;
    private final List<Interval> intervals = new ArrayList<>();
    private int index;
    private long lost;
    private long firstSendUs;
    private long lastSendUs = Long.MIN_VALUE;
    private long raised;
    /** Where the next probe comes from: a line (positive), a byte offset (-offset - 1), or 0 for unknown. */
    private long position;
    private String firstRaisedWhere = "";
    private int currentInterval = -1;
    private int intervalFirst;
    private int intervalProbes;
    private int intervalLost;

    protected RecordingSink(long intervalUs) {
        if (intervalUs <= 0) {
            throw new IllegalArgumentException("interval length must be positive");
        }
        this.intervalUs = intervalUs;
    }

    @Override
    public final void atLine(long inputLine) {
        position = inputLine;
    }

    @Override
    public final void atOffset(long offset) {
        position = -offset - 1;
    }

    @Override
    public final void probe(int seq, long sendNs, boolean isLost, long rttNs) {
        probe(seq, sendNs, isLost, rttNs, NO_TIME);
    }

    @Override
    public final void probe(int seq, long sendNs, boolean isLost, long rttNs, long owdNs) {
        long sendUs = Math.floorDiv(sendNs, 1000L);
        if (sendUs < lastSendUs) {
            sendUs = lastSendUs;
            if (raised++ == 0) {
                firstRaisedWhere = position > 0 ? "line " + position : position < 0 ? "offset " + (-position - 1) : "";
            }
        }
        if (index == 0) {
            firstSendUs = sendUs;
        }
        lastSendUs = sendUs;
        int rttUs = isLost || rttNs < 0 ? Probe.NO_RTT : (int) Math.min(Integer.MAX_VALUE, rttNs / 1000L);
        int owdUs = isLost || owdNs == NO_TIME ? Probe.NO_OWD
                : (int) Math.max(Probe.NO_OWD + 1, Math.min(Integer.MAX_VALUE, Math.floorDiv(owdNs, 1000L)));
        countInterval(sendUs, isLost);
        if (isLost) {
            lost++;
        }
        row(index, seq, sendUs, isLost, rttUs, owdUs);
        index++;
    }

    private void countInterval(long sendUs, boolean isLost) {
        int number = Math.toIntExact((sendUs - firstSendUs) / intervalUs);
        if (number != currentInterval) {
            closeInterval();
            while (intervals.size() < number) {
                int empty = intervals.size();
                intervals.add(new Interval("", empty, firstSendUs + empty * intervalUs, index, 0, 0));
            }
            currentInterval = number;
            intervalFirst = index;
        }
        intervalProbes++;
        if (isLost) {
            intervalLost++;
        }
    }

    private void closeInterval() {
        if (currentInterval >= 0) {
            intervals.add(new Interval("", currentInterval, firstSendUs + currentInterval * intervalUs, intervalFirst,
                    intervalProbes, intervalLost));
        }
        intervalProbes = 0;
        intervalLost = 0;
    }

    /** One probe, already in its written form ({@code owdUs}: {@link Probe#NO_OWD} when unknown). */
    protected abstract void row(int index, int seq, long sendUs, boolean lost, int rttUs, int owdUs);

    public final int probeCount() {
        return index;
    }

    /** Statistics of everything recorded so far; call once the trace is complete. */
    public final TraceStats stats() {
        List<Interval> all = new ArrayList<>(intervals);
        if (currentInterval >= 0) {
            all.add(new Interval("", currentInterval, firstSendUs + currentInterval * intervalUs, intervalFirst,
                    intervalProbes, intervalLost));
        }
        return new TraceStats(index, lost, index == 0 ? 0 : firstSendUs, index == 0 ? 0 : lastSendUs, all, raised,
                firstRaisedWhere);
    }
}
