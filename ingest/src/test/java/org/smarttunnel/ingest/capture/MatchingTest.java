package org.smarttunnel.ingest.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smarttunnel.ingest.testing.ProbeAssert.assertProbes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.ingest.testing.CaptureFile;
import org.smarttunnel.ingest.testing.EchoRun;
import org.smarttunnel.ingest.testing.Frames;
import org.smarttunnel.ingest.testing.InMemoryImport;
import org.smarttunnel.ingest.testing.Packets;
import org.smarttunnel.ingest.trace.Probe;
import org.smarttunnel.ingest.trace.Trace;

/** Probe matching (METHOD section 1) on captures whose every packet is known. */
class MatchingTest {
    static final long MS = 1_000_000L;
    static final long S = 1_000_000_000L;
    static final long T0 = 1_726_122_373L * S;
    static final int A = Packets.v4("10.0.0.1");
    static final int B = Packets.v4("192.0.2.7");

    @TempDir
    Path dir;

    private InMemoryImport read(List<long[]> packets) {
        CaptureFile.Pcap pcap = new CaptureFile.Pcap(1, false, true);
        for (long[] p : packets) {
            boolean request = p[1] == 1;
            byte[] icmp = Packets.echo(request ? 8 : 0, 77, (int) p[2], Packets.zeros(56));
            byte[] ip = request ? Packets.ipv4(A, B, 1, icmp) : Packets.ipv4(B, A, 1, icmp);
            pcap.packet(p[0], Packets.ethernet(Packets.ETH_IPV4, ip));
        }
        return InMemoryImport.capture(CaptureFile.write(dir.resolve("t.pcap"), pcap.toBytes(), false),
                CaptureReader.FAST, 2 * S);
    }

    private static long[] req(long t, int seq) {
        return new long[] {t, 1, seq};
    }

    private static long[] rep(long t, int seq) {
        return new long[] {t, 0, seq};
    }

    @Test
    void handWorkedRequestReplyCapture() {
        // seq 1..5 every second. 1: normal. 2: reply twice. 3: no reply. 4: reply after 5's
        // reply (reordered, within the timeout). 5: reply after 2.5 s (beyond the 2 s timeout).
        InMemoryImport r = read(List.of(
                req(T0, 1), rep(T0 + 30 * MS, 1),
                req(T0 + S, 2), rep(T0 + S + 31 * MS, 2), rep(T0 + S + 32 * MS, 2),
                req(T0 + 2 * S, 3),
                req(T0 + 3 * S, 4),
                req(T0 + 4 * S, 5),
                rep(T0 + 4 * S + 500 * MS, 4),
                rep(T0 + 6 * S + 500 * MS, 5)));
        assertEquals(1, r.traces.size());
        Trace t = r.traces.get(0);
        long us = T0 / 1000;
        assertEquals(List.of(
                new Probe(0, 1, us, false, 30_000),
                new Probe(1, 2, us + 1_000_000, false, 31_000),
                new Probe(2, 3, us + 2_000_000, true, Probe.NO_RTT),
                new Probe(3, 4, us + 3_000_000, false, 1_500_000),
                new Probe(4, 5, us + 4_000_000, true, Probe.NO_RTT)), InMemoryImport.probes(t));
        assertEquals(1, r.ingest.matchStats().duplicateReplies());
        assertEquals(1, r.ingest.matchStats().lateReplies());
    }

    @Test
    void duplicatedRequestsCountOnce() {
        // tcpdump -i any sees a request on two interfaces
        InMemoryImport r = read(List.of(req(T0, 9), req(T0 + 5_000, 9), rep(T0 + 20 * MS, 9),
                req(T0 + S, 10), req(T0 + S + 5_000, 10), rep(T0 + S + 20 * MS, 10)));
        assertEquals(2, r.traces.get(0).size());
        assertEquals(2, r.ingest.matchStats().duplicateRequests());
        assertEquals(0, r.traces.get(0).loss().lossCount());
    }

    @Test
    void sequenceUnwrapsAcross200000ProbesAt2ms() {
        EchoRun run = EchoRun.gilbert(A, B, 4660, 65_000, 200_000, T0, 2 * MS, 0.01, 0.3, 1);
        CaptureFile.Pcap pcap = new CaptureFile.Pcap(1, false, false);
        for (EchoRun.Event e : run.events(true)) {
            pcap.packet(e.tNs(), Frames.ethernet(false).apply(e));
        }
        InMemoryImport r = InMemoryImport.capture(CaptureFile.write(dir.resolve("w.pcap"), pcap.toBytes(), false),
                CaptureReader.FAST, 2 * S);
        assertEquals(1, r.traces.size());
        assertProbes(run.expected(2 * S), r.traces.get(0));
        assertEquals(0, r.ingest.matchStats().restarts());
    }

    @Test
    void replyOnlyCaptureWithSenderTimestamps() {
        EchoRun run = EchoRun.gilbert(A, B, 99, 0, 30_000, T0, 2 * MS, 0.02, 0.25, 2);
        CaptureFile.Pcap pcap = new CaptureFile.Pcap(1, true, true);
        for (EchoRun.Event e : run.events(false)) {
            pcap.packet(e.tNs(), Frames.ethernet(true).apply(e));
        }
        InMemoryImport r = InMemoryImport.capture(CaptureFile.write(dir.resolve("r.pcap"), pcap.toBytes(), false),
                CaptureReader.FAST, 2 * S);
        assertProbes(run.expectedReplyOnly(2 * S), r.traces.get(0));
    }

    @Test
    void replyOnlyCaptureWithoutTimestampsInterpolatesMissingAndReorderedProbes() {
        // probes every 10 ms answered after 5 ms; seq 2 lost; seq 4's reply comes after seq 5's
        InMemoryImport r = read(List.of(
                rep(T0 + 5 * MS, 0), rep(T0 + 15 * MS, 1), rep(T0 + 35 * MS, 3), rep(T0 + 55 * MS, 5),
                rep(T0 + 56 * MS, 4), rep(T0 + 65 * MS, 6)));
        long us = T0 / 1000;
        assertEquals(List.of(
                new Probe(0, 0, us + 5_000, false, Probe.NO_RTT),
                new Probe(1, 1, us + 15_000, false, Probe.NO_RTT),
                new Probe(2, 2, us + 25_000, true, Probe.NO_RTT),
                new Probe(3, 3, us + 35_000, false, Probe.NO_RTT),
                new Probe(4, 4, us + 45_000, false, Probe.NO_RTT),
                new Probe(5, 5, us + 55_000, false, Probe.NO_RTT),
                new Probe(6, 6, us + 65_000, false, Probe.NO_RTT)), InMemoryImport.probes(r.traces.get(0)));
    }

    @Test
    void replyOnlyCaptureWhoseFirstRepliesArriveSwappedStartsAtTheEarlierProbe() {
        // probe 1's reply overtakes probe 0's: the trace still starts at probe 0
        InMemoryImport r = read(List.of(rep(T0 + 7 * MS, 1), rep(T0 + 9 * MS, 0), rep(T0 + 25 * MS, 2)));
        assertEquals(0, r.ingest.matchStats().lateReplies());
        assertEquals("000", r.traces.get(0).loss().toString());
        assertEquals(0, r.traces.get(0).seq(0));
    }

    @Test
    void replyOnlyOutageLongerThanTheSequenceRangeIsResolvedByTime() {
        // 2 ms probing; replies stop for 150,000 probes (300 s, more than 2^16 probes)
        int n = 200_000;
        long[] send = new long[n];
        long[] delay = new long[n];
        for (int i = 0; i < n; i++) {
            send[i] = T0 + i * 2 * MS;
            delay[i] = i >= 20_000 && i < 170_000 ? -1 : 25 * MS;
        }
        EchoRun run = new EchoRun(A, B, 5, 100, send, delay);
        CaptureFile.Pcap pcap = new CaptureFile.Pcap(101, false, false);
        for (EchoRun.Event e : run.events(false)) {
            pcap.packet(e.tNs(), Frames.raw(true).apply(e));
        }
        InMemoryImport r = InMemoryImport.capture(CaptureFile.write(dir.resolve("o.pcap"), pcap.toBytes(), false),
                CaptureReader.FAST, 2 * S);
        assertEquals(1, r.traces.size());
        assertProbes(run.expectedReplyOnly(2 * S), r.traces.get(0));
    }

    @Test
    void interleavedPathsAndIdentifiersBecomeSeparateTraces() {
        EchoRun a = EchoRun.gilbert(A, B, 1, 0, 5_000, T0, 2 * MS, 0.01, 0.3, 3);
        EchoRun b = EchoRun.gilbert(A, Packets.v4("198.51.100.9"), 1, 0, 5_000, T0 + 700_000, 2 * MS, 0.05, 0.2, 4);
        EchoRun c = EchoRun.gilbert(A, B, 2, 30, 4_000, T0 + 1_300_000, 2 * MS, 0.02, 0.5, 5);
        EchoRun d = EchoRun.gilbert(A, B, 3, 0, 3_000, T0 + 100_000, 2 * MS, 0.02, 0.5, 6)
                .asIpv6(Packets.v6("2001:db8:0:0:0:0:0:1"), Packets.v6("2001:db8:0:0:0:0:0:2"));
        CaptureFile.Pcap pcap = new CaptureFile.Pcap(1, false, false);
        for (EchoRun.Event e : EchoRun.merge(true, a, b, c, d)) {
            pcap.packet(e.tNs(), Frames.ethernet(false).apply(e));
        }
        InMemoryImport r = InMemoryImport.capture(CaptureFile.write(dir.resolve("m.pcap"), pcap.toBytes(), false),
                CaptureReader.FAST, 2 * S);
        List<String> ids = new ArrayList<>();
        r.traces.forEach(t -> ids.add(t.id()));
        assertEquals(List.of("10.0.0.1>192.0.2.7#1", "10.0.0.1>192.0.2.7#2", "10.0.0.1>198.51.100.9#1",
                "2001:db8::1>2001:db8::2#3"), ids.stream().sorted().toList());
        for (Trace t : r.traces) {
            EchoRun expected = t.id().endsWith("#2") ? c
                    : t.id().endsWith("#3") ? d : t.info().dst().equals("192.0.2.7") ? a : b;
            assertProbes(expected.expected(2 * S), t);
        }
        assertEquals("2001:db8::1", r.traces.stream().filter(t -> t.id().endsWith("#3")).findFirst().get()
                .info().src());
    }

    @Test
    void pingRestartedUnderTheSameIdentifierStartsANewTrace() {
        List<long[]> packets = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            packets.add(req(T0 + i * 10 * MS, 1 + i));
            packets.add(rep(T0 + i * 10 * MS + MS, 1 + i));
        }
        long t1 = T0 + 40 * S;
        for (int i = 0; i < 100; i++) {
            packets.add(req(t1 + i * 10 * MS, 1 + i));
            packets.add(rep(t1 + i * 10 * MS + MS, 1 + i));
        }
        InMemoryImport r = read(packets);
        assertEquals(2, r.traces.size());
        assertEquals(3000, r.traces.get(0).size());
        assertEquals(100, r.traces.get(1).size());
        assertEquals(1, r.ingest.matchStats().restarts());
    }
}
