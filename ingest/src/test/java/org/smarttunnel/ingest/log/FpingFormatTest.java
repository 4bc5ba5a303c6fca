package org.smarttunnel.ingest.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.ingest.ImportOptions;
import org.smarttunnel.ingest.format.InputFormats;
import org.smarttunnel.ingest.testing.InMemoryImport;
import org.smarttunnel.ingest.trace.Probe;
import org.smarttunnel.ingest.trace.Trace;

/** fping's output, worked out by hand, and the real fping on the loopback where it can run. */
class FpingFormatTest {
    @TempDir
    Path tmp;

    private InMemoryImport read(String text, ImportOptions options) throws Exception {
        Path f = Files.writeString(tmp.resolve("probe.txt"), text);
        return InMemoryImport.format(new FpingFormat(), f, options);
    }

    /**
     * Two targets, 20 ms apart, stamped with -D (arrival times). a: 0 and 1 answered, 2 timed out,
     * 3 answered twice (loop mode prints a duplicate as another line), 4 and 5 sent (the summary
     * says 6) without a line; b: 0 answered, 1 timed out.
     */
    @Test
    void oneTracePerTargetWithTimeoutsDuplicatesAndTheSummarysCount() throws Exception {
        InMemoryImport r = read("""
                [1700000000.01000] a.example : [0], 64 bytes, 10.0 ms (10.0 avg, 0% loss)
                [1700000000.02500] 192.0.2.7 : [0], 64 bytes, 5.00 ms (5.00 avg, 0% loss)
                [1700000000.03100] a.example : [1], 64 bytes, 11.0 ms (10.5 avg, 0% loss)
                ICMP Host Unreachable from 198.51.100.1 for ICMP Echo sent to 192.0.2.7
                [1700000000.54000] 192.0.2.7 : [1], timed out (5.00 avg, 50% loss)
                [1700000000.54000] a.example : [2], timed out (10.5 avg, 33% loss)
                [1700000000.07000] a.example : [3], 64 bytes, 10.0 ms (10.3 avg, 25% loss)
                [1700000000.07200] a.example : [3], 64 bytes, 12.0 ms (10.3 avg, 0% return)

                a.example : xmt/rcv/%loss = 6/3/50%, min/avg/max = 10.0/10.3/11.0
                192.0.2.7 : xmt/rcv/%loss = 2/1/50%, min/avg/max = 5.00/5.00/5.00
                """, ImportOptions.defaults());
        assertNull(r.error);
        assertEquals(2, r.traces.size());
        Trace a = r.traces.get(0);
        Trace b = r.traces.get(1);
        assertEquals("probe_a.example_f", a.id());
        assertEquals("a.example", a.info().site());
        assertEquals("", a.info().dst(), "a name, not an address");
        assertEquals("192.0.2.7", b.info().dst());
        long t0 = 1_700_000_000_000_000L;
        assertEquals(List.of(
                new Probe(0, 0, t0, false, 10_000),
                new Probe(1, 1, t0 + 20_000, false, 11_000),
                // sent between its neighbours, as the numbers say
                new Probe(2, 2, t0 + 40_000, true, Probe.NO_RTT),
                new Probe(3, 3, t0 + 60_000, false, 10_000),
                // the summary's 6 sent: two more, after the last line, at the run's spacing
                new Probe(4, 4, t0 + 80_000, true, Probe.NO_RTT),
                new Probe(5, 5, t0 + 100_000, true, Probe.NO_RTT)), InMemoryImport.probes(a));
        // one stamped reply says nothing of b's spacing: the next probe at --spacing (1 s by default)
        assertEquals(List.of(
                new Probe(0, 0, t0 + 20_000, false, 5_000),
                new Probe(1, 1, t0 + 1_020_000, true, Probe.NO_RTT)), InMemoryImport.probes(b));
    }

    @Test
    void aQuietCountListGivesTheRttsAtTheSpacing() throws Exception {
        InMemoryImport r = read("""
                192.0.2.7 : 0.061 - 0.059
                192.0.2.8 : - - -
                """, ImportOptions.builder().spacingNs(10_000_000L).build());
        assertNull(r.error);
        assertEquals(2, r.traces.size());
        assertEquals(List.of(new Probe(0, 0, 0, false, 61), new Probe(1, 1, 10_000, true, Probe.NO_RTT),
                new Probe(2, 2, 20_000, false, 59)), InMemoryImport.probes(r.traces.get(0)));
        assertEquals(3, r.traces.get(1).loss().lossCount());
    }

    @Test
    void recognisedByContentAndDamageIsNamed() throws Exception {
        Path f = Files.writeString(tmp.resolve("x.log"), "[1700000000.01000] 127.0.0.1 : [0], 64 bytes, 0.05 ms "
                + "(0.05 avg, 0% loss)\n");
        assertEquals("fping", InputFormats.detect(f, "x.log").id());
        InMemoryImport r = read("""
                [1700000000.01000] 127.0.0.1 : [0], 64 bytes, 0.05 ms (0.05 avg, 0% loss)
                [1700000000.03000] 127.0.0.1 : [99999999999999], 64 bytes, 0.05 ms (0.05 avg, 0% loss)
                [1700000000.05000] 127.0.0.1 : [2], 64 bytes, 0.05 ms (0.05 avg, 0% loss)
                """, ImportOptions.defaults());
        assertNull(r.error);
        assertEquals(3, r.traces.get(0).size());
        assertTrue(r.diagnostics.stream().anyMatch(d -> d.where().equals("line 2")
                && d.message().contains("probe number")), r.diagnostics.toString());
        InMemoryImport none = read("fping: can't create socket (must run as root?)\n", ImportOptions.defaults());
        assertNotNull(none.error);
        assertTrue(none.error.getMessage().contains("no fping probe line"), none.error.getMessage());
    }

    private static boolean installed() {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "fping"))) {
                return true;
            }
        }
        return false;
    }

    /** The real tool: {@code fping -D -c 20 -p 10} on the loopback (needs a raw or ICMP socket). */
    @Test
    void importsWhatFpingPrints() throws Exception {
        assumeTrue(installed(), "fping is not installed (apt-get install fping)");
        Path out = tmp.resolve("fping.txt");
        Process p = new ProcessBuilder("fping", "-D", "-c", "20", "-p", "10", "127.0.0.1").redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "fping could not run here: "
                + Files.readString(out));
        InMemoryImport r = InMemoryImport.format(new FpingFormat(), out, ImportOptions.defaults());
        assertNull(r.error);
        assertEquals(1, r.traces.size());
        Trace t = r.traces.get(0);
        assertEquals(20, t.size());
        assertEquals(0, t.loss().lossCount());
        assertEquals("127.0.0.1", t.info().dst());
        long span = t.sendUs(19) - t.sendUs(0);
        assertTrue(span > 150_000 && span < 2_000_000, "19 gaps of about 10 ms: " + span + " us");
        assertEquals(List.of(), r.diagnostics);
    }
}
