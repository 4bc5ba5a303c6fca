package org.smarttunnel.ingest.probe;

import java.util.List;
import org.smarttunnel.ingest.trace.Interval;

/**
 * What a finished trace amounts to, without its probes: counts, time range, intervals (whose
 * {@code trace} field is filled in once the trace has its final id), how many send times had
 * to be raised to keep send order and the input line of the first (0 when the input has no lines).
 */
public record TraceStats(long probes, long lost, long firstSendUs, long lastSendUs, List<Interval> intervals,
        long raisedSendTimes, long firstRaisedLine) {

    public TraceStats {
        intervals = List.copyOf(intervals);
    }

    public double lossRate() {
        return probes == 0 ? Double.NaN : (double) lost / probes;
    }

    public TraceStats withTraceId(String id) {
        return new TraceStats(probes, lost, firstSendUs, lastSendUs,
                intervals.stream()
                        .map(i -> new Interval(id, i.number(), i.startUs(), i.firstProbe(), i.probes(), i.lost()))
                        .toList(),
                raisedSendTimes, firstRaisedLine);
    }
}
