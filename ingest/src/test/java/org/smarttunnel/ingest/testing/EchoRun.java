package org.smarttunnel.ingest.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.smarttunnel.ingest.trace.Probe;

/**
 * One ping run as it happened: per probe its send time and reply delay (-1: no reply).
 * Produces the echo packets a capture would hold and the probes an exact import must give.
 * Times are whole microseconds so that micro- and nanosecond captures agree.
 */
public final class EchoRun {
    public final int src;
    public final int dst;
    public final byte[] src6;
    public final byte[] dst6;
    public final int ident;
    public final int firstSeq;
    public final long[] sendNs;
    public final long[] delayNs;

    /** A packet of the run: time, request or reply, 16-bit sequence, ICMP message bytes. */
    public record Event(long tNs, boolean request, int probe, int seq, EchoRun run) {
    }

    public EchoRun(int src, int dst, int ident, int firstSeq, long[] sendNs, long[] delayNs) {
        this(src, dst, null, null, ident, firstSeq, sendNs, delayNs);
    }

    private EchoRun(int src, int dst, byte[] src6, byte[] dst6, int ident, int firstSeq, long[] sendNs,
            long[] delayNs) {
        this.src = src;
        this.dst = dst;
        this.src6 = src6;
        this.dst6 = dst6;
        this.ident = ident;
        this.firstSeq = firstSeq;
        this.sendNs = sendNs;
        this.delayNs = delayNs;
    }

    public EchoRun asIpv6(byte[] s, byte[] d) {
        return new EchoRun(src, dst, s, d, ident, firstSeq, sendNs, delayNs);
    }

    public boolean ipv6() {
        return src6 != null;
    }

    /** {@code n} probes every {@code spacingNs}; losses from a two-state Gilbert chain; delays 20-40 ms. */
    public static EchoRun gilbert(int src, int dst, int ident, int firstSeq, int n, long t0, long spacingNs,
            double pGoodToBad, double pBadToGood, long seed) {
        Random r = new Random(seed);
        long[] send = new long[n];
        long[] delay = new long[n];
        boolean bad = false;
        for (int i = 0; i < n; i++) {
            send[i] = t0 + i * spacingNs;
            bad = bad ? r.nextDouble() >= pBadToGood : r.nextDouble() < pGoodToBad;
            delay[i] = bad ? -1 : (20_000 + r.nextInt(20_000)) * 1000L;
        }
        return new EchoRun(src, dst, ident, firstSeq, send, delay);
    }

    public int seq(int probe) {
        return (firstSeq + probe) & 0xFFFF;
    }

    public int size() {
        return sendNs.length;
    }

    /** The packets, requests (if captured) and replies, in capture order. */
    public List<Event> events(boolean requests) {
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < sendNs.length; i++) {
            if (requests) {
                out.add(new Event(sendNs[i], true, i, seq(i), this));
            }
            if (delayNs[i] >= 0) {
                out.add(new Event(sendNs[i] + delayNs[i], false, i, seq(i), this));
            }
        }
        out.sort(Comparator.comparingLong(Event::tNs));
        return out;
    }

    /** Several runs' packets merged in time order. */
    public static List<Event> merge(boolean requests, EchoRun... runs) {
        List<Event> all = new ArrayList<>();
        for (EchoRun r : runs) {
            all.addAll(r.events(requests));
        }
        all.sort(Comparator.comparingLong(Event::tNs));
        return all;
    }

    /** What an exact import of a request+reply capture gives, with the reply timeout. */
    public List<Probe> expected(long timeoutNs) {
        List<Probe> out = new ArrayList<>();
        for (int i = 0; i < sendNs.length; i++) {
            boolean received = delayNs[i] >= 0 && delayNs[i] <= timeoutNs;
            out.add(new Probe(i, seq(i), sendNs[i] / 1000, !received,
                    received ? (int) (delayNs[i] / 1000) : Probe.NO_RTT));
        }
        return out;
    }

    /**
     * What a reply-only capture with sender timestamps gives: the run from the first to the
     * last received probe.
     */
    public List<Probe> expectedReplyOnly(long timeoutNs) {
        int first = 0;
        while (delayNs[first] < 0) {
            first++;
        }
        int last = sendNs.length - 1;
        while (delayNs[last] < 0) {
            last--;
        }
        List<Probe> out = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            boolean received = delayNs[i] >= 0 && delayNs[i] <= timeoutNs;
            out.add(new Probe(i - first, seq(i), sendNs[i] / 1000, !received,
                    received ? (int) (delayNs[i] / 1000) : Probe.NO_RTT));
        }
        return out;
    }
}
