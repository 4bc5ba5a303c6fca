package org.smarttunnel.ingest.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.smarttunnel.common.table.CsvTables;
import org.smarttunnel.ingest.probe.ProbeSink;
import org.smarttunnel.ingest.trace.Probe;
import org.smarttunnel.ingest.trace.Trace;
import org.smarttunnel.ingest.trace.TraceInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceCsvWriterTest {
    @TempDir
    Path dir;

    @Test
    void writersBeyondTheOpenFileBudgetCloseAndReopenWithoutLosingRows() throws Exception {
        OpenFiles budget = new OpenFiles(2);
        TraceCsvWriter[] w = new TraceCsvWriter[3];
        for (int i = 0; i < 3; i++) {
            w[i] = new TraceCsvWriter(dir.resolve(i + ".csv"), 40_000_000L, budget);
        }
        for (int row = 0; row < 4; row++) {
            for (int i = 0; i < 3; i++) {
                w[i].probe(row, 1_726_122_373_000_000_000L + row * 2_000_000L + i * 1000, row == 2, 30_000_000L);
            }
        }
        for (TraceCsvWriter x : w) {
            x.close();
        }
        assertEquals("""
                index,seq,send_us,lost,rtt_us,owd_us
                0,0,1726122373000001,0,30000,
                1,1,1726122373002001,0,30000,
                2,2,1726122373004001,1,,
                3,3,1726122373006001,0,30000,
                """, Files.readString(dir.resolve("1.csv")));
    }

    @Test
    void formatsEveryDigitCountAndTheSecondsBoundary() throws Exception {
        TraceCsvWriter w = new TraceCsvWriter(dir.resolve("d.csv"), 1_000_000_000L, new OpenFiles(1));
        w.probe(65535, 999_999_000L, false, 9_000L);
        w.probe(0, 1_000_000_000L, false, 1_234_567_000L);
        w.probe(12, 1_009_999_999_000L, true, -1);
        w.probe(7, 1_010_000_000_000L, false, 0);
        w.probe(8, 1_010_000_002_000L, false, 31_000L, 14_999L);
        w.probe(9, 1_010_000_004_000L, false, -1, -2_500L);
        w.probe(10, 1_010_000_006_000L, true, -1, 5_000L);
        w.close();
        assertEquals("""
                index,seq,send_us,lost,rtt_us,owd_us
                0,65535,999999,0,9,
                1,0,1000000,0,1234567,
                2,12,1009999999,1,,
                3,7,1010000000,0,0,
                4,8,1010000002,0,31,14
                5,9,1010000004,0,,-3
                6,10,1010000006,1,,
                """, Files.readString(dir.resolve("d.csv")));
    }

    @Test
    void theFastWriterWritesWhatCommonsCsvWritesForTheDeclaredTableAndReadsBack() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        List<Probe> probes = new ArrayList<>();
        TraceCsvWriter w = new TraceCsvWriter(dir.resolve("r.csv"), 40_000_000L, new OpenFiles(1));
        long sendNs = 999_000L;
        for (int i = 0; i < 5000; i++) {
            sendNs += 1000L * random.nextLong(1, 3_000_000L);
            boolean lost = random.nextInt(10) == 0;
            int rttUs = lost || random.nextInt(50) == 0 ? Probe.NO_RTT : random.nextInt(0, 20_000_000);
            int seq = random.nextInt(65536);
            int owdUs = lost || random.nextInt(3) == 0 ? Probe.NO_OWD : random.nextInt(-5_000_000, 20_000_000);
            w.probe(seq, sendNs, lost, rttUs < 0 ? -1 : rttUs * 1000L, owdUs == Probe.NO_OWD ? ProbeSink.NO_TIME
                    : owdUs * 1000L);
            probes.add(new Probe(i, seq, sendNs / 1000, lost, rttUs, owdUs));
        }
        w.close();
        assertEquals(CsvTables.text(TraceCsvWriter.TABLE, probes), Files.readString(dir.resolve("r.csv")));
        Trace t = TraceDataset.read(dir.resolve("r.csv"), new TraceInfo("r", "h", "s", "", "", ""));
        for (Probe p : probes) {
            assertEquals(p, t.probe(p.index()));
        }
    }
}
