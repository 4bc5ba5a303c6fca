package org.smarttunnel.ingest.owamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.ingest.ImportOptions;
import org.smarttunnel.ingest.format.InputFormats;
import org.smarttunnel.ingest.testing.InMemoryImport;
import org.smarttunnel.ingest.trace.Direction;
import org.smarttunnel.ingest.trace.Probe;
import org.smarttunnel.ingest.trace.Trace;

/** owstats -R records worked out by hand. */
public class OwampFormatTest {
    @TempDir
    Path tmp;

    /** An OWAMP timestamp as owstats prints it: NTP seconds (since 1900) and a 32-bit fraction, %020 decimal. */
    public static String stamp(long unixSeconds, long fraction32) {
        long v = ((unixSeconds + 2_208_988_800L) << 32) | fraction32;
        return String.format("%20s", Long.toUnsignedString(v)).replace(' ', '0');
    }

    public static String record(long seq, String send, String recv) {
        return seq + " " + send + " 1 0.000123 " + recv + " 1 0.000123 " + (recv.startsWith("0000000000000000000")
                && recv.endsWith("0") ? 255 : 60) + "\n";
    }

    private static final long T = 1_700_000_000L;
    /** 2^30 / 2^32 = 0.25 s; 2^31 = 0.5 s. */
    private static final long QUARTER = 1L << 30;
    private static final String ZERO = "00000000000000000000";

    @Test
    void oneWayRecordsByHand() throws Exception {
        // 0: sent T + 0.25 s, received T + 0.5 s: 250 ms one way; 1: lost; 2: received 3 s later (past the
        // 2 s timeout: lost); 0 again later: a duplicate
        String text = record(0, stamp(T, QUARTER), stamp(T, 2 * QUARTER))
                + record(1, stamp(T, 3 * QUARTER), ZERO)
                + record(2, stamp(T + 1, 0), stamp(T + 4, 0))
                + record(0, stamp(T, QUARTER), stamp(T, 3 * QUARTER));
        Path f = Files.writeString(tmp.resolve("lab-to-paris.owp.txt"), text);
        assertEquals("owamp", InputFormats.detect(f, "x").id());
        InMemoryImport r = InMemoryImport.format(new OwampFormat(), f, ImportOptions.defaults());
        assertNull(r.error);
        Trace t = r.traces.get(0);
        assertEquals(Direction.UP, t.info().direction());
        long t0 = T * 1_000_000L;
        assertEquals(List.of(
                new Probe(0, 0, t0 + 250_000, false, Probe.NO_RTT, 250_000),
                new Probe(1, 1, t0 + 750_000, true, Probe.NO_RTT, Probe.NO_OWD),
                new Probe(2, 2, t0 + 1_000_000, true, Probe.NO_RTT, Probe.NO_OWD)), InMemoryImport.probes(t));
        assertEquals(List.of(), r.diagnostics);
    }

    @Test
    void badLinesAreSkippedNamingTheirLineAndOtherFormatsAreNotTakenForIt() throws Exception {
        String text = record(0, stamp(T, 0), stamp(T, QUARTER)) + "1 garbage\n" + record(2, stamp(T, 2 * QUARTER),
                stamp(T, 3 * QUARTER)) + record(3, "00000000000000000001", ZERO);
        Path f = Files.writeString(tmp.resolve("x.txt"), text);
        InMemoryImport r = InMemoryImport.format(new OwampFormat(), f, ImportOptions.defaults());
        assertNull(r.error);
        assertEquals(2, r.traces.get(0).size());
        assertTrue(r.diagnostics.stream().anyMatch(d -> d.where().equals("line 2") && d.message().startsWith(
                "not an OWAMP raw record")), r.diagnostics.toString());
        assertTrue(r.diagnostics.stream().anyMatch(d -> d.where().equals("line 4") && d.message().startsWith(
                "a time stamp before 1970")), r.diagnostics.toString());
        Path zing = Files.writeString(tmp.resolve("z.txt"), "0 1726122373.000000 1726122373.031234\n");
        assertFalse(new OwampFormat().sniff(new org.smarttunnel.ingest.format.FileHead(Files.readAllBytes(zing), true)));
    }

    /**
     * TWAMP (twping -R): 0 sent at T + 0.25 s, reflected at T + 0.5 / T + 0.5625, back at T + 0.75:
     * 250 ms up, 187.5 ms down, RTT 0.5 - 0.0625 = 437.5 ms; 1 sent at T + 1.25 and lost (no
     * direction: the reflector's stamps travel back with the reflection).
     */
    @Test
    void twampRecordsMakeATracePerDirection() throws Exception {
        String zeroOwamp = " 0 " + ZERO + " 0 0 " + ZERO + " 0 0 255";
        String text = "0 " + stamp(T, QUARTER) + " 1 0.0001 " + stamp(T, 2 * QUARTER) + " 1 0.0001 64 0 "
                + stamp(T, 2 * QUARTER + (1L << 28)) + " 1 0.0001 " + stamp(T, 3 * QUARTER) + " 1 0.0001 64\n"
                + "1 " + stamp(T + 1, QUARTER) + " 1 0.0001 " + ZERO + " 0 0 255" + zeroOwamp + "\n";
        Path f = Files.writeString(tmp.resolve("tw.txt"), text);
        assertEquals("owamp", InputFormats.detect(f, "x").id());
        InMemoryImport r = InMemoryImport.format(new OwampFormat(), f, ImportOptions.builder()
                .directions(ImportOptions.parseDirections("all")).build());
        assertNull(r.error);
        long t0 = T * 1_000_000L;
        assertEquals(List.of(new Probe(0, 0, t0 + 250_000, false, 437_500, 250_000),
                new Probe(1, 1, t0 + 1_250_000, true, Probe.NO_RTT, Probe.NO_OWD)), InMemoryImport.probes(r.traces.get(0)));
        assertEquals(List.of(new Probe(0, 0, t0 + 562_500, false, 437_500, 187_500),
                new Probe(1, 1, t0 + 1_500_000, true, Probe.NO_RTT, Probe.NO_OWD)), InMemoryImport.probes(r.traces.get(1)));
        assertEquals(Direction.ROUND_TRIP, r.traces.get(2).info().direction());
        assertEquals("tw_tw_tw-up", r.traces.get(0).id());
        assertTrue(r.diagnostics.stream().anyMatch(d -> d.message().startsWith("1 lost packets: TWAMP cannot tell")),
                r.diagnostics.toString());
    }
}
