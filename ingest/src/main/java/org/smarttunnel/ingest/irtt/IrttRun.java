package org.smarttunnel.ingest.irtt;

import java.util.Arrays;

/**
 * What an irtt client's JSON output holds that makes traces: the labels from its header and
 * one row per round trip, in seqno order, as columns ({@link #NONE} where a value is absent).
 * Times and delays are nanoseconds as irtt writes them; {@code line} is where each round trip
 * starts in the file, for messages.
 */
final class IrttRun {
    static final long NONE = Long.MIN_VALUE;

    /** irtt's lost status: received, lost without a known direction, lost on the way back, lost on the way out. */
    enum Lost {
        FALSE("false"), TRUE("true"), DOWN("true_down"), UP("true_up");

        final String text;

        Lost(String text) {
            this.text = text;
        }

        static Lost of(String text) {
            for (Lost l : values()) {
                if (l.text.equals(text)) {
                    return l;
                }
            }
            return null;
        }
    }

    String hostname = "";
    String localAddress = "";
    String remoteAddress = "";
    long intervalNs = NONE;

    int size;
    long[] seqno = new long[1024];
    Lost[] lost = new Lost[1024];
    long[] clientSend = new long[1024];
    long[] serverSend = new long[1024];
    long[] rtt = new long[1024];
    long[] sendDelay = new long[1024];
    long[] receiveDelay = new long[1024];
    long[] line = new long[1024];

    /**
     * Leaves out the round trips whose client send time lies more than {@code limitNs} from where
     * the run's own clock puts its seqno — the median over the run of send − seqno × interval,
     * the interval irtt's (or, without one, the median step between consecutive seqnos) — and
     * drops server send stamps more than {@code limitNs} from their client send time (taken as
     * absent: the estimate stands in). A damaged stamp must not stretch a run over years.
     * Each round trip left out is warned about at its line (twenty told, the rest counted;
     * {@code reason} and {@code leftOut} make the message), the ignored server stamps in one
     * warning at the first.
     */
    void dropImplausibleTimes(long limitNs, String file, String reason, String leftOut,
            java.util.List<org.smarttunnel.ingest.Diagnostic> diagnostics) {
        if (size == 0) {
            return;
        }
        org.smarttunnel.ingest.log.SkippedLines dropped = new org.smarttunnel.ingest.log.SkippedLines(file,
                diagnostics, leftOut, leftOut.replace("left out", "").trim() + "s with a send time that far off left out");
        long serverDropped = 0;
        long firstServerDropped = 0;
        boolean[] far = org.smarttunnel.ingest.probe.SendClock.far(seqno, clientSend, size,
                intervalNs == NONE ? 0 : intervalNs, limitNs);
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (far[i]) {
                dropped.skip(line[i], reason);
                continue;
            }
            if (serverSend[i] != NONE && Math.abs(serverSend[i] - clientSend[i]) > limitNs) {
                serverSend[i] = NONE;
                firstServerDropped = serverDropped++ == 0 ? line[i] : firstServerDropped;
            }
            seqno[kept] = seqno[i];
            lost[kept] = lost[i];
            clientSend[kept] = clientSend[i];
            serverSend[kept] = serverSend[i];
            rtt[kept] = rtt[i];
            sendDelay[kept] = sendDelay[i];
            receiveDelay[kept] = receiveDelay[i];
            line[kept] = line[i];
            kept++;
        }
        size = kept;
        dropped.finish();
        if (serverDropped > 0) {
            diagnostics.add(org.smarttunnel.ingest.Diagnostic.warningAtLine(file, firstServerDropped, serverDropped
                    + " server send stamps more than an hour from their client send time ignored, the first here (the "
                    + "down trace estimates those send times)"));
        }
    }

    void add(long seq, Lost l, long send, long serverSendWall, long rttNs, long up, long down, long at) {
        if (size == seqno.length) {
            int n = 2 * size;
            seqno = Arrays.copyOf(seqno, n);
            lost = Arrays.copyOf(lost, n);
            clientSend = Arrays.copyOf(clientSend, n);
            serverSend = Arrays.copyOf(serverSend, n);
            rtt = Arrays.copyOf(rtt, n);
            sendDelay = Arrays.copyOf(sendDelay, n);
            receiveDelay = Arrays.copyOf(receiveDelay, n);
            line = Arrays.copyOf(line, n);
        }
        seqno[size] = seq;
        lost[size] = l;
        clientSend[size] = send;
        serverSend[size] = serverSendWall;
        rtt[size] = rttNs;
        sendDelay[size] = up;
        receiveDelay[size] = down;
        line[size] = at;
        size++;
    }

    /** The port of an address irtt prints as host:port or [v6]:port, or empty. */
    static String port(String address) {
        String a = address.trim();
        int colon = a.lastIndexOf(':');
        if (colon < 0 || (!a.startsWith("[") && a.indexOf(':') != colon) || (a.startsWith("[") && colon < a.indexOf(']'))) {
            return "";
        }
        String p = a.substring(colon + 1);
        return p.chars().allMatch(Character::isDigit) && !p.isEmpty() ? p : "";
    }

    /** The host part of an address irtt prints as host:port or [v6]:port. */
    static String host(String address) {
        String a = address.trim();
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            return end > 0 ? a.substring(1, end) : a;
        }
        int colon = a.lastIndexOf(':');
        return colon > 0 && a.indexOf(':') == colon ? a.substring(0, colon) : a;
    }
}
