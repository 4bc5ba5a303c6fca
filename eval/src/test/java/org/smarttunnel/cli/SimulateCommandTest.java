package org.smarttunnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.ingest.dataset.TraceDataset;
import org.smarttunnel.ingest.dataset.TraceSummary;
import org.smarttunnel.ingest.trace.Trace;

/** Simulated captures go through the normal import and give back what was simulated. */
class SimulateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void importedCountsEqualTheSimulatedTruth() throws Exception {
        Path caps = tmp.resolve("caps");
        Cli s = Cli.run("simulate", "--hosts", 2, "--sites", 3, "--duration", "30s", "--seed", 5, "--out", caps);
        assertEquals(0, s.status, s::toString);
        assertTrue(s.out.startsWith("Wrote 2 captures ("), s.out);
        Path ds = tmp.resolve("ds");
        Cli i = Cli.run("import", "--out", ds, caps.resolve("host-01.pcap"), caps.resolve("host-02.pcap"));
        assertEquals(0, i.status, i::toString);
        List<String> lines = Files.readAllLines(caps.resolve("truth.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        List<String> truth = lines.subList(1, 7);
        TraceDataset d = TraceDataset.open(ds);
        assertEquals(6, d.traces().size());
        for (String row : truth) {
            String[] f = row.split(",", -1);
            TraceSummary t = d.traces().stream()
                    .filter(x -> x.info().src().equals(f[2]) && x.info().dst().equals(f[3])).findFirst().orElseThrow();
            assertEquals(Long.parseLong(f[header.indexOf("probes")]), t.probes(), row);
            assertEquals(Long.parseLong(f[header.indexOf("lost")]), t.lost(), row);
            assertEquals(f[4], t.info().ident());
        }
        Trace one = d.load(d.traces().get(0).id());
        assertEquals(2000, one.sendUs(499) - one.sendUs(498), "2 ms spacing while on");
        assertEquals(1_002_000, one.sendUs(500) - one.sendUs(499), "the 1 s off period after 500 probes");
    }

    @Test
    void theSameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path c = tmp.resolve("c");
        for (Object[] run : new Object[][] {{a, 9}, {b, 9}, {c, 10}}) {
            assertEquals(0, Cli.run("simulate", "--hosts", 2, "--sites", 2, "--duration", "6s", "--gzip", "--seed",
                    run[1], "--out", run[0]).status);
        }
        for (String f : List.of("host-01.pcap.gz", "host-02.pcap.gz", "truth.csv")) {
            assertEquals(-1L, Files.mismatch(a.resolve(f), b.resolve(f)), f);
        }
        assertTrue(Files.mismatch(a.resolve("truth.csv"), c.resolve("truth.csv")) >= 0);
    }

    @Test
    void replyOnlyCapturesRecoverExactSendTimesFromThePayload() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, Cli.run("simulate", "--hosts", 1, "--sites", 2, "--duration", "20s", "--out", a).status);
        assertEquals(0, Cli.run("simulate", "--hosts", 1, "--sites", 2, "--duration", "20s", "--reply-only",
                "--gzip", "--out", b).status);
        assertEquals(0, Cli.run("import", "--out", tmp.resolve("da"), a.resolve("host-01.pcap")).status);
        assertEquals(0, Cli.run("import", "--out", tmp.resolve("db"), b.resolve("host-01.pcap.gz")).status);
        TraceDataset full = TraceDataset.open(tmp.resolve("da"));
        TraceDataset replies = TraceDataset.open(tmp.resolve("db"));
        for (int k = 0; k < 2; k++) {
            Trace x = full.load(full.traces().get(k).id());
            Trace y = replies.load(replies.traces().get(k).id());
            int first = 0;
            while (x.lost(first)) {
                first++;
            }
            int last = x.size() - 1;
            while (x.lost(last)) {
                last--;
            }
            assertEquals(last - first + 1, y.size(), "from the first to the last reply");
            for (int i = 0; i < y.size(); i++) {
                assertEquals(x.lost(first + i), y.lost(i), "probe " + i);
                assertEquals(x.rttUs(first + i), y.rttUs(i), "probe " + i);
                if (!y.lost(i)) {
                    assertEquals(x.sendUs(first + i), y.sendUs(i), "received probe " + i + ": payload time");
                } else {
                    assertTrue(y.sendUs(i - 1) <= y.sendUs(i) && y.sendUs(i) <= y.sendUs(i + 1),
                            "lost probe " + i + " interpolated between its neighbours");
                }
            }
        }
    }
}
