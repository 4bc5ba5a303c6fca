package org.smarttunnel.ingest.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarttunnel.ingest.testing.Fixtures.MS;
import static org.smarttunnel.ingest.testing.Fixtures.S;
import static org.smarttunnel.ingest.testing.Fixtures.T0;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.ingest.Diagnostic;
import org.smarttunnel.ingest.testing.Bytes;
import org.smarttunnel.ingest.testing.CaptureFile;
import org.smarttunnel.ingest.testing.EchoRun;
import org.smarttunnel.ingest.testing.Frames;
import org.smarttunnel.ingest.testing.InMemoryImport;
import org.smarttunnel.ingest.testing.Libpcap;
import org.smarttunnel.ingest.testing.Packets;
import org.smarttunnel.ingest.testing.ProbeAssert;

/** Damaged captures: one clear message naming file and offset, earlier probes kept. */
class CaptureErrorsTest {
    static final int A = Packets.v4("10.0.0.1");
    static final int B = Packets.v4("192.0.2.7");

    @TempDir
    Path dir;

    private final EchoRun run = EchoRun.gilbert(A, B, 7, 0, 500, T0, 2 * MS, 0.02, 0.3, 7);

    private CaptureFile.Pcap goodPcap() {
        CaptureFile.Pcap p = new CaptureFile.Pcap(1, false, false);
        for (EchoRun.Event e : run.events(true)) {
            p.packet(e.tNs(), Frames.ethernet(false).apply(e));
        }
        return p;
    }

    private InMemoryImport read(String name, byte[] content, CaptureReader reader) {
        return InMemoryImport.capture(CaptureFile.write(dir.resolve(name), content, false), reader, 2 * S);
    }

    @Test
    void truncatedLastRecordWarnsWithOffsetAndKeepsEverythingBefore() {
        byte[] good = goodPcap().toBytes();
        byte[] bad = Packets.concat(good, Bytes.be().u32(0).u32(0).toArray());
        byte[] cut = new Bytes(false).u32(T0 / S + 100).u32(0).u32(98).u32(98).zeros(40).toArray();
        InMemoryImport r = read("cut.pcap", Packets.concat(good, cut), CaptureReader.FAST);
        assertNull(r.error);
        assertEquals(List.of(Diagnostic.warningAtOffset("cut.pcap", good.length,
                "truncated last record (56 of 114 bytes); the packets before it are kept")), r.diagnostics);
        ProbeAssert.assertProbes(run.expected(2 * S), r.traces.get(0));
        InMemoryImport header = read("cut-header.pcap", bad, CaptureReader.FAST);
        assertEquals("offset " + good.length, header.diagnostics.get(0).where());
        ProbeAssert.assertProbes(run.expected(2 * S), header.traces.get(0));
    }

    @Test
    void truncatedCaptureKeepsEarlierProbesWithTheReferenceReaderToo() {
        Libpcap.require();
        byte[] good = goodPcap().toBytes();
        byte[] cut = new Bytes(false).u32(T0 / S + 100).u32(0).u32(98).u32(98).zeros(40).toArray();
        InMemoryImport r = read("cut.pcap", Packets.concat(good, cut), CaptureReader.PCAP4J);
        assertNull(r.error);
        assertEquals(1, r.diagnostics.size());
        assertTrue(r.diagnostics.get(0).message().contains("the packets before it are kept"), r.diagnostics::toString);
        ProbeAssert.assertProbes(run.expected(2 * S), r.traces.get(0));
    }

    @Test
    void wrongMagicIsAnErrorAtOffsetZero() {
        InMemoryImport r = read("notes.pcap", "hello, this is text".getBytes(StandardCharsets.US_ASCII),
                CaptureReader.FAST);
        assertNotNull(r.error);
        assertEquals("notes.pcap: offset 0: not a pcap or pcapng capture (magic 0x68656c6c)", r.error.getMessage());
        assertTrue(r.traces.isEmpty());
    }

    @Test
    void impossibleRecordLengthIsAnErrorAtItsOffsetAndEarlierProbesStay() {
        CaptureFile.Pcap p = new CaptureFile.Pcap(1, true, false);
        List<EchoRun.Event> events = run.events(true);
        for (int i = 0; i < 300; i++) {
            p.packet(events.get(i).tNs(), Frames.ethernet(false).apply(events.get(i)));
        }
        int offset = p.toBytes().length;
        p.rawRecord(T0 + 10 * S, 0xFFFFFF00L, new byte[64]);
        InMemoryImport r = read("huge.pcap", p.toBytes(), CaptureReader.FAST);
        assertNotNull(r.error);
        assertEquals("huge.pcap: offset " + offset
                + ": record claims 4294967040 captured bytes, more than the 262144 any capture holds",
                r.error.getMessage());
        assertEquals(1, r.traces.size());
        assertTrue(r.traces.get(0).size() > 100, "probes before the damage are kept");
    }

    @Test
    void unknownLinkTypeIsAnErrorNamingIt() {
        CaptureFile.Pcap p = new CaptureFile.Pcap(147, false, false).packet(T0, new byte[40]);
        InMemoryImport r = read("user0.pcap", p.toBytes(), CaptureReader.FAST);
        assertEquals("user0.pcap: offset 20: unknown link type 147", r.error.getMessage());
    }

    @Test
    void pcapngInterfaceOfUnknownLinkTypeIsSkippedOthersKept() {
        CaptureFile.Pcapng p = new CaptureFile.Pcapng(false);
        p.iface(1, -1, 0);
        int idbOffset = p.toBytes().length;
        p.iface(147, -1, 0);
        for (EchoRun.Event e : run.events(true)) {
            p.packet(0, e.tNs(), Frames.ethernet(false).apply(e));
            p.packet(1, e.tNs(), new byte[30]);
        }
        InMemoryImport r = read("two.pcapng", p.toBytes(), CaptureReader.FAST);
        assertNull(r.error);
        assertEquals(List.of(new Diagnostic(Diagnostic.Severity.ERROR, "two.pcapng", "offset " + idbOffset,
                "unknown link type 147 on interface 1; its packets are skipped")), r.diagnostics);
        ProbeAssert.assertProbes(run.expected(2 * S), r.traces.get(0));
        assertEquals(run.events(true).size(), r.ingest.captureStats().skipped());
    }

    @Test
    void pcapngDamageIsReportedAtTheBlock() {
        CaptureFile.Pcapng p = new CaptureFile.Pcapng(true).iface(1, -1, 0);
        int at = p.toBytes().length;
        byte[] mismatch = Packets.concat(p.toBytes(), Bytes.be().u32(6).u32(40).zeros(28).u32(44).toArray());
        InMemoryImport r = read("mismatch.pcapng", mismatch, CaptureReader.FAST);
        assertEquals("mismatch.pcapng: offset " + at + ": block length 40 does not match its trailing copy 44",
                r.error.getMessage());
        byte[] huge = Packets.concat(p.toBytes(), Bytes.be().u32(6).u32(0x7FFFFFF0L).zeros(64).toArray());
        InMemoryImport h = read("huge.pcapng", huge, CaptureReader.FAST);
        assertEquals("huge.pcapng: offset " + at + ": impossible block length 2147483632", h.error.getMessage());
        byte[] noShb = Bytes.be().u32(1).u32(20).zeros(8).u32(20).toArray();
        InMemoryImport n = read("headless.pcapng", Packets.concat(new byte[] {0x0A, 0x0D, 0x0D, 0x0A}, noShb),
                CaptureReader.FAST);
        assertEquals("headless.pcapng: offset 8: section header has byte-order magic 0x14000000, not 0x1a2b3c4d",
                n.error.getMessage());
    }

    @Test
    void emptyAndTinyFilesAreErrors() {
        assertEquals("empty.pcap: offset 0: not a pcap or pcapng capture (magic none: the file is empty)",
                read("empty.pcap", new byte[0], CaptureReader.FAST).error.getMessage());
        byte[] header = new Bytes(false).u32(0xA1B2C3D4L).u16(2).toArray();
        assertEquals("short.pcap: offset 6: file ends inside the pcap file header (6 of 24 bytes)",
                read("short.pcap", header, CaptureReader.FAST).error.getMessage());
    }

    /**
     * One packet stamped in 2038 or at 0 among packets that agree is skipped (it made 12 GB of
     * probes, or 11 M empty intervals); a jump that lasts starts a new run instead of a gap of
     * millions of probes.
     */
    @Test
    void outlierStampsAreSkippedAndLastingJumpsStartANewRun() {
        List<EchoRun.Event> events = run.events(true);
        for (int at : new int[] {300, 0, 1}) {
            for (long wrong : new long[] {2_147_000_000L * S, 0, S}) {
                checkOutlier(events, at, wrong);
            }
        }
        CaptureFile.Pcap p = new CaptureFile.Pcap(1, false, false);
        long year = 365L * 24 * 3600 * S;
        for (int i = 0; i < events.size(); i++) {
            EchoRun.Event e = events.get(i);
            p.packet(i >= 300 ? e.tNs() + year : e.tNs(), Frames.ethernet(false).apply(e));
        }
        InMemoryImport r = read("jump.pcap", p.toBytes(), CaptureReader.FAST);
        assertNull(r.error);
        assertEquals(2, r.traces.size(), "the run splits at the jump");
        // the probes in flight at the jump show in both parts; none are made up for the year between
        assertTrue(r.traces.get(0).size() + r.traces.get(1).size() < 550, "no probes across the year: "
                + r.traces.get(0).size() + " + " + r.traces.get(1).size());
    }

    /** Packet {@code at} (the first, the second or one in the middle) stamped {@code wrong}: skipped, nothing made up. */
    private void checkOutlier(List<EchoRun.Event> events, int at, long wrong) {
        CaptureFile.Pcap p = new CaptureFile.Pcap(1, false, false);
        long offset = 24; // the record of packet at: after the file header and the records before it
        for (int i = 0; i < events.size(); i++) {
            EchoRun.Event e = events.get(i);
            byte[] frame = Frames.ethernet(false).apply(e);
            p.packet(i == at ? wrong : e.tNs(), frame);
            offset += i < at ? 16 + frame.length : 0;
        }
        InMemoryImport r = read("outlier.pcap", p.toBytes(), CaptureReader.FAST);
        assertNull(r.error);
        assertEquals(1, r.traces.size(), "no trace for the outlier at " + at);
        assertEquals(1, r.ingest.matchStats().outlierStamps(), "at " + at);
        assertEquals(offset, r.ingest.matchStats().firstOutlierOffset(), "the message says where it is");
        assertTrue(r.traces.get(0).size() <= 501, "no probes made up: " + r.traces.get(0).size());
    }

    /**
     * Found by the long fuzzing run: a reply whose number was damaged to 32768 and one stamped
     * 654 s early stretched a 12-probe run over hundreds of millions of probes (4 GB of trace
     * in 16 s). A reply that answers no request of the run is counted and left out.
     */
    @Test
    void repliesFarFromEveryRequestDoNotStretchTheRun() {
        EchoRun twelve = EchoRun.gilbert(A, B, 7, 0, 12, T0, 2 * MS, 0, 1, 1);
        CaptureFile.Pcap p = new CaptureFile.Pcap(1, false, false);
        for (EchoRun.Event e : twelve.events(true)) {
            if (e.request()) {
                p.packet(e.tNs(), Frames.ethernet(false).apply(e));
            }
        }
        p.packet(T0 + 29 * MS, Frames.ethernet(false).apply(new EchoRun.Event(T0 + 29 * MS, false, 0, 32768, twelve)));
        p.packet(T0 - 654 * S, Frames.ethernet(false).apply(new EchoRun.Event(T0 - 654 * S, false, 6, 6, twelve)));
        InMemoryImport r = read("stray.pcap", p.toBytes(), CaptureReader.FAST);
        assertNull(r.error);
        assertEquals(1, r.traces.size());
        assertEquals(12, r.traces.get(0).size());
    }

    /** Ethernet frames declared as radiotap are refused by the header check, never handed to pcap4j. */
    @Test
    void framesThatAreNotRadiotapAreNotDecodedAsIt() {
        Pcap4jDecoder d = new Pcap4jDecoder(new EchoPacket());
        byte[] ethernet = Frames.ethernet(false).apply(run.events(true).get(0));
        ethernet[0] = 0x02; // a locally administered MAC: not radiotap's version 0
        assertEquals(Decoded.NOT_IP, d.decode(127, ethernet, 0, ethernet.length, T0));
        byte[] longer = new byte[] {0, 0, (byte) 0xFF, 0x7F, 0, 0, 0, 0, 1, 2};
        assertEquals(Decoded.NOT_IP, d.decode(127, longer, 0, longer.length, T0), "it_len beyond the frame");
    }

    /**
     * Found by fuzzing: Ethernet frames in a capture whose header says PPP (link type 9) made
     * pcap4j throw "length is zero" (its message holding the whole buffer), which ended the import
     * with that message. Any short frame pcap4j's decoders cannot take is a frame skipped.
     */
    @Test
    void framesPcap4jCannotDecodeAreSkippedNotFatal() {
        Pcap4jDecoder d = new Pcap4jDecoder(new EchoPacket());
        byte[] ethernet = Frames.ethernet(false).apply(run.events(true).get(0));
        for (int len = 0; len <= ethernet.length; len++) {
            Decoded got = d.decode(9, ethernet, 0, len, T0);
            assertTrue(got == Decoded.OTHER || got == Decoded.SHORT || got == Decoded.NOT_IP, len + ": " + got);
        }
        for (int a = 0; a < 256; a += 5) {
            for (int len = 0; len <= 8; len++) {
                byte[] b = {(byte) 0xFF, 0x03, 0, (byte) a, 0, 0, 0, 0};
                d.decode(9, b, 0, len, T0);
                b[0] = (byte) a;
                d.decode(9, b, 0, len, T0);
            }
        }
    }

    /** Ignored packets are counted by reason, alike by both readers: not IP, later fragments, IP without an echo. */
    @Test
    void otherPacketsAreCountedByReason() {
        CaptureFile.Pcap p = new CaptureFile.Pcap(1, false, false);
        List<EchoRun.Event> events = run.events(true);
        for (EchoRun.Event e : events.subList(0, 20)) {
            p.packet(e.tNs(), Frames.ethernet(false).apply(e));
        }
        long t = events.get(19).tNs();
        p.packet(t + 1, Packets.ethernet(0x0806, new byte[28])); // ARP
        p.packet(t + 2, Packets.ethernet(Packets.ETH_IPV4, Packets.ipv4(A, B, 6, new byte[20]))); // TCP
        p.packet(t + 3, Packets.ethernet(Packets.ETH_IPV4, Packets.ipv4(A, B, 1, new byte[16], 185, false, 0)));
        p.packet(t + 4, Packets.ethernet(Packets.ETH_IPV4, Packets.ipv4(A, B, 17, new byte[8]))); // UDP, no tunnel
        List<CaptureReader> readers = new java.util.ArrayList<>(List.of(CaptureReader.FAST));
        if (Pcap4jLibrary.locate().isPresent()) {
            readers.add(CaptureReader.PCAP4J);
        }
        for (CaptureReader reader : readers) {
            InMemoryImport r = read("reasons.pcap", p.toBytes(), reader);
            CaptureStats c = r.ingest.captureStats();
            assertEquals(4, c.other(), reader.toString());
            assertEquals(1, c.notIp(), reader.toString());
            assertEquals(1, c.fragments(), reader.toString());
        }
    }
}
