package org.smarttunnel.ingest.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * Matches the echo packets of one capture into runs, one per (prober, target, identifier)
 * and restart (METHOD section 1). Packets arrive in capture order; every 100 ms of capture
 * time all runs release the probes whose fate is sealed.
 */
public final class EchoMatcher {
    /** Slack for packets written slightly out of time order (several pcapng interfaces). */
    public static final long SLACK_NS = 1_000_000_000L;
    private static final long SWEEP_NS = 100_000_000L;

    /** Opens the sink of a new run; {@code part} counts restarts of the same key from 0. */
    public interface RunListener {
        ProbeSink open(RunKey key, int part);
    }

    private final long timeoutNs;
    private final RunListener listener;
    private final MatchStats.Tally tally = new MatchStats.Tally();
    private final List<RunMatcher> runs = new ArrayList<>();
    /** Runs with probes pending: only these are swept, however many runs the capture held. */
    private List<RunMatcher> active = new ArrayList<>();
    private final RunTable table = new RunTable();
    private long clockNs = Long.MIN_VALUE;
    private long nextSweepNs = Long.MIN_VALUE;

    public EchoMatcher(long timeoutNs, RunListener listener) {
        if (timeoutNs < 0) {
            throw new IllegalArgumentException("reply timeout must not be negative");
        }
        this.timeoutNs = timeoutNs;
        this.listener = listener;
    }

    /**
     * One echo packet. For a request the prober is the source; for a reply, the destination.
     * {@code senderNs} is the sender's timestamp found in a reply's payload, or
     * {@link ProbeSink#NO_TIME}.
     */
    public void echo(long tNs, boolean request, long proberHi, long proberLo, long targetHi, long targetLo,
            int ident, int seq, long senderNs) {
        // the capture's first packet has no clock to agree with: it waits for the next, and when
        // the two are more than an hour apart, for a third, which says which of them was wrong
        if (clockNs == Long.MIN_VALUE) {
            Held now = new Held(tNs, request, proberHi, proberLo, targetHi, targetLo, ident, seq, senderNs, position);
            opening.add(now);
            if (opening.size() == 2 && far(opening.get(0), opening.get(1))) {
                return;
            }
            if (opening.size() == 3) {
                Held a = opening.get(0);
                Held b = opening.get(1);
                if (!far(b, now)) {
                    tally.outlier(a.position);
                    opening.remove(0);
                } else if (!far(a, now)) {
                    tally.outlier(b.position);
                    opening.remove(1);
                }
            }
            if (opening.size() >= 2) {
                List<Held> start = new ArrayList<>(opening);
                opening.clear();
                for (Held h : start) {
                    match(h.tNs, h.request, h.proberHi, h.proberLo, h.targetHi, h.targetLo, h.ident, h.seq, h.senderNs,
                            h.position);
                }
            }
            return;
        }
        // a packet stamped more than an hour from the capture's clock waits for the next one: if
        // that one agrees with the clock, the stamp was wrong and the packet is skipped
        if (held != null) {
            Held h = held;
            held = null;
            if (Math.abs(tNs - h.tNs) > SeqUnwrapper.GAP_LIMIT_NS && Math.abs(tNs - clockNs) <= SeqUnwrapper.GAP_LIMIT_NS) {
                tally.outlier(h.position);
            } else {
                match(h.tNs, h.request, h.proberHi, h.proberLo, h.targetHi, h.targetLo, h.ident, h.seq, h.senderNs,
                        h.position);
            }
        }
        if (clockNs != Long.MIN_VALUE && Math.abs(tNs - clockNs) > SeqUnwrapper.GAP_LIMIT_NS) {
            held = new Held(tNs, request, proberHi, proberLo, targetHi, targetLo, ident, seq, senderNs, position);
            return;
        }
        match(tNs, request, proberHi, proberLo, targetHi, targetLo, ident, seq, senderNs, position);
    }

    /** A packet whose stamp is in doubt until the next one comes. */
    private record Held(long tNs, boolean request, long proberHi, long proberLo, long targetHi, long targetLo,
            int ident, int seq, long senderNs, long position) {
    }

    /** Where the next packet is in its file (-1: unknown), for the message about a skipped stamp. */
    private long position = -1;

    /** The next packet's record starts at {@code offset} of its file. */
    public void at(long offset) {
        position = offset;
    }

    private Held held;
    /** The capture's first packets while they disagree with each other (at most three). */
    private final List<Held> opening = new ArrayList<>();

    private static boolean far(Held a, Held b) {
        return Math.abs(a.tNs - b.tNs) > SeqUnwrapper.GAP_LIMIT_NS;
    }

    private void match(long tNs, boolean request, long proberHi, long proberLo, long targetHi, long targetLo,
            int ident, int seq, long senderNs, long at) {
        int slot = table.find(proberHi, proberLo, targetHi, targetLo, ident);
        RunMatcher run = slot >= 0 ? runs.get(table.value(slot)) : null;
        if (run == null) {
            run = open(proberHi, proberLo, targetHi, targetLo, ident, 0);
        }
        boolean kept = request ? run.request(seq, tNs, at) : run.reply(seq, tNs, senderNs);
        if (!kept) {
            tally.restarts++;
            run.flush();
            run = open(proberHi, proberLo, targetHi, targetLo, ident, table.parts(slot) + 1);
            if (request) {
                run.request(seq, tNs, at);
            } else {
                run.reply(seq, tNs, senderNs);
            }
        }
        if (!run.swept && run.pending()) {
            run.swept = true;
            active.add(run);
        }
        if (tNs > clockNs) {
            clockNs = tNs;
        }
        if (clockNs >= nextSweepNs) {
            sweep();
            nextSweepNs = clockNs + SWEEP_NS;
        }
    }

    private void sweep() {
        List<RunMatcher> still = new ArrayList<>(active.size());
        for (RunMatcher r : active) {
            if (r.settle(clockNs)) {
                still.add(r);
            } else {
                r.swept = false;
            }
        }
        active = still;
    }

    private RunMatcher open(long ph, long pl, long th, long tl, int ident, int part) {
        RunKey key = new RunKey(new Address(ph, pl), new Address(th, tl), ident);
        RunMatcher run = new RunMatcher(timeoutNs, SLACK_NS, listener.open(key, part), tally);
        runs.add(run);
        table.put(ph, pl, th, tl, ident, runs.size() - 1, part);
        return run;
    }

    /** End of input: every run releases all its probes. */
    public void finish() {
        List<Held> start = new ArrayList<>(opening);
        opening.clear();
        for (Held h : start) {
            match(h.tNs, h.request, h.proberHi, h.proberLo, h.targetHi, h.targetLo, h.ident, h.seq, h.senderNs,
                    h.position);
        }
        if (held != null) {
            Held h = held;
            held = null;
            match(h.tNs, h.request, h.proberHi, h.proberLo, h.targetHi, h.targetLo, h.ident, h.seq, h.senderNs,
                    h.position);
        }
        for (RunMatcher r : runs) {
            r.flush();
        }
    }

    public MatchStats stats() {
        return tally.snapshot();
    }

    /** Open addressing from a run key to the position of its current run. */
    private static final class RunTable {
        private long[] keys = new long[4 * 64];
        private int[] idents = new int[64];
        private int[] values = new int[64];
        private int[] parts = new int[64];
        private int count;

        int find(long a, long b, long c, long d, int ident) {
            int mask = idents.length - 1;
            for (int s = hash(a, b, c, d, ident) & mask; ; s = (s + 1) & mask) {
                if (values[s] == 0) {
                    return -1;
                }
                int k = 4 * s;
                if (keys[k] == a && keys[k + 1] == b && keys[k + 2] == c && keys[k + 3] == d && idents[s] == ident) {
                    return s;
                }
            }
        }

        int value(int slot) {
            return values[slot] - 1;
        }

        int parts(int slot) {
            return slot >= 0 ? parts[slot] : 0;
        }

        void put(long a, long b, long c, long d, int ident, int value, int part) {
            int s = find(a, b, c, d, ident);
            if (s < 0) {
                if (2 * (count + 1) > idents.length) {
                    rehash();
                }
                int mask = idents.length - 1;
                s = hash(a, b, c, d, ident) & mask;
                while (values[s] != 0) {
                    s = (s + 1) & mask;
                }
                count++;
            }
            int k = 4 * s;
            keys[k] = a;
            keys[k + 1] = b;
            keys[k + 2] = c;
            keys[k + 3] = d;
            idents[s] = ident;
            values[s] = value + 1;
            parts[s] = part;
        }

        private void rehash() {
            long[] oldKeys = keys;
            int[] oldIdents = idents;
            int[] oldValues = values;
            int[] oldParts = parts;
            int n = idents.length * 2;
            keys = new long[4 * n];
            idents = new int[n];
            values = new int[n];
            parts = new int[n];
            count = 0;
            for (int s = 0; s < oldIdents.length; s++) {
                if (oldValues[s] != 0) {
                    int k = 4 * s;
                    put(oldKeys[k], oldKeys[k + 1], oldKeys[k + 2], oldKeys[k + 3], oldIdents[s], oldValues[s] - 1,
                            oldParts[s]);
                }
            }
        }

        private static int hash(long a, long b, long c, long d, int ident) {
            long h = a * 0x9E3779B97F4A7C15L;
            h = (h ^ b) * 0x9E3779B97F4A7C15L;
            h = (h ^ c) * 0x9E3779B97F4A7C15L;
            h = (h ^ d) * 0x9E3779B97F4A7C15L;
            h = (h ^ ident) * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
