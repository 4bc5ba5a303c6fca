package org.smarttunnel.ingest.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.ingest.Diagnostic;
import org.smarttunnel.ingest.probe.TraceCollector;
import org.smarttunnel.ingest.testing.InMemoryImport;
import org.smarttunnel.ingest.trace.Probe;
import org.smarttunnel.ingest.trace.TraceInfo;

class ZingParserTest {
    @TempDir
    Path dir;

    @Test
    void readsMetadataProbesLossMarksMissingNumbersAndAnyOrder() throws Exception {
        Path f = Files.writeString(dir.resolve("a.zing"), """
                # zing 1
                # host=alpha site=paris src=10.0.0.1 dst=192.0.2.7
                seq,send,recv
                0,1726122373.000000,1726122373.031234
                2 1726122373.004000 -
                1 1726122373.002 1726122373.0325
                4 1726122373.008000 1726122376.5
                this is not a probe
                """);
        List<Diagnostic> diags = new ArrayList<>();
        ZingParser.ZingTrace z = ZingParser.parse(f, "a.zing", diags);
        assertEquals("alpha", z.meta("host"));
        assertEquals("192.0.2.7", z.meta("dst"));
        TraceCollector c = new TraceCollector(40_000_000L);
        z.emit(() -> c, 2_000_000_000L, (line, message) -> diags.add(Diagnostic.warningAtLine("a.zing", line, message)));
        long t = 1_726_122_373_000_000L;
        assertEquals(List.of(
                new Probe(0, 0, t, false, 31_234),
                new Probe(1, 1, t + 2_000, false, 30_500),
                new Probe(2, 2, t + 4_000, true, Probe.NO_RTT),
                new Probe(3, 3, t + 6_000, true, Probe.NO_RTT),
                new Probe(4, 4, t + 8_000, true, Probe.NO_RTT)),
                InMemoryImport.probes(c.toTrace(new TraceInfo("z", "alpha", "paris", "", "", ""))));
        assertEquals(1, diags.size());
        assertEquals("line 8", diags.get(0).where());
        assertTrue(ZingParser.looksLikeZing(List.of("# zing 1")));
        assertTrue(ZingParser.looksLikeZing(List.of("", "12 1726122373.5 -")));
        // found by fuzzing (a damaged irtt JSON): a line of separators only made the detection throw
        assertTrue(ZingParser.looksLikeZing(List.of(",", " , ,", "12 1726122373.5 -")));
    }

    /** A probe number far beyond what the send times allow, or one send time a year off, is not believed. */
    @Test
    void numbersAndTimesAreTrustedOnlyAsFarAsEachOtherAllow() throws Exception {
        Path f = dir.resolve("b.zing");
        Files.writeString(f, """
                # zing 1
                0 1726122373.000 1726122373.010
                1 1726122373.002 1726122373.012
                2 1757658373.004 1757658373.014
                3 1726122373.006 -
                49000000 1726122373.008 1726122373.018
                49000001 1726122373.010 1726122373.020
                """);
        List<Diagnostic> diags = new ArrayList<>();
        ZingParser.ZingTrace z = ZingParser.parse(f, "b.zing", diags);
        TraceCollector c = new TraceCollector(40_000_000L);
        assertEquals(6, z.emit(() -> c, 2_000_000_000L, (line, message) -> diags.add(Diagnostic.warningAtLine("b.zing",
                line, message))));
        // 2 is the skipped line's number, so lost; 49000000 and 49000001 follow 3 as 4 and 5
        assertEquals("001100", c.toTrace(new TraceInfo("b", "h", "s", "", "", "")).loss().toString());
        String all = diags.toString();
        assertTrue(all.contains("line 4: send time more than an hour"), all);
        assertTrue(all.contains("line 6: probe number 49000000 leaves 48999996 numbers unseen where the send times "
                + "allow about 0"), all);
    }

    /**
     * Found by the long fuzzing run: lines numbered a million apart whose send times agree with
     * each other claimed a 100 µs spacing and made 7 M losses out of 153 bytes. Only probes of
     * consecutive numbers say the spacing; with none, a gap of more than 64 numbers restarts
     * the numbering.
     */
    @Test
    void onlyConsecutiveNumbersSayTheSpacing() throws Exception {
        StringBuilder text = new StringBuilder("# zing 1\n");
        for (int i = 0; i < 8; i++) {
            text.append(1_000_000L * i).append(' ').append(1_726_122_373 + 100 * i).append(".000 -\n");
        }
        Path f = Files.writeString(dir.resolve("d.zing"), text.toString());
        List<Diagnostic> diags = new ArrayList<>();
        ZingParser.ZingTrace z = ZingParser.parse(f, "d.zing", diags);
        TraceCollector c = new TraceCollector(40_000_000L);
        assertEquals(8, z.emit(() -> c, 2_000_000_000L, (line, message) -> diags.add(Diagnostic.warningAtLine("d.zing",
                line, message))));
        assertTrue(diags.toString().contains("line 3: probe number 1000000 leaves 999999 numbers unseen, and no two "
                + "consecutive numbers say how far apart probes are sent"), diags.toString());
    }

    @Test
    void fieldsOutOfRangeAreSkippedWithTheirLine() throws Exception {
        Path f = dir.resolve("c.zing");
        Files.writeString(f, "# zing 1\n0 1726122373.000 -\n1 99999999999.0 -\n2 1726122373.004 -\n");
        List<Diagnostic> diags = new ArrayList<>();
        ZingParser.ZingTrace z = ZingParser.parse(f, "c.zing", diags);
        assertEquals("[warning: c.zing: line 3: send time '99999999999' is out of range (at most 9000000000); line "
                + "skipped]", diags.toString());
        TraceCollector c = new TraceCollector(40_000_000L);
        assertEquals(3, z.emit(() -> c, 2_000_000_000L, (line, message) -> diags.add(Diagnostic.warningAtLine("c.zing",
                line, message))));
    }
}
