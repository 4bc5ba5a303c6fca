package org.smarttunnel.ingest.probe;

/**
 * Streams one run of one path into probes (METHOD section 1). Evidence (echo requests and
 * replies) is kept per probe number until no later packet can change the probe's fate, that
 * is until the capture clock passes its send time plus the reply timeout plus a little slack
 * for packets written slightly out of time order; then probes leave in order, so memory is
 * bounded by the timeout window whatever the capture size.
 *
 * <p>Send time of a probe, best first: its captured echo request; the sender's timestamp in
 * the reply payload; in a capture of replies only, the arrival of a reply that came in
 * order; otherwise interpolated by probe number between the neighbouring probes whose send
 * time is known. A probe is received when a reply came within the timeout of its send time.
 */
final class RunMatcher {
    static final long RESTART_GAP = 1024;

    private static final byte HAS_REQUEST = 1;
    private static final byte HAS_REPLY = 2;
    private static final byte IN_ORDER = 4;
    private static final byte HAS_PAYLOAD_TIME = 8;

    private final long timeoutNs;
    private final long slackNs;
    private final ProbeSink sink;
    private final MatchStats.Tally tally;
    private final SeqUnwrapper unwrapper = new SeqUnwrapper();
    private boolean hasRequests;
    private long lowestRequest = Long.MAX_VALUE;
    private long highestRequest = Long.MIN_VALUE;

    private long[] index = new long[64];
    private long[] requestNs = new long[64];
    /** Where each request's record is in the capture (-1: unknown). */
    private long[] requestAt = new long[64];
    private long[] replyNs = new long[64];
    private long[] payloadNs = new long[64];
    private byte[] flags = new byte[64];
    private int head;
    private int size;

    /** Whether the matcher's sweep list holds this run (kept by {@link EchoMatcher}). */
    boolean swept;

    private boolean started;
    private long next;
    private long prevAnchorIndex;
    private long prevAnchorNs = ProbeSink.NO_TIME;

    RunMatcher(long timeoutNs, long slackNs, ProbeSink sink, MatchStats.Tally tally) {
        this.timeoutNs = timeoutNs;
        this.slackNs = slackNs;
        this.sink = sink;
        this.tally = tally;
    }

    /**
     * Records an echo request whose record starts at byte {@code at} of the capture (-1:
     * unknown); false when it starts a new run (the caller opens one).
     */
    boolean request(int seq, long tNs, long at) {
        long u = unwrapper.candidateInOrder(seq);
        if (unwrapper.started() && isRestart(u, tNs)) {
            return false;
        }
        hasRequests = true;
        if (started && u < next) {
            tally.duplicateRequests++;
            return true;
        }
        unwrapper.accept(u, tNs);
        int p = slot(u);
        if ((flags[p] & HAS_REQUEST) != 0) {
            tally.duplicateRequests++;
            return true;
        }
        flags[p] |= HAS_REQUEST;
        requestNs[p] = tNs;
        requestAt[p] = at;
        lowestRequest = Math.min(lowestRequest, u);
        highestRequest = Math.max(highestRequest, u);
        tally.requests++;
        return true;
    }

    private boolean isRestart(long u, long tNs) {
        if (beyondGap(tNs)) {
            return true;
        }
        long hi = unwrapper.highest();
        if (u <= hi - RESTART_GAP) {
            return true;
        }
        double spacing = unwrapper.spacingNs();
        if (u > hi + 1 && !Double.isNaN(spacing)) {
            long plausible = Math.max(0, Math.round((tNs - unwrapper.highestNs()) / spacing));
            return u - hi > 2 * plausible + RESTART_GAP;
        }
        return false;
    }

    /** Records an echo reply; false when it starts a new run of a reply-only capture. */
    boolean reply(int seq, long tNs, long senderNs) {
        long u = unwrapper.candidate(seq, tNs);
        if (unwrapper.started() && beyondGap(tNs) || !hasRequests && unwrapper.started() && farFromExpected(u, tNs)) {
            return false;
        }
        if (hasRequests && stray(u)) {
            // a damaged number or stamp: taken as it is it would stretch the run over millions of probes
            tally.repliesWithoutRequest++;
            return true;
        }
        if (started && u < next) {
            tally.lateReplies++;
            return true;
        }
        boolean inOrder = !unwrapper.started() || u > unwrapper.highest();
        unwrapper.accept(u, tNs);
        int p = slot(u);
        if ((flags[p] & HAS_REPLY) != 0) {
            tally.duplicateReplies++;
            return true;
        }
        flags[p] |= HAS_REPLY;
        replyNs[p] = tNs;
        if (inOrder) {
            flags[p] |= IN_ORDER;
        }
        if (senderNs != ProbeSink.NO_TIME) {
            flags[p] |= HAS_PAYLOAD_TIME;
            payloadNs[p] = senderNs;
        }
        tally.replies++;
        return true;
    }

    /** A packet more than {@link SeqUnwrapper#GAP_LIMIT_NS} from the run's latest: a new run, never a gap of probes. */
    private boolean beyondGap(long tNs) {
        long last = unwrapper.highestNs();
        return tNs != ProbeSink.NO_TIME && last != ProbeSink.NO_TIME && Math.abs(tNs - last) > SeqUnwrapper.GAP_LIMIT_NS;
    }

    /**
     * A reply further from the run's requests than packets written out of order or replies
     * within the timeout can be: it answers no request of this capture.
     */
    private boolean stray(long u) {
        return u > highestRequest + window() || u < lowestRequest - window();
    }

    /** How many probes a reply may lie from where it is expected: the timeout and slack at the run's spacing. */
    private long window() {
        double spacing = unwrapper.spacingNs();
        return Double.isNaN(spacing) ? RESTART_GAP : Math.max(RESTART_GAP, Math.round(2 * (timeoutNs + slackNs)
                / spacing));
    }

    /** A reply-only run whose numbers jump where no outage or late reply can put them. */
    private boolean farFromExpected(long u, long tNs) {
        double spacing = unwrapper.spacingNs();
        if (Double.isNaN(spacing)) {
            return false;
        }
        return Math.abs(u - unwrapper.expected(tNs)) > window();
    }

    /** Emits every probe whose fate is sealed by {@code clockNs}; false once nothing is pending. */
    boolean settle(long clockNs) {
        emit(clockNs, false);
        return size > 0;
    }

    /** Whether probes are waiting for their fate. */
    boolean pending() {
        return size > 0;
    }

    /** End of input: emits everything still pending. */
    void flush() {
        emit(Long.MAX_VALUE, true);
    }

    private void emit(long clockNs, boolean all) {
        while (true) {
            if (!started) {
                if (size == 0) {
                    return;
                }
                // provisional until the first probe leaves: an earlier reply may still come
                next = index[head];
            }
            boolean hasEntry = size > 0 && index[head] == next;
            if (!hasEntry && size == 0) {
                return;
            }
            long own = hasEntry ? anchorNs(head) : ProbeSink.NO_TIME;
            int later = own == ProbeSink.NO_TIME ? nextAnchor(hasEntry ? 1 : 0) : -1;
            if (!all) {
                if (own == ProbeSink.NO_TIME && later < 0) {
                    return;
                }
                long settleAt = own != ProbeSink.NO_TIME ? own : anchorNs(later);
                if (clockNs - settleAt <= timeoutNs + slackNs) {
                    return;
                }
            }
            long sendNs = own != ProbeSink.NO_TIME ? own : estimateSend(later, hasEntry);
            emitOne(hasEntry, sendNs, own != ProbeSink.NO_TIME);
        }
    }

    private void emitOne(boolean hasEntry, long sendNs, boolean anchored) {
        boolean received = false;
        long rttNs = -1;
        if (hasEntry && (flags[head] & HAS_REPLY) != 0) {
            long delay = replyNs[head] - sendNs;
            received = delay <= timeoutNs;
            if (!received) {
                tally.lateReplies++;
            } else if ((flags[head] & (HAS_REQUEST | HAS_PAYLOAD_TIME)) != 0) {
                rttNs = Math.max(0, delay);
            }
            if (hasRequests && (flags[head] & HAS_REQUEST) == 0) {
                tally.repliesWithoutRequest++;
            }
        }
        if (hasEntry && (flags[head] & HAS_REQUEST) != 0 && requestAt[head] >= 0) {
            sink.atOffset(requestAt[head]);
        }
        sink.probe((int) (next & 0xFFFF), sendNs, !received, rttNs);
        started = true;
        if (anchored) {
            prevAnchorIndex = next;
            prevAnchorNs = sendNs;
        }
        if (hasEntry) {
            flags[head] = 0;
            head = (head + 1) & (index.length - 1);
            size--;
        }
        next++;
    }

    /**
     * Send time of a probe without its own: interpolated between the neighbouring probes whose
     * send time is known, or extrapolated from the nearest at the run's average spacing.
     */
    private long estimateSend(int later, boolean hasEntry) {
        double spacing = unwrapper.spacingNs();
        long step = Double.isNaN(spacing) ? 0 : Math.round(spacing);
        if (later >= 0) {
            long laterIndex = index[later];
            long laterNs = anchorNs(later);
            if (prevAnchorNs == ProbeSink.NO_TIME) {
                return Interpolate.step(laterIndex, laterNs, next, step);
            }
            return Interpolate.at(prevAnchorIndex, prevAnchorNs, laterIndex, laterNs, next);
        }
        if (prevAnchorNs != ProbeSink.NO_TIME) {
            return Interpolate.step(prevAnchorIndex, prevAnchorNs, next, step);
        }
        return hasEntry ? replyNs[head] : 0L;
    }

    /** Position of the first entry from {@code offset} on whose send time is known, or -1. */
    private int nextAnchor(int offset) {
        int mask = index.length - 1;
        for (int k = offset; k < size; k++) {
            int p = (head + k) & mask;
            if (anchorNs(p) != ProbeSink.NO_TIME) {
                return p;
            }
        }
        return -1;
    }

    private long anchorNs(int p) {
        byte f = flags[p];
        if ((f & HAS_REQUEST) != 0) {
            return requestNs[p];
        }
        if ((f & HAS_PAYLOAD_TIME) != 0) {
            return payloadNs[p];
        }
        if ((f & IN_ORDER) != 0 && !hasRequests) {
            return replyNs[p];
        }
        return ProbeSink.NO_TIME;
    }

    /** The ring position holding probe {@code u}, inserted in order if absent. */
    private int slot(long u) {
        int mask = index.length - 1;
        if (size == 0 || u > index[(head + size - 1) & mask]) {
            return append(u);
        }
        long offset = u - index[head];
        if (offset >= 0 && offset < size) {
            int direct = (head + (int) offset) & mask;
            if (index[direct] == u) {
                return direct;
            }
        }
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = index[(head + mid) & mask];
            if (v == u) {
                return (head + mid) & mask;
            }
            if (v < u) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        append(0);
        mask = index.length - 1;
        for (int k = size - 1; k > lo; k--) {
            move((head + k - 1) & mask, (head + k) & mask);
        }
        int p = (head + lo) & mask;
        index[p] = u;
        flags[p] = 0;
        return p;
    }

    private int append(long u) {
        if (size == index.length) {
            grow();
        }
        int p = (head + size) & (index.length - 1);
        index[p] = u;
        flags[p] = 0;
        size++;
        return p;
    }

    private void move(int from, int to) {
        index[to] = index[from];
        requestNs[to] = requestNs[from];
        requestAt[to] = requestAt[from];
        replyNs[to] = replyNs[from];
        payloadNs[to] = payloadNs[from];
        flags[to] = flags[from];
    }

    private void grow() {
        int n = index.length;
        long[] i2 = new long[n * 2];
        long[] q2 = new long[n * 2];
        long[] a2 = new long[n * 2];
        long[] r2 = new long[n * 2];
        long[] p2 = new long[n * 2];
        byte[] f2 = new byte[n * 2];
        for (int k = 0; k < size; k++) {
            int p = (head + k) & (n - 1);
            i2[k] = index[p];
            q2[k] = requestNs[p];
            a2[k] = requestAt[p];
            r2[k] = replyNs[p];
            p2[k] = payloadNs[p];
            f2[k] = flags[p];
        }
        index = i2;
        requestNs = q2;
        requestAt = a2;
        replyNs = r2;
        payloadNs = p2;
        flags = f2;
        head = 0;
    }
}
