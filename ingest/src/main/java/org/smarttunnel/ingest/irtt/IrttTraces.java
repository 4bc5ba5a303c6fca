package org.smarttunnel.ingest.irtt;

import org.smarttunnel.ingest.probe.ProbeSink;
import org.smarttunnel.ingest.trace.Direction;

/**
 * The traces of one irtt run, one per direction (docs/formats.md):
 * <ul>
 * <li><b>round-trip</b>: every round trip, sent at the client's send time; lost unless irtt
 * received the reply within the timeout; the RTT as irtt gives it (the server's processing
 * time taken out);</li>
 * <li><b>up</b>, client to server: every round trip; lost when irtt says it was lost on the way
 * out ({@code true_up}), or lost in an unknown direction ({@code true}), or its one-way send
 * delay is past the timeout; a round trip lost on the way back ({@code true_down}) reached the
 * server and counts as received, its delay taken from the nearest round trip before it that
 * has one (after it, for the first);</li>
 * <li><b>down</b>, server to client: the round trips that reached the server (all but
 * {@code true_up}), sent at the server's send time (the client's send time plus the estimated
 * send delay when the server's stamp is missing, as for lost replies); lost when lost on the way
 * back ({@code true_down}) or in an unknown direction, or its one-way receive delay (the RTT
 * without it) is past the timeout.</li>
 * </ul>
 * irtt's late packets (arriving after a later one) stay received: only the timeout makes a
 * reply lost. Sequence numbers are kept modulo 2^16, as in every trace file.
 */
final class IrttTraces {
    private final IrttRun run;
    private final long timeoutNs;
    /** Per round trip, the nearest known one-way send delay (NONE when the run has none). */
    private final long[] upEstimate;
    private long lost;
    private long lostUp;
    private long lostDown;
    private long unknown;
    private long late;

    IrttTraces(IrttRun run, long timeoutNs) {
        this.run = run;
        this.timeoutNs = timeoutNs;
        int n = run.size;
        upEstimate = new long[n];
        long last = IrttRun.NONE;
        for (int i = 0; i < n; i++) {
            if (run.lost[i] == IrttRun.Lost.FALSE && run.sendDelay[i] != IrttRun.NONE) {
                last = run.sendDelay[i];
            }
            upEstimate[i] = last;
        }
        long next = IrttRun.NONE;
        for (int i = n - 1; i >= 0; i--) {
            if (run.lost[i] == IrttRun.Lost.FALSE && run.sendDelay[i] != IrttRun.NONE) {
                next = run.sendDelay[i];
            }
            if (upEstimate[i] == IrttRun.NONE) {
                upEstimate[i] = next;
            }
        }
        for (int i = 0; i < n; i++) {
            switch (run.lost[i]) {
                case FALSE -> late += run.rtt[i] > timeoutNs ? 1 : 0;
                case UP -> lostUp++;
                case DOWN -> lostDown++;
                case TRUE -> unknown++;
                default -> throw new IllegalStateException();
            }
        }
        lost = lostUp + lostDown + unknown;
    }

    long lost() {
        return lost;
    }

    long lostUp() {
        return lostUp;
    }

    long lostDown() {
        return lostDown;
    }

    long unknownDirection() {
        return unknown;
    }

    long late() {
        return late;
    }

    void emit(Direction direction, ProbeSink sink) {
        for (int i = 0; i < run.size; i++) {
            IrttRun.Lost l = run.lost[i];
            boolean received = l == IrttRun.Lost.FALSE;
            int seq = (int) (run.seqno[i] & 0xFFFF);
            long send = run.clientSend[i];
            long rtt = received ? run.rtt[i] : -1;
            sink.atLine(run.line[i]);
            switch (direction) {
                case ROUND_TRIP -> sink.probe(seq, send, !received || rtt > timeoutNs, rtt);
                case UP -> {
                    long owd = received ? run.sendDelay[i] : l == IrttRun.Lost.DOWN ? upEstimate[i] : IrttRun.NONE;
                    boolean isLost = l == IrttRun.Lost.UP || l == IrttRun.Lost.TRUE
                            || owd != IrttRun.NONE && owd > timeoutNs;
                    sink.probe(seq, send, isLost, rtt, owd == IrttRun.NONE ? ProbeSink.NO_TIME : owd);
                }
                case DOWN -> {
                    if (l == IrttRun.Lost.UP) {
                        continue;
                    }
                    long at = run.serverSend[i] != IrttRun.NONE ? run.serverSend[i]
                            : upEstimate[i] != IrttRun.NONE ? send + upEstimate[i] : send;
                    long owd = received ? run.receiveDelay[i] : IrttRun.NONE;
                    boolean isLost = !received || (owd != IrttRun.NONE ? owd : rtt) > timeoutNs;
                    sink.probe(seq, at, isLost, rtt, owd == IrttRun.NONE ? ProbeSink.NO_TIME : owd);
                }
                default -> throw new IllegalStateException();
            }
        }
    }
}
