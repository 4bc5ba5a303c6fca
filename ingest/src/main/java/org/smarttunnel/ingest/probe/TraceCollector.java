package org.smarttunnel.ingest.probe;

import java.util.Arrays;
import org.smarttunnel.ingest.trace.LossSequence;
import org.smarttunnel.ingest.trace.Probe;
import org.smarttunnel.ingest.trace.Trace;
import org.smarttunnel.ingest.trace.TraceInfo;

/** Keeps a trace in memory, for library use and tests. */
public final class TraceCollector extends RecordingSink {
    private int[] seq = new int[1024];
    private long[] sendUs = new long[1024];
    private int[] rttUs = new int[1024];
    private int[] owdUs;
    private final LossSequence.Builder loss = new LossSequence.Builder(1024);

    public TraceCollector(long intervalUs) {
        super(intervalUs);
    }

    @Override
    protected void row(int index, int s, long send, boolean lost, int rtt, int owd) {
        if (index == seq.length) {
            seq = Arrays.copyOf(seq, index * 2);
            sendUs = Arrays.copyOf(sendUs, index * 2);
            rttUs = Arrays.copyOf(rttUs, index * 2);
        }
        if (owd != Probe.NO_OWD && owdUs == null) {
            owdUs = new int[seq.length];
            Arrays.fill(owdUs, 0, index, Probe.NO_OWD);
        }
        if (owdUs != null) {
            if (owdUs.length < seq.length) {
                owdUs = Arrays.copyOf(owdUs, seq.length);
            }
            owdUs[index] = owd;
        }
        seq[index] = s;
        sendUs[index] = send;
        rttUs[index] = rtt;
        loss.add(lost);
    }

    public Trace toTrace(TraceInfo info) {
        int n = probeCount();
        return new Trace(info, Arrays.copyOf(seq, n), Arrays.copyOf(sendUs, n), loss.build(), Arrays.copyOf(rttUs, n),
                owdUs == null ? null : Arrays.copyOf(owdUs, n));
    }
}
