package org.smarttunnel.ingest.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.probe.ProbeSink;
import org.smarttunnel.ingest.trace.Probe;
import org.smarttunnel.ingest.trace.Trace;
import org.smarttunnel.ingest.trace.TraceInfo;

/** The compact trace form reads back exactly what the CSV holds, across parking; damage is named. */
class CompactTraceTest {
    private static final TraceInfo INFO = new TraceInfo("t", "h", "s", "10.0.0.1", "10.0.0.2", "7");

    @TempDir
    Path dir;

    /** Irregular probes: wrapping and skipped sequence numbers, gaps, lost and RTT-less replies, RTT jumps. */
    private static void feed(TraceFileWriter w, int i, Random r) {
        int seq = (i * 3 + (i % 97 == 0 ? 500 : 0)) & 0xFFFF;
        long send = 1_726_122_373_000_000_000L + i * 2_000_000L + (i / 500) * 1_000_000_000L + r.nextInt(3) * 1000;
        boolean lost = r.nextInt(10) == 0;
        long rtt = i % 50 == 7 ? -1 : 20_000_000L + r.nextInt(5_000_000);
        // one-way delays from probe 1000 on, some unknown, some negative (clocks apart)
        long owd = i < 1000 || i % 7 == 3 ? ProbeSink.NO_TIME : (r.nextInt(30_000) - 2_000) * 1000L;
        w.probe(seq, send, lost, rtt, owd);
    }

    @Test
    void compactAndCsvHoldTheSameTraceEvenWhenWritersAreParked() throws Exception {
        OpenFiles budget = new OpenFiles(1);
        TraceFileWriter compact = TraceFileWriter.of(TraceFormat.COMPACT, dir.resolve("a.trace.gz"), 40_000_000L,
                budget);
        TraceFileWriter csv = TraceFileWriter.of(TraceFormat.CSV, dir.resolve("a.csv"), 40_000_000L, budget);
        Random r1 = new Random(3);
        Random r2 = new Random(3);
        for (int i = 0; i < 70_000; i++) {
            feed(compact, i, r1);
            feed(csv, i, r2);
        }
        compact.close();
        csv.close();
        Trace fromCsv = TraceDataset.read(dir.resolve("a.csv"), INFO);
        Trace fromCompact = TraceDataset.read(dir.resolve("a.trace.gz"), INFO);
        assertEquals(fromCsv, fromCompact);
        assertEquals(70_000, fromCompact.size());
        assertEquals(Probe.NO_OWD, fromCompact.owdUs(999));
        assertTrue(fromCompact.owdUs(1000) != Probe.NO_OWD || fromCompact.lost(1000));
        assertTrue(Files.size(dir.resolve("a.trace.gz")) * 5 < Files.size(dir.resolve("a.csv")),
                "compact is much smaller");
    }

    /** Records worked out by hand: version 1 (before one-way delays) still reads; version 2 adds them. */
    @Test
    void readsBothVersionsByHand() throws Exception {
        // seq 0 (65535 + 1), send 10 us (second difference 10, zigzag 20), RTT 100 us (zigzag 200: C8 01)
        Trace v1 = TraceDataset.read(gzip("v1.trace.gz", 1, 0, 20, 0xC8, 1), INFO);
        assertEquals(new Probe(0, 0, 10, false, 100), v1.probe(0));
        assertFalse(v1.hasOwd());
        // the same with bit 3 and a one-way delay of -3 us (zigzag 5)
        Trace v2 = TraceDataset.read(gzip("v2.trace.gz", 2, 8, 20, 0xC8, 1, 5), INFO);
        assertEquals(new Probe(0, 0, 10, false, 100, -3), v2.probe(0));
        Path old = gzip("v1flag.trace.gz", 1, 8, 20, 0xC8, 1, 5);
        IngestException e = assertThrows(IngestException.class, () -> TraceDataset.read(old, INFO));
        assertEquals(old + ": offset 8: record has unknown flags 8", e.getMessage());
        Path lostWithDelay = gzip("lost.trace.gz", 2, 9, 20, 5);
        e = assertThrows(IngestException.class, () -> TraceDataset.read(lostWithDelay, INFO));
        assertEquals(lostWithDelay + ": offset 8: a lost probe with a one-way delay", e.getMessage());
    }

    private Path gzip(String name, int version, int... record) throws Exception {
        Path f = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(CompactTraceWriter.MAGIC);
            out.write(version);
            for (int b : record) {
                out.write(b);
            }
        }
        return f;
    }

    @Test
    void damageIsReportedWithTheFileAndWhere() throws Exception {
        OpenFiles budget = new OpenFiles(4);
        Path good = dir.resolve("g.trace.gz");
        TraceFileWriter w = TraceFileWriter.of(TraceFormat.COMPACT, good, 40_000_000L, budget);
        Random r = new Random(1);
        for (int i = 0; i < 5000; i++) {
            feed(w, i, r);
        }
        w.close();
        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.trace.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 20));
        IngestException e = assertThrows(IngestException.class, () -> TraceDataset.read(cut, INFO));
        assertTrue(e.getMessage().startsWith(cut + ": offset ") && e.getMessage().contains("truncated"),
                e.getMessage());

        Path plain = dir.resolve("plain.trace.gz");
        Files.writeString(plain, "index,seq,send_us,lost,rtt_us\n");
        e = assertThrows(IngestException.class, () -> TraceDataset.read(plain, INFO));
        assertTrue(e.getMessage().contains("not a compact trace"), e.getMessage());

        Path magic = dir.resolve("magic.trace.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(magic))) {
            out.write("STTRACX\u0001".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        e = assertThrows(IngestException.class, () -> TraceDataset.read(magic, INFO));
        assertEquals(magic + ": offset 6: not a compact trace (no STTRACE magic)", e.getMessage());

        Path flags = dir.resolve("flags.trace.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(flags))) {
            out.write("STTRACE\u0001".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(new byte[] {0, 0, 0, (byte) 0x80});
        }
        e = assertThrows(IngestException.class, () -> TraceDataset.read(flags, INFO));
        assertEquals(flags + ": offset 11: record has unknown flags 128", e.getMessage());
    }
}
