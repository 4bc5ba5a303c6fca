package org.smarttunnel.ingest.trace;

/**
 * One probe of a trace: its position {@code index} from 0, the raw sequence number, the send
 * time in epoch microseconds, whether it was lost, its round-trip time ({@link #NO_RTT} when
 * lost or when the input holds no send time for it) and its one-way delay in the trace's
 * direction ({@link #NO_OWD} when unknown; it may be negative, the two clocks' offset being
 * part of it).
 */
public record Probe(int index, int seq, long sendUs, boolean lost, int rttUs, int owdUs) {
    public static final int NO_RTT = -1;
    public static final int NO_OWD = Integer.MIN_VALUE;

    /** A probe without a one-way delay. */
    public Probe(int index, int seq, long sendUs, boolean lost, int rttUs) {
        this(index, seq, sendUs, lost, rttUs, NO_OWD);
    }

    public boolean hasOwd() {
        return owdUs != NO_OWD;
    }

    public boolean hasRtt() {
        return rttUs != NO_RTT;
    }
}
