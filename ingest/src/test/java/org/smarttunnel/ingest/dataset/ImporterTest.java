package org.smarttunnel.ingest.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarttunnel.ingest.testing.Fixtures.MS;
import static org.smarttunnel.ingest.testing.Fixtures.S;
import static org.smarttunnel.ingest.testing.Fixtures.T0;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smarttunnel.common.options.Setting;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.ingest.Diagnostic;
import org.smarttunnel.ingest.ImportOptions;
import org.smarttunnel.ingest.ImportReport;
import org.smarttunnel.ingest.Importer;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.capture.CaptureReader;
import org.smarttunnel.ingest.testing.CaptureFile;
import org.smarttunnel.ingest.testing.EchoRun;
import org.smarttunnel.ingest.testing.Frames;
import org.smarttunnel.ingest.testing.InMemoryImport;
import org.smarttunnel.ingest.testing.Packets;
import org.smarttunnel.ingest.testing.ProbeAssert;
import org.smarttunnel.ingest.trace.Trace;

class ImporterTest {
    static final int A = Packets.v4("10.0.0.1");
    static final int B = Packets.v4("192.0.2.7");

    @TempDir
    Path tmp;

    private Path capture(String name, EchoRun... runs) {
        return CaptureFile.ethernetPcap(tmp.resolve(name), runs);
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    /** Three probes by hand: 0 answered in 30 ms, 1 lost, 2 answered in 25.5 ms; 1 s apart; 2 s intervals. */
    @Test
    void writesTheDatasetFormatsExactly() throws Exception {
        EchoRun run = new EchoRun(A, B, 4660, 7, new long[] {T0, T0 + S, T0 + 2 * S},
                new long[] {30 * MS, -1, 25_500_000L});
        Path dir = tmp.resolve("ds");
        ImportReport r = new Importer(ImportOptions.builder().intervalUs(2_000_000).build())
                .importFiles(List.of(capture("tiny.pcap", run)), dir);
        assertFalse(r.hasErrors());
        assertEquals("""
                trace,file,host,site,src,dst,ident,probes,lost,loss_rate,first_send_us,last_send_us,direction
                10.0.0.1_192.0.2.7_4660,traces/10.0.0.1_192.0.2.7_4660.csv,10.0.0.1,192.0.2.7,10.0.0.1,192.0.2.7,4660,3,1,0.333333,1726122373000000,1726122375000000,round-trip
                """, read(dir.resolve("index.csv")));
        assertEquals("""
                index,seq,send_us,lost,rtt_us,owd_us
                0,7,1726122373000000,0,30000,
                1,8,1726122374000000,1,,
                2,9,1726122375000000,0,25500,
                """, read(dir.resolve("traces/10.0.0.1_192.0.2.7_4660.csv")));
        assertEquals("""
                trace,interval,start_us,probes,lost,loss_rate
                10.0.0.1_192.0.2.7_4660,0,1726122373000000,2,1,0.5
                10.0.0.1_192.0.2.7_4660,1,1726122375000000,1,0,0
                """, read(dir.resolve("intervals.csv")));
        assertEquals(List.of("dataset.properties", "index.csv", "intervals.csv", "traces"), visible(dir));
    }

    private static List<String> visible(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void reimportingAddsNothingAndNewFilesAddTracesWithUniqueIds() throws Exception {
        Path dir = tmp.resolve("ds");
        Importer importer = new Importer(ImportOptions.defaults());
        EchoRun first = EchoRun.gilbert(A, B, 1, 0, 3000, T0, 2 * MS, 0.01, 0.3, 1);
        EchoRun second = EchoRun.gilbert(A, B, 1, 0, 3000, T0 + 3600 * S, 2 * MS, 0.01, 0.3, 2);
        Path a = capture("a.pcap", first);
        assertEquals(1, importer.importFiles(List.of(a), dir).commit().added().size());
        String index = read(dir.resolve("index.csv"));
        ImportReport again = importer.importFiles(List.of(a), dir);
        assertEquals(0, again.commit().added().size());
        assertEquals("already in the dataset as trace 10.0.0.1_192.0.2.7_1", again.commit().skipped().get(0).reason());
        assertEquals(index, read(dir.resolve("index.csv")), "nothing overwritten or duplicated");
        ImportReport more = importer.importFiles(List.of(capture("b.pcap", second)), dir);
        assertEquals("10.0.0.1_192.0.2.7_1-2", more.commit().added().get(0).summary().id());
        TraceDataset ds = TraceDataset.open(dir);
        assertEquals(2, ds.traces().size());
        ProbeAssert.assertProbes(first.expected(2 * S), ds.load("10.0.0.1_192.0.2.7_1"));
        ProbeAssert.assertProbes(second.expected(2 * S), ds.load("10.0.0.1_192.0.2.7_1-2"));
        long intervalRows;
        try (Stream<String> lines = Files.lines(dir.resolve("intervals.csv"))) {
            intervalRows = lines.count() - 1;
        }
        assertEquals(2, intervalRows, "one 40 s interval per 6 s trace");
    }

    @Test
    void aBadFileIsReportedWhileTheOthersAreImported() throws Exception {
        Path dir = tmp.resolve("ds");
        Path good = capture("good.pcap", EchoRun.gilbert(A, B, 1, 0, 1000, T0, 2 * MS, 0.01, 0.3, 1));
        Path bad = Files.writeString(tmp.resolve("bad.pcap"), "\u0000\u0001 this is no capture");
        Path missing = tmp.resolve("missing.pcap");
        ImportReport r = new Importer(ImportOptions.defaults()).importFiles(List.of(bad, good, missing), dir);
        assertTrue(r.hasErrors());
        assertEquals(List.of(
                new Diagnostic(Diagnostic.Severity.ERROR, bad.toString(), "offset 0",
                        "in none of the known formats (pcap, zing, pinglog, irtt, fping, owamp): unknown magic 0x00012074"),
                new Diagnostic(Diagnostic.Severity.ERROR, missing.toString(), "file", "no such file")),
                r.diagnostics());
        assertEquals(1, TraceDataset.open(dir).traces().size());
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".staging")), "no staging left");
        }
    }

    @Test
    void theSameDatasetCannotBeWrittenTwiceAtOnceNorWithAnotherIntervalLength() throws Exception {
        Path dir = tmp.resolve("ds");
        new Importer(ImportOptions.defaults()).importFiles(
                List.of(capture("a.pcap", EchoRun.gilbert(A, B, 1, 0, 100, T0, 2 * MS, 0.01, 0.3, 1))), dir);
        try (DatasetWriter w = DatasetWriter.open(dir, 40_000_000)) {
            IngestException e = assertThrows(IngestException.class, () -> DatasetWriter.open(dir, 40_000_000));
            assertEquals(dir + ": file: another import is writing this dataset", e.getMessage());
        }
        IngestException e = assertThrows(IngestException.class, () -> DatasetWriter.open(dir, 10_000_000));
        assertTrue(e.getMessage().endsWith("the dataset uses 40s intervals; import with that interval length or into a "
                + "new directory"), e.getMessage());
        assertEquals(Optional.of(Setting.INTERVAL), e.remedy());
    }

    @Test
    void leftoversOfACrashedImportAreCleanedUp() throws Exception {
        Path dir = tmp.resolve("ds");
        Importer importer = new Importer(ImportOptions.defaults());
        importer.importFiles(List.of(capture("a.pcap", EchoRun.gilbert(A, B, 1, 0, 100, T0, 2 * MS, 0.01, 0.3, 1))),
                dir);
        Files.createDirectories(dir.resolve(".staging-123/x"));
        Files.writeString(dir.resolve("intervals.csv"), "ghost,0,0,1,0,0\n", StandardOpenOption.APPEND);
        importer.importFiles(List.of(capture("b.pcap", EchoRun.gilbert(A, B, 2, 0, 100, T0, 2 * MS, 0.01, 0.3, 2))),
                dir);
        assertFalse(Files.exists(dir.resolve(".staging-123")));
        assertFalse(read(dir.resolve("intervals.csv")).contains("ghost"));
        assertEquals(2, TraceDataset.open(dir).traces().size());
    }

    @Test
    void datasetRoundTripEqualsTheInMemoryImport() throws Exception {
        EchoRun run = EchoRun.gilbert(A, B, 3, 100, 20_000, T0, 2 * MS, 0.02, 0.3, 9);
        Path file = capture("rt.pcap", run);
        Path dir = tmp.resolve("ds");
        new Importer(ImportOptions.builder().reader(CaptureReader.FAST).build()).importFiles(List.of(file), dir);
        Trace loaded = TraceDataset.open(dir).load("10.0.0.1_192.0.2.7_3");
        Trace memory = InMemoryImport.capture(file, CaptureReader.FAST, 2 * S).traces.get(0);
        ProbeAssert.assertProbes(InMemoryImport.probes(memory), InMemoryImport.probes(loaded), "round trip");
        assertEquals(memory.intervals(40_000_000).size(), 1);
    }

    /** In a capture, the warning names the record of the first request stamped before the one sent before it. */
    @Test
    void aCaptureNamesTheOffsetOfTheFirstSendTimeRaised() throws Exception {
        EchoRun run = new EchoRun(A, B, 9, 0, new long[] {T0, T0 + 2 * MS, T0 + 4 * MS, T0 + 3 * MS, T0 + 8 * MS},
                new long[] {20 * MS, 20 * MS, 20 * MS, 20 * MS, 20 * MS});
        CaptureFile.Pcap p = new CaptureFile.Pcap(1, false, false);
        long offset = 24;
        long raisedAt = -1;
        for (EchoRun.Event e : run.events(true)) {
            byte[] frame = Frames.ethernet(false).apply(e);
            if (e.request() && e.probe() == 3) {
                raisedAt = offset;
            }
            p.packet(e.tNs(), frame);
            offset += 16 + frame.length;
        }
        Path capture = CaptureFile.write(tmp.resolve("raised.pcap"), p.toBytes(), false);
        ImportReport r = new Importer(ImportOptions.defaults()).importFiles(List.of(capture), tmp.resolve("ds"));
        assertEquals(List.of(new Diagnostic(Diagnostic.Severity.WARNING, capture.toString(), "offset " + raisedAt,
                "10.0.0.1 -> 192.0.2.7: 1 send time raised to the one before to keep send order")), r.diagnostics());
    }

    @Test
    void sendTimesRaisedToKeepSendOrderAreReported() throws Exception {
        // with -D, send = stamp - RTT: probe 2's comes out 0.1 ms before probe 1's
        Path log = Files.writeString(tmp.resolve("d.log"), """
                PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
                [1726122373.000100] 64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.100 ms
                [1726122373.000200] 64 bytes from 10.0.0.2: icmp_seq=2 ttl=64 time=0.300 ms
                [1726122373.002300] 64 bytes from 10.0.0.2: icmp_seq=3 ttl=64 time=0.300 ms
                """);
        Path dir = tmp.resolve("ds");
        ImportReport r = new Importer(ImportOptions.defaults()).importFiles(List.of(log), dir);
        assertEquals(List.of(Diagnostic.warningAtLine(log.toString(), 3,
                "d -> 10.0.0.2: 1 send time raised to the one before to keep send order")), r.diagnostics());
        Trace t = TraceDataset.open(dir).load("d_10.0.0.2_r1");
        assertEquals(t.sendUs(0), t.sendUs(1));
        assertEquals(1_726_122_373_002_000L, t.sendUs(2));
    }

    @Test
    void aCaptureWithMoreRunsThanOpenFilesIsImportedWhole() throws Exception {
        EchoRun[] runs = new EchoRun[600];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = EchoRun.gilbert(A, B, 1000 + i, 0, 40, T0 + i * 3000L, 10 * MS, 0.1, 0.5, i);
        }
        Path dir = tmp.resolve("ds");
        ImportReport r = new Importer(ImportOptions.defaults()).importFiles(List.of(capture("many.pcap", runs)), dir);
        assertEquals(600, r.commit().added().size());
        TraceDataset ds = TraceDataset.open(dir);
        for (int i = 0; i < runs.length; i += 37) {
            ProbeAssert.assertProbes(runs[i].expected(2 * S), ds.load("10.0.0.1_192.0.2.7_" + (1000 + i)));
        }
    }

    @Test
    void hostAndSiteOptionsOverrideTheAddresses() throws Exception {
        Path dir = tmp.resolve("ds");
        new Importer(ImportOptions.builder().host(Optional.of("alpha")).site(Optional.of("paris")).build()).importFiles(
                List.of(capture("a.pcap", EchoRun.gilbert(A, B, 1, 0, 100, T0, 2 * MS, 0.01, 0.3, 1))), dir);
        TraceSummary t = TraceDataset.open(dir).traces().get(0);
        assertEquals("alpha_paris_1", t.id());
        assertEquals("alpha", t.info().host());
        assertEquals("10.0.0.1", t.info().src());
    }

    /** A gzip capture cut short, or with a wrong checksum, keeps every record that decompressed. */
    @Test
    void damagedGzipKeepsWhatDecompressed() throws Exception {
        EchoRun run = new EchoRun(A, B, 4660, 7, new long[] {T0, T0 + S, T0 + 2 * S},
                new long[] {30 * MS, -1, 25_500_000L});
        byte[] gz = Files.readAllBytes(CaptureFile.write(tmp.resolve("whole.pcap.gz"), Files.readAllBytes(
                capture("plain.pcap", run)), true));
        byte[] crc = gz.clone();
        crc[crc.length - 8] ^= 0x55; // the trailer's CRC-32
        byte[] cut = java.util.Arrays.copyOf(gz, gz.length - 6); // into the trailer: all data decompressed
        for (byte[] damaged : List.of(crc, cut)) {
            Path f = Files.write(tmp.resolve("damaged.pcap.gz"), damaged);
            Path dir = tmp.resolve("ds-" + damaged.length);
            ImportReport r = new Importer(ImportOptions.defaults()).importFiles(List.of(f), dir);
            assertFalse(r.hasErrors(), r.diagnostics().toString());
            assertEquals(1, r.diagnostics().size(), r.diagnostics().toString());
            Diagnostic d = r.diagnostics().get(0);
            assertTrue(d.where().startsWith("offset "), d.toString());
            assertTrue(d.message().contains("gzip data") && d.message().contains("kept"), d.toString());
            assertEquals(3, TraceDatasetAccess.only(dir).size(), "every probe kept");
        }
    }

    /** A pcapng packet naming an interface its section never defined is skipped; the rest is read. */
    @Test
    void packetsOfUndefinedInterfacesAreSkipped() throws Exception {
        EchoRun run = new EchoRun(A, B, 4660, 7, new long[] {T0, T0 + S, T0 + 2 * S},
                new long[] {30 * MS, -1, 25_500_000L});
        CaptureFile.Pcapng p = new CaptureFile.Pcapng(false).iface(1, 6, 0);
        List<EchoRun.Event> events = EchoRun.merge(true, run);
        for (int i = 0; i < events.size(); i++) {
            p.packet(0, events.get(i).tNs(), Frames.ethernet(false).apply(events.get(i)));
            if (i == 0) {
                byte[] frame = Frames.ethernet(false).apply(events.get(i));
                p.block(6, new org.smarttunnel.ingest.testing.Bytes(false).u32(7).u32(0).u32(0).u32(frame.length)
                        .u32(frame.length).bytes(frame).padTo4());
            }
        }
        Path f = CaptureFile.write(tmp.resolve("ifaces.pcapng"), p.toBytes(), false);
        ImportReport r = new Importer(ImportOptions.defaults()).importFiles(List.of(f), tmp.resolve("ds"));
        assertFalse(r.hasErrors(), r.diagnostics().toString());
        assertTrue(r.diagnostics().toString().contains("packet of an interface the section does not define"),
                r.diagnostics().toString());
        assertEquals(3, TraceDatasetAccess.only(tmp.resolve("ds")).size());
    }

    /** What an import killed inside its commit left (trace files not in the index, temporary files) goes at the next. */
    @Test
    void theNextImportRemovesWhatAKilledCommitLeft() throws Exception {
        EchoRun run = new EchoRun(A, B, 4660, 7, new long[] {T0, T0 + S, T0 + 2 * S},
                new long[] {30 * MS, -1, 25_500_000L});
        Path dir = tmp.resolve("ds");
        new Importer(ImportOptions.defaults()).importFiles(List.of(capture("one.pcap", run)), dir);
        Path orphan = Files.writeString(dir.resolve("traces").resolve("killed_import.csv"), "index,seq\n");
        Path tmpIndex = Files.writeString(dir.resolve(".index.csv.999999999-1.tmp"), "half");
        EchoRun other = new EchoRun(A, Packets.v4("192.0.2.8"), 4661, 7, new long[] {T0, T0 + S},
                new long[] {30 * MS, 31 * MS});
        ImportReport r = new Importer(ImportOptions.defaults()).importFiles(List.of(capture("two.pcap", other)), dir);
        assertFalse(r.hasErrors(), r.diagnostics().toString());
        assertFalse(Files.exists(orphan));
        assertFalse(Files.exists(tmpIndex));
        assertEquals(2, TraceDataset.open(dir).traces().size());
        try (Stream<Path> files = Files.list(dir.resolve("traces"))) {
            assertEquals(2, files.count(), "only the traces the index names");
        }
    }

    /** The one trace of a dataset. */
    private static final class TraceDatasetAccess {
        static Trace only(Path dir) throws Exception {
            TraceDataset ds = TraceDataset.open(dir);
            assertEquals(1, ds.traces().size());
            return ds.load(ds.traces().get(0).info().id());
        }
    }
}
