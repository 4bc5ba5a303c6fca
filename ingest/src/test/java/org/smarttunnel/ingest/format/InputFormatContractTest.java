package org.smarttunnel.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarttunnel.ingest.testing.Fixtures.MS;
import static org.smarttunnel.ingest.testing.Fixtures.T0;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.smarttunnel.ingest.Diagnostic;
import org.smarttunnel.ingest.ImportOptions;
import org.smarttunnel.ingest.ImportReport;
import org.smarttunnel.ingest.Importer;
import org.smarttunnel.ingest.testing.Bytes;
import org.smarttunnel.ingest.testing.CaptureFile;
import org.smarttunnel.ingest.testing.EchoRun;
import org.smarttunnel.ingest.testing.Frames;
import org.smarttunnel.ingest.testing.Packets;

/**
 * What every registered input format promises, on a sample written here and a damaged copy of
 * it: only it recognises the sample (so "auto" picks it), it reads the sample into traces with
 * no error, and damage is reported once, naming the file and where (byte offset or line). A new
 * format adds its samples to {@link #SAMPLES}.
 */
class InputFormatContractTest {
    /** A valid file of the format, and the same file damaged after its first probes. */
    private record Sample(byte[] valid, byte[] damaged, int traces) {
    }

    private static final EchoRun RUN = EchoRun.gilbert(Packets.v4("10.0.0.1"), Packets.v4("192.0.2.7"), 7, 0, 300, T0,
            2 * MS, 0.02, 0.3, 7);

    private static final Map<String, Sample> SAMPLES = Map.of(
            "pcap", pcap(),
            "pinglog", text("""
                    PING 192.0.2.7 (192.0.2.7) 56(84) bytes of data.
                    [1726122373.031200] 64 bytes from 192.0.2.7: icmp_seq=1 ttl=57 time=31.2 ms
                    [1726122374.030900] 64 bytes from 192.0.2.7: icmp_seq=2 ttl=57 time=30.9 ms
                    [1726122376.032000] 64 bytes from 192.0.2.7: icmp_seq=4 ttl=57 time=32.0 ms
                    """, "[1726122377.030000] 64 bytes from 192.0.2.7: icmp_seq=99999999999999999999 ttl=57 time=30.0 ms\n",
                    1),
            "zing", text("""
                    # zing 1
                    # host=alpha site=paris
                    0 1726122373.000000 1726122373.031234
                    1 1726122373.002000 -
                    2 1726122373.004000 1726122373.035
                    """, "3 99999999999999999999.0 -\n", 1),
            "irtt", irtt(),
            "owamp", text(org.smarttunnel.ingest.owamp.OwampFormatTest.record(0, org.smarttunnel.ingest.owamp
                    .OwampFormatTest.stamp(1_726_122_373L, 0), org.smarttunnel.ingest.owamp.OwampFormatTest.stamp(
                    1_726_122_373L, 1L << 27)) + org.smarttunnel.ingest.owamp.OwampFormatTest.record(1, org.smarttunnel
                    .ingest.owamp.OwampFormatTest.stamp(1_726_122_374L, 0), "00000000000000000000"),
                    "2 not a record\n", 1),
            "fping", text("""
                    [1726122373.03120] 192.0.2.7 : [0], 64 bytes, 31.2 ms (31.2 avg, 0% loss)
                    [1726122374.03090] 192.0.2.7 : [1], 64 bytes, 30.9 ms (31.0 avg, 0% loss)
                    [1726122375.50000] 192.0.2.7 : [2], timed out (31.0 avg, 33% loss)
                    """, "[1726122376.03000] 192.0.2.7 : [99999999999999999999], 64 bytes, 30.0 ms (31 avg, 0% loss)\n",
                    1));

    @TempDir
    Path dir;

    static Stream<InputFormat> registry() {
        return InputFormats.all().stream();
    }

    private static Sample pcap() {
        CaptureFile.Pcap p = new CaptureFile.Pcap(1, false, false);
        for (EchoRun.Event e : RUN.events(true)) {
            p.packet(e.tNs(), Frames.ethernet(false).apply(e));
        }
        byte[] good = p.toBytes();
        byte[] huge = new Bytes(false).u32(T0 / 1_000_000_000L + 100).u32(0).u32(0xFFFFFF00).u32(98).toArray();
        return new Sample(good, Packets.concat(good, huge), 1);
    }

    private static Sample irtt() {
        org.smarttunnel.ingest.testing.IrttFile f = new org.smarttunnel.ingest.testing.IrttFile();
        for (int i = 0; i < 3; i++) {
            f.add(org.smarttunnel.ingest.testing.IrttFile.Trip.received(T0 + i * 2 * MS, 10 * MS, 0, 12 * MS));
        }
        String valid = f.text();
        // cut inside the last round trip: the first two are kept, with one warning naming the line
        return new Sample(valid.getBytes(StandardCharsets.UTF_8), valid.substring(0, valid.indexOf("\"seqno\": 2"))
                .getBytes(StandardCharsets.UTF_8), 1);
    }

    private static Sample text(String valid, String bad, int traces) {
        return new Sample(valid.getBytes(StandardCharsets.UTF_8), (valid + bad).getBytes(StandardCharsets.UTF_8),
                traces);
    }

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registry")
    void onlyTheFormatItselfRecognisesItsSample(InputFormat f) throws Exception {
        Sample s = SAMPLES.get(f.id());
        assertTrue(s != null, "no sample for the registered format " + f.id() + ": add one to SAMPLES");
        Path file = write("sample", s.valid());
        assertEquals(f, InputFormats.detect(file, "sample"));
        for (InputFormat other : InputFormats.all()) {
            if (other != f) {
                byte[] head = Files.readAllBytes(file);
                assertFalse(other.sniff(new FileHead(head, true)), other.id() + " claims a " + f.id() + " sample");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registry")
    void readsItsSampleIntoTracesWithoutErrors(InputFormat f) throws Exception {
        Sample s = SAMPLES.get(f.id());
        ImportReport r = new Importer(ImportOptions.builder().format(Optional.of(f)).build())
                .importFiles(List.of(write("valid-" + f.id(), s.valid())), dir.resolve("ds-" + f.id()));
        assertFalse(r.hasErrors(), r.diagnostics().toString());
        assertEquals(s.traces(), r.files().get(0).traces());
        assertEquals(s.traces(), r.commit().added().size());
        assertTrue(r.commit().added().get(0).summary().probes() > 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registry")
    void damageIsReportedOnceNamingFileAndPlace(InputFormat f) throws Exception {
        Sample s = SAMPLES.get(f.id());
        String name = write("damaged-" + f.id(), s.damaged()).toString();
        ImportReport r = new Importer(ImportOptions.defaults()).importFiles(List.of(Path.of(name)),
                dir.resolve("bad-" + f.id()));
        assertEquals(1, r.diagnostics().size(), r.diagnostics().toString());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(name, d.file());
        assertTrue(d.where().matches("(offset|line) \\d+"), d.toString());
        assertEquals(d.severity() == Diagnostic.Severity.ERROR, r.files().get(0).failed());
    }

    @Test
    void autoIsNotAFormatAndUnknownIdsAreRefused() {
        assertEquals(Optional.empty(), InputFormats.parse("auto"));
        assertEquals("pcap", InputFormats.parse("pcap").orElseThrow().id());
        assertEquals("input format must be auto or one of pcap, zing, pinglog, irtt, fping, owamp, not 'wav'",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> InputFormats.parse("wav")).getMessage());
    }
}
