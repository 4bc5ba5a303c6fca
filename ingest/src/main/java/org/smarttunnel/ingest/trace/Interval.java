package org.smarttunnel.ingest.trace;

/**
 * Interval {@code number} of a trace: the probes sent in
 * {@code [startUs, startUs + length)}, which are probes {@code firstProbe ..
 * firstProbe + probes - 1} of the trace (METHOD section 2). An interval in an idle gap has no
 * probes and a NaN loss rate.
 */
public record Interval(String trace, int number, long startUs, int firstProbe, int probes, int lost) {
    public double lossRate() {
        return probes == 0 ? Double.NaN : (double) lost / probes;
    }
}
