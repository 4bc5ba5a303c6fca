package org.smarttunnel.ingest.probe;

import java.util.List;
import org.smarttunnel.ingest.trace.Interval;

/**
 * What a finished trace amounts to, without its probes: counts, time range, intervals (whose
 * {@code trace} field is filled in once the trace has its final id), how many send times had
 * to be raised to keep send order and where in the input the first came from ({@code line N},
 * {@code offset N}, or empty when unknown).
 */
public record TraceStats(long probes, long lost, long firstSendUs, long lastSendUs, List<Interval> intervals,
        long raisedSendTimes, String firstRaisedWhere) {

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
                raisedSendTimes, firstRaisedWhere);
    }
}
