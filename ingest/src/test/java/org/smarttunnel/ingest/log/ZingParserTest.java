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
        z.emit(c, 2_000_000_000L);
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
    }
}
