package org.smarttunnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.ingest.dataset.TraceDataset;
import org.smarttunnel.ingest.testing.CaptureFile;
import org.smarttunnel.ingest.testing.EchoRun;
import org.smarttunnel.ingest.testing.Fixture;
import org.smarttunnel.ingest.testing.Fixtures;
import org.smarttunnel.ingest.testing.Frames;
import org.smarttunnel.ingest.testing.IrttFile;
import org.smarttunnel.ingest.testing.Libpcap;
import org.smarttunnel.ingest.testing.Packets;
import org.smarttunnel.ingest.testing.RealData;

/** The import command end to end on generated captures. */
class ImportCommandTest {
    static final long S = 1_000_000_000L;
    static final long T0 = 1_726_122_373L * S;

    @TempDir
    Path tmp;

    private Path tinyCapture() {
        EchoRun run = new EchoRun(Packets.v4("10.0.0.1"), Packets.v4("192.0.2.7"), 4660, 7,
                new long[] {T0, T0 + S, T0 + 2 * S}, new long[] {30_000_000L, -1, 25_500_000L});
        CaptureFile.Pcap p = new CaptureFile.Pcap(1, false, false);
        for (EchoRun.Event e : run.events(true)) {
            p.packet(e.tNs(), Frames.ethernet(false).apply(e));
        }
        return CaptureFile.write(tmp.resolve("tiny.pcap"), p.toBytes(), false);
    }

    @Test
    void printsWhatItReadAndAdded() {
        Path capture = tinyCapture();
        Path out = tmp.resolve("ds");
        Cli r = Cli.run("import", "--out", out, capture);
        assertEquals(0, r.status, r::toString);
        assertEquals("", r.err);
        assertEquals("Read 1 file:\n"
                + "  " + capture + ": pcap, fast reader, 5 frames (3 echo requests, 2 replies, 0 other packets "
                + "ignored); 1 trace\n"
                + "\n"
                + "Added 1 trace to " + out + " (1 in the dataset, intervals of 40s):\n"
                + "trace                    host      site       probes  lost     loss  intervals  first send (UTC)\n"
                + "10.0.0.1_192.0.2.7_4660  10.0.0.1  192.0.2.7       3     1  33.333%          1  2024-09-12T06:26:13Z\n"
                + "total                                              3     1  33.333%\n", r.out);
        Cli again = Cli.run("import", "--out", out, capture);
        assertEquals(0, again.status);
        assertTrue(again.out.contains("not added: 10.0.0.1 -> 192.0.2.7: already in the dataset as trace "
                + "10.0.0.1_192.0.2.7_4660"), again::toString);
        assertTrue(again.out.contains("Added 0 traces to " + out + " (1 in the dataset"), again::toString);
    }

    /** irtt's JSON: one trace per direction asked for, the direction in the index, one-way delays in the traces. */
    @Test
    void irttOutputBecomesOneTracePerDirection() throws Exception {
        IrttFile f = new IrttFile().hostname("lab");
        for (int i = 0; i < 4; i++) {
            f.add(i == 2 ? IrttFile.Trip.lost(T0 + i * 10_000_000L, "true_down")
                    : IrttFile.Trip.received(T0 + i * 10_000_000L, 20_000_000L, 0, 30_000_000L));
        }
        Path run = f.write(tmp.resolve("run.json.gz"));
        Path out = tmp.resolve("ds");
        Cli r = Cli.run("import", "--out", out, "--direction", "up,down", run);
        assertEquals(0, r.status, r::toString);
        assertTrue(r.out.contains(run + ": irtt, 4 round trips, 1 lost (0 up, 1 down, 0 unknown); 2 traces"), r.out);
        List<String> index = Files.readAllLines(out.resolve("index.csv"));
        assertTrue(index.get(1).startsWith("lab_192.0.2.7_40000-up,") && index.get(1).endsWith(",4,0,0,"
                + T0 / 1000 + "," + (T0 / 1000 + 30_000) + ",up"), index.get(1));
        assertTrue(index.get(2).startsWith("lab_192.0.2.7_40000-down,") && index.get(2).endsWith(",down"), index.get(2));
        assertEquals(List.of("index,seq,send_us,lost,rtt_us,owd_us", "0,0," + T0 / 1000 + ",0,50000,20000"),
                Files.readAllLines(out.resolve("traces/lab_192.0.2.7_40000-up.csv")).subList(0, 2));

        Cli bad = Cli.run("import", "--out", tmp.resolve("ds2"), "--direction", "sideways", run);
        assertEquals(2, bad.status, bad::toString);
        assertTrue(bad.err.contains("--direction must be up, down, round-trip (comma-separated) or all, not "
                + "'sideways'"), bad.err);
    }

    @Test
    void badFilesGiveOneLineErrorsAndStatusOneWhileGoodFilesAreImported() throws Exception {
        Path good = tinyCapture();
        Path text = Files.writeString(tmp.resolve("notes.txt"), "just some notes\nnothing else\n");
        Path cut = tmp.resolve("cut.pcap");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(good), 24 + 114 + 16 + 60));
        Cli r = Cli.run("import", "--out", tmp.resolve("ds"), text, good, cut);
        assertEquals(1, r.status, r::toString);
        List<String> lines = r.err.lines().toList();
        assertEquals(List.of(
                "error: " + text + ": line 1: in none of the known formats (pcap, zing, pinglog, irtt, fping, owamp)",
                "warning: " + cut + ": offset 138: truncated last record (76 of 114 bytes); the packets before it "
                        + "are kept"), lines);
        assertFalse(r.err.contains("Exception"));
        assertEquals(2, TraceDataset.open(tmp.resolve("ds")).traces().size(), "the good file and the cut one");
    }

    @Test
    void usageErrorsAreOneLineWithAHint() {
        Cli r = Cli.run("import", "--out", tmp.resolve("ds"), "--timeout", "soon", tinyCapture());
        assertEquals(2, r.status);
        assertEquals("error: Invalid value for option '--timeout': 'soon' is not a duration; write e.g. 2s, 40s, "
                + "2ms, 1.5s, 5m, 250us\nTry 'smarttunnel import --help' for its options.\n", r.err);
        Cli f = Cli.run("import", "--out", tmp.resolve("ds"), "--format", "wav", tinyCapture());
        assertEquals(2, f.status);
        assertEquals("error: --format must be auto or one of pcap, zing, pinglog, irtt, fping, owamp, not 'wav'\n", f.err);
        assertEquals(2, Cli.run("import", tinyCapture()).status);
        assertEquals(2, Cli.run().status);
    }

    @Test
    void helpAndVersion() {
        Cli v = Cli.run("--version");
        assertEquals(0, v.status);
        assertTrue(v.out.startsWith("smarttunnel "), v.out);
        // printed without picocli, as picocli prints it
        java.io.StringWriter picocli = new java.io.StringWriter();
        picocli.CommandLine root = Main.commandLine(Main.COMMANDS);
        root.setOut(new java.io.PrintWriter(picocli));
        assertEquals(0, root.execute("-V"));
        assertEquals(picocli.toString(), v.out);
        assertEquals(v.out, Cli.run("-V").out);
        Cli h = Cli.run("import", "--help");
        assertEquals(0, h.status);
        assertTrue(h.out.contains("--readers=READER"), h.out);
        assertTrue(!h.out.contains("--reader="), "the old spelling works but is not advertised");
    }

    /** Both readers write byte-identical datasets for every capture fixture. */
    @Test
    void bothReadersWriteIdenticalDatasets() throws IOException {
        Libpcap.require();
        for (Fixture f : Fixtures.all()) {
            Path file = f.write(Files.createDirectories(tmp.resolve("in-" + f.name())));
            Path fast = tmp.resolve("fast-" + f.name());
            Path reference = tmp.resolve("pcap4j-" + f.name());
            assertEquals(0, Cli.run("import", "--out", fast, file).status, f.name());
            assertEquals(0, Cli.run("import", "--reader", "pcap4j", "--out", reference, file).status, f.name());
            assertEquals(tree(fast), tree(reference), f.name());
        }
    }

    private static String tree(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                if (!p.getFileName().toString().startsWith(".")) {
                    sb.append(dir.relativize(p)).append('\n')
                            .append(Files.readString(p, StandardCharsets.UTF_8)).append('\n');
                }
            }
        }
        return sb.toString();
    }

    @Test
    void realPingLogsImportCleanly() throws Exception {
        Path logs = RealData.requirePingLogs();
        Path out = tmp.resolve("real");
        Cli r = Cli.run("import", "--out", out, logs.resolve("google-26apr.txt"), logs.resolve("umsf-26apr.txt"));
        assertEquals(0, r.status, r::toString);
        assertEquals("", r.err);
        TraceDataset ds = TraceDataset.open(out);
        assertEquals(18, ds.traces().size());
        assertEquals("google-26apr_google.com_r1", ds.traces().get(0).id());
        assertEquals("google-26apr", ds.traces().get(0).info().host());
        assertEquals("google.com", ds.traces().get(0).info().site());
        for (var summary : ds.traces()) {
            var trace = ds.load(summary.id());
            assertEquals(summary.probes(), trace.size(), summary.id());
            assertEquals(summary.lost(), trace.loss().lossCount(), summary.id());
            assertEquals(summary.firstSendUs(), trace.sendUs(0), summary.id());
        }
    }
}
