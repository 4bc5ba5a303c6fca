package org.smarttunnel.ingest.irtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.ingest.ImportOptions;
import org.smarttunnel.ingest.format.FileHead;
import org.smarttunnel.ingest.format.InputFormats;
import org.smarttunnel.ingest.testing.InMemoryImport;
import org.smarttunnel.ingest.testing.IrttFile;
import org.smarttunnel.ingest.testing.IrttFile.Trip;
import org.smarttunnel.ingest.trace.Direction;
import org.smarttunnel.ingest.trace.Probe;
import org.smarttunnel.ingest.trace.Trace;

/** irtt's JSON into one trace per direction, worked out by hand; damage is named and what is whole kept. */
class IrttFormatTest {
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final long T0_US = T0 / 1000;

    @TempDir
    Path tmp;

    /**
     * Round trips 10 ms apart: 0 received (20 ms up, 1 ms at the server, 30 ms down), 1 lost up,
     * 2 lost down, 3 lost without a direction, 4 received 2.51 s later (2.5 s down: past the 2 s
     * timeout), 5 received (25 up, 1, 35 down).
     */
    private static IrttFile sixTrips() {
        return new IrttFile()
                .add(Trip.received(T0, 20 * MS, MS, 30 * MS))
                .add(Trip.lost(T0 + 10 * MS, "true_up"))
                .add(Trip.lost(T0 + 20 * MS, "true_down"))
                .add(Trip.lost(T0 + 30 * MS, "true"))
                .add(Trip.received(T0 + 40 * MS, 10 * MS, 0, 2_500 * MS))
                .add(Trip.received(T0 + 50 * MS, 25 * MS, MS, 35 * MS));
    }

    private static InMemoryImport read(Path file, String directions) {
        return InMemoryImport.format(new IrttFormat(), file, ImportOptions.builder()
                .directions(ImportOptions.parseDirections(directions)).build());
    }

    private static final int NO = Probe.NO_RTT;
    private static final int NO_OWD = Probe.NO_OWD;

    @Test
    void eachDirectionIsATraceOfItsOwn() {
        InMemoryImport r = read(sixTrips().write(tmp.resolve("run.json")), "up,down,round-trip");
        assertNull(r.error);
        assertEquals(3, r.traces.size());
        Trace up = r.traces.get(0);
        Trace down = r.traces.get(1);
        Trace both = r.traces.get(2);
        assertEquals("lab_192.0.2.7_40000-up", up.id());
        assertEquals(Direction.UP, up.info().direction());
        assertEquals("10.0.0.1", up.info().src());
        assertEquals("192.0.2.7", up.info().dst());
        assertEquals("40000", up.info().ident());
        assertEquals(Direction.DOWN, down.info().direction());
        assertEquals(Direction.ROUND_TRIP, both.info().direction());
        assertEquals(List.of(
                new Probe(0, 0, T0_US, false, 50_000, 20_000),
                new Probe(1, 1, T0_US + 10_000, true, NO, NO_OWD),
                // reached the server; its delay is the nearest earlier one's
                new Probe(2, 2, T0_US + 20_000, false, NO, 20_000),
                new Probe(3, 3, T0_US + 30_000, true, NO, NO_OWD),
                new Probe(4, 4, T0_US + 40_000, false, 2_510_000, 10_000),
                new Probe(5, 5, T0_US + 50_000, false, 60_000, 25_000)), InMemoryImport.probes(up));
        assertEquals(List.of(
                new Probe(0, 0, T0_US + 21_000, false, 50_000, 30_000),
                // no server stamp: the client's send time plus the estimated send delay
                new Probe(1, 2, T0_US + 40_000, true, NO, NO_OWD),
                new Probe(2, 3, T0_US + 50_000, true, NO, NO_OWD),
                new Probe(3, 4, T0_US + 50_000, true, NO, NO_OWD),
                new Probe(4, 5, T0_US + 76_000, false, 60_000, 35_000)), InMemoryImport.probes(down));
        assertEquals(List.of(
                new Probe(0, 0, T0_US, false, 50_000, NO_OWD),
                new Probe(1, 1, T0_US + 10_000, true, NO, NO_OWD),
                new Probe(2, 2, T0_US + 20_000, true, NO, NO_OWD),
                new Probe(3, 3, T0_US + 30_000, true, NO, NO_OWD),
                new Probe(4, 4, T0_US + 40_000, true, NO, NO_OWD),
                new Probe(5, 5, T0_US + 50_000, false, 60_000, NO_OWD)), InMemoryImport.probes(both));
        assertTrue(r.diagnostics.stream().anyMatch(d -> d.message().startsWith("1 of 3 lost round trips have no "
                + "direction")), r.diagnostics.toString());
    }

    @Test
    void upIsTheDefaultAndGzipReadsAlike() {
        Path plain = sixTrips().write(tmp.resolve("a.json"));
        Path gz = sixTrips().write(tmp.resolve("a.json.gz"));
        InMemoryImport a = InMemoryImport.format(new IrttFormat(), plain, ImportOptions.defaults());
        InMemoryImport b = InMemoryImport.format(new IrttFormat(), gz, ImportOptions.defaults());
        assertEquals(1, a.traces.size());
        assertEquals(Direction.UP, a.traces.get(0).info().direction());
        assertEquals(a.traces, b.traces);
    }

    @Test
    void theFormatIsRecognisedByContent() throws Exception {
        Path f = sixTrips().write(tmp.resolve("noext"));
        assertEquals("irtt", InputFormats.detect(f, "noext").id());
        Path gz = sixTrips().write(tmp.resolve("x.gz"));
        assertEquals("irtt", InputFormats.detect(gz, "x.gz").id());
        assertFalse(new IrttFormat().sniff(new FileHead("{\"results\": [1, 2]}\n".getBytes(StandardCharsets.UTF_8),
                true)));
    }

    @Test
    void aFileCutShortKeepsTheWholeRoundTripsBeforeTheCut() throws Exception {
        String text = sixTrips().text();
        int cut = text.indexOf("\"seqno\": 4");
        Path f = Files.writeString(tmp.resolve("cut.json"), text.substring(0, cut + 5));
        InMemoryImport r = read(f, "round-trip");
        assertNull(r.error);
        assertEquals(4, r.traces.get(0).size());
        long line = text.substring(0, cut).lines().count();
        assertTrue(r.diagnostics.stream().anyMatch(d -> d.where().equals("line " + line) && d.message().contains("the JSON ends or "
                + "turns invalid here") && d.message().endsWith("the 4 round trips before it are kept")),
                r.diagnostics.toString());
    }

    @Test
    void damageOutsideTheRoundTripsIsAnErrorNamingTheLine() throws Exception {
        String text = sixTrips().text();
        Path f = Files.writeString(tmp.resolve("bad.json"), text.replace("\"hostname\": \"lab\"", "\"hostname\" \"lab\""));
        InMemoryImport r = read(f, "up");
        assertNotNull(r.error);
        long line = text.substring(0, text.indexOf("\"hostname\"")).lines().count();
        assertTrue(r.error.getMessage().startsWith("bad.json: line " + line + ": not valid JSON: "), r.error.getMessage());

        Path other = sixTrips().jsonFormat(2).write(tmp.resolve("v2.json"));
        r = read(other, "up");
        assertNotNull(r.error);
        assertEquals("v2.json: line 5: irtt json_format 2 is not supported (the reader knows format 1, irtt 0.9)",
                r.error.getMessage());
    }

    @Test
    void aRoundTripWithAFieldOfTheWrongKindIsLeftOutWithAWarning() throws Exception {
        String text = sixTrips().text();
        Path f = Files.writeString(tmp.resolve("w.json"), text.replace("\"seqno\": 2,", "\"seqno\": \"two\","));
        InMemoryImport r = read(f, "round-trip");
        assertNull(r.error);
        assertEquals(5, r.traces.get(0).size());
        long line = text.substring(0, text.indexOf("\"seqno\": 2,")).lines().count();
        assertTrue(r.diagnostics.stream().anyMatch(d -> d.where().equals("line " + (line - 1))
                && d.message().equals("'seqno' is not a whole number; round trip left out")), r.diagnostics.toString());
    }

    /**
     * Found by fuzzing: one client stamp damaged to 1970 stretched the trace over 54 years of
     * empty intervals (a hang). A send time more than an hour from where the run's clock puts
     * its seqno leaves the round trip out; a server stamp that far from its client stamp is
     * ignored (the down trace estimates that send time).
     */
    @Test
    void stampsAnHourOffAreLeftOutWithAWarning() throws Exception {
        IrttFile f = new IrttFile();
        for (int i = 0; i < 6; i++) {
            long send = i == 2 ? 9_999_999_999L : T0 + i * 10 * MS;
            f.add(Trip.received(send, 20 * MS, 0, 30 * MS));
        }
        // the server held this one two hours (its stamps say): the RTT without that time is 50 ms
        f.add(Trip.received(T0 + 60 * MS, 20 * MS, 7_200_000 * MS, 30 * MS));
        InMemoryImport r = read(f.write(tmp.resolve("far.json")), "up,down");
        assertNull(r.error);
        assertEquals(6, r.traces.get(0).size(), "round trip 2 left out");
        assertTrue(r.diagnostics.stream().anyMatch(d -> d.message().startsWith("client send time more than an hour "
                + "from where the run's clock puts this seqno; round trip left out")), r.diagnostics.toString());
        assertTrue(r.diagnostics.stream().anyMatch(d -> d.message().startsWith("1 server send stamps more than an hour "
                + "from their client send time ignored")), r.diagnostics.toString());
        Trace down = r.traces.get(1);
        assertEquals(T0_US + 80_000, down.sendUs(down.size() - 1), "sent at the client's time plus the estimated 20 ms");
    }
}
