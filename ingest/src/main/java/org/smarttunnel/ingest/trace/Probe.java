package org.smarttunnel.ingest.trace;

/**
 * One probe of a trace: its position {@code index} from 0, the raw ICMP sequence number,
 * the send time in epoch microseconds, whether it was lost and its round-trip time
 * ({@link #NO_RTT} when lost or when the input holds no send time for it).
 */
public record Probe(int index, int seq, long sendUs, boolean lost, int rttUs) {
    public static final int NO_RTT = -1;

    public boolean hasRtt() {
        return rttUs != NO_RTT;
    }
}
