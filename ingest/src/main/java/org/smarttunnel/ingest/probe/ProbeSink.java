package org.smarttunnel.ingest.probe;

/**
 * Receives the probes of one trace in send order; probe indices are implicit (0, 1, 2, ...).
 * Times are nanoseconds since the epoch; {@code rttNs < 0} means no round-trip time.
 */
public interface ProbeSink {
    long NO_TIME = Long.MIN_VALUE;

    void probe(int seq, long sendNs, boolean lost, long rttNs);

    /**
     * A probe with its one-way delay in the trace's direction ({@code owdNs}, {@link #NO_TIME}
     * when unknown). Sinks that keep delays override this; the others drop the delay.
     */
    default void probe(int seq, long sendNs, boolean lost, long rttNs, long owdNs) {
        probe(seq, sendNs, lost, rttNs);
    }

    /** The probes that follow come from line {@code line} of the input, for messages about them. */
    default void atLine(long line) {
    }

    /** The probe that follows comes from the record at byte {@code offset} of the input (a capture). */
    default void atOffset(long offset) {
    }
}
