package org.smarttunnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.eval.SimulatedData;
import org.smarttunnel.eval.congestion.CongestionAnalysis;
import org.smarttunnel.eval.congestion.CongestionOptions;
import org.smarttunnel.ingest.dataset.TraceDataset;
import org.smarttunnel.ingest.testing.RealData;

/**
 * Concurrent paths end to end: shared-congestion detection against a simulation's true groups
 * and on the real campus logs, replay and evaluate aligning tunnels by time, user-defined
 * tunnels, and merging or avoiding paths that share congestion.
 */
class ConcurrentPathsTest {
    @TempDir
    static Path tmp;
    static Path shared;

    /** 10 hosts x 2 sites, 400 s at 2 ms, a bottleneck at each site crossed by about half the paths. */
    @BeforeAll
    static void dataset() throws Exception {
        shared = SimulatedData.shared(tmp.resolve("shared"), 10, 2, 400, 4);
    }

    /**
     * Pair precision and recall of "shared" pooled over five simulated datasets (seeds 4-8; one
     * seed alone ranges from 0.87 to 1 and from 0.76 to 1: docs/results.md), and the selection of
     * every one of them right by SCI.
     */
    @Test
    void detectionFindsTheSimulatedBottlenecks() throws Exception {
        long truly = 0;
        long detected = 0;
        long correct = 0;
        for (long seed = 4; seed <= 8; seed++) {
            Path ds = seed == 4 ? shared : SimulatedData.shared(tmp.resolve("seed" + seed), 10, 2, 400, seed);
            CongestionAnalysis.Result r = CongestionAnalysis.run(TraceDataset.open(ds), CongestionOptions.builder()
                    .truth(Optional.of(ds.resolve("truth/groups_truth.csv"))).select(OptionalInt.of(4)).build());
            assertEquals(190, r.pairs().size());
            truly += Long.parseLong(CongestionAnalysis.score(r.scores(), "truly_shared_pairs").orElseThrow());
            detected += Long.parseLong(CongestionAnalysis.score(r.scores(), "detected_shared_pairs").orElseThrow());
            correct += Long.parseLong(CongestionAnalysis.score(r.scores(), "correctly_detected_pairs").orElseThrow());
            double sci = Double.parseDouble(CongestionAnalysis.score(r.scores(), "sci").orElseThrow());
            assertEquals(1.0, sci, "seed " + seed + ": " + r.scores());
        }
        assertTrue(correct >= 0.9 * detected, "precision " + correct + "/" + detected);
        assertTrue(correct >= 0.9 * truly, "recall " + correct + "/" + truly);
    }

    @Test
    void congestionWritesItsTablesAndScores() throws Exception {
        Path out = tmp.resolve("congestion");
        Cli c = Cli.run("congestion", "--data", shared, "--site", "198.18.1.1", "--select", 3, "--truth",
                shared.resolve("truth/groups_truth.csv"), "--out", out);
        assertEquals(0, c.status, c::toString);
        List<String> pairs = Files.readAllLines(out.resolve("pairs.csv"));
        assertEquals("trace_a,trace_b,overlap_s,bins,lossy_a,lossy_b,lossy_both,lift,loss_p,delay_bins,delay_r,"
                + "delay_p,verdict", pairs.get(0));
        assertEquals(1 + 45, pairs.size(), "10 traces to the site: 45 pairs");
        assertEquals("group,trace,representative,loss_rate", Files.readAllLines(out.resolve("groups.csv")).get(0));
        assertEquals(4, Files.readAllLines(out.resolve("selection.csv")).size(), "header and 3 paths");
        assertTrue(Files.readString(out.resolve("scores.csv")).contains("\nsci,"));
        assertTrue(c.out.startsWith("Compared 45 pairs of 10 traces"), c.out);
        assertEquals(2, Cli.run("congestion", "--data", shared, "--site", "x", "--traces", "a", "--out", out).status);
    }

    @Test
    void replayAlignsConcurrentTracesByTimeAndRefusesTimeForOthers() throws Exception {
        TraceDataset ds = TraceDataset.open(shared);
        String a = ds.traces().get(0).id();
        String b = ds.traces().get(1).id();
        Cli auto = Cli.run("replay", "--data", shared, "--trace", a, "--trace", b, "--allocators", "rr", "--out",
                tmp.resolve("auto.csv"));
        assertEquals(0, auto.status, auto::toString);
        assertTrue(auto.out.contains("aligned by time as measured together"), auto.out);
        // one dataset holding a simulation of January 2024 and one of 2027: traces years apart
        Path apart = SimulatedData.dataset(tmp.resolve("apart"), 1, 1, 80, 9);
        org.smarttunnel.eval.simulate.TraceSimulator.write(org.smarttunnel.eval.simulate.SimulationOptions
                .builder(1, 1).seed(10).durationNs(80_000_000_000L).startNs(1_800_000_000_000_000_000L).build(),
                apart, SimulatedData.INTERVAL_US, org.smarttunnel.ingest.dataset.TraceFormat.CSV);
        TraceDataset both = TraceDataset.open(apart);
        String early = both.traces().get(0).id();
        String late = both.traces().get(1).id();
        Path csv = tmp.resolve("apart.csv");
        Cli refused = Cli.run("replay", "--data", apart, "--trace", early, "--trace", late, "--align", "time",
                "--out", csv);
        assertEquals(2, refused.status, refused::toString);
        assertTrue(refused.err.startsWith("error: --align time needs traces measured together (send times overlapping "
                + "by at least one interval, 40s), and these were not: " + early + " 2024-01-01T00:00:00Z to "), refused.err);
        assertEquals(1, refused.err.lines().count());
        Cli byNumber = Cli.run("replay", "--data", apart, "--trace", early, "--trace", late, "--out", csv);
        assertEquals(0, byNumber.status, byNumber::toString);
        assertTrue(byNumber.out.contains("aligned by interval number as not measured together"), byNumber.out);
    }

    @Test
    void evaluateTakesUserDefinedTunnels() throws Exception {
        TraceDataset ds = TraceDataset.open(shared);
        String x = ds.traces().get(0).id();
        String y = ds.traces().get(1).id();
        String z = ds.traces().get(2).id();
        Path tunnels = Files.writeString(tmp.resolve("tunnels.csv"), "tunnel,trace\nt1," + x + "\nt1," + y
                + "\nt2," + x + "\nt2," + y + "\nt2," + z + "\n");
        Path out = tmp.resolve("user");
        Cli c = Cli.run("evaluate", "--data", shared, "--tunnels", tunnels, "--redundancy", 7, "--allocators", "rr",
                "--modes", "oracle", "--quiet", "--out", out);
        assertEquals(0, c.status, c::toString);
        List<String> combos = Files.readAllLines(out.resolve("combinations.csv"));
        assertEquals(3, combos.size(), "exactly the two tunnels: " + combos);
        assertTrue(combos.get(1).contains(x + ";" + y) && combos.get(2).contains(x + ";" + y + ";" + z), combos
                .toString());
        assertTrue(combos.get(1).endsWith(",time"), "measured together: aligned by time");
        assertTrue(c.out.contains("Tunnels aligned by time (measured together): 2; by interval number: 0"), c.out);
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "tunnel,trace\nt1," + x + "\nt1,nope\n");
        Cli b = Cli.run("evaluate", "--data", shared, "--tunnels", bad, "--out", tmp.resolve("bad-out"));
        assertEquals(1, b.status);
        assertEquals("error: " + bad + ": line 3: no trace 'nope' with probes in the dataset\n", b.err);
        Cli both = Cli.run("evaluate", "--data", shared, "--tunnels", tunnels, "--paths", 2, "--out",
                tmp.resolve("both-out"));
        assertEquals(2, both.status);
        assertTrue(both.err.startsWith("error: Invalid value for option '--paths': cannot be given with --tunnels"),
                both.err);
    }

    /**
     * With bottlenecks (this dataset: docs/results.md), avoiding the paths that share one lowers
     * smarttunnel's loss after FEC in the 3-path cells with low-loss paths, merging them lowers it
     * where all three are low-loss (merging rotates a group's packets over its members, which hurts
     * when it mixes a good path with a bad one), and both bring the models' expectation closer to
     * what is measured.
     */
    @Test
    void mergingAndAvoidingSharedPathsHelpWhereTheyCanAndCloseTheCalibrationGap() throws Exception {
        Map<String, Map<String, double[]>> byMode = new HashMap<>();
        for (String how : List.of("ignore", "merge", "avoid")) {
            Path out = tmp.resolve("ev-" + how);
            Cli c = Cli.run("evaluate", "--data", shared, "--paths", 3, "--redundancy", 7, "--runs", 20,
                    "--allocators", "smarttunnel", "--shared", how, "--quiet", "--threads", 2,
                    "--out", out);
            assertEquals(0, c.status, c::toString);
            Map<String, double[]> cells = new HashMap<>();
            List<String> rows = Files.readAllLines(out.resolve("calibration.csv"));
            for (String row : rows.subList(1, rows.size())) {
                String[] f = row.split(",", -1);
                if (!f[6].isEmpty()) {
                    cells.put(f[3] + " G=" + f[2], new double[] {Double.parseDouble(f[6]), Double.parseDouble(f[7])});
                }
            }
            byMode.put(how, cells);
        }
        assertEquals(8, byMode.get("ignore").size(), "G 0-3 in both modes");
        for (String cell : byMode.get("ignore").keySet()) {
            double[] ignore = byMode.get("ignore").get(cell);
            for (String how : List.of("merge", "avoid")) {
                double[] other = byMode.get(how).get(cell);
                assertTrue(other[0] / other[1] > ignore[0] / ignore[1], how + " " + cell + ": expected/measured "
                        + other[0] / other[1] + " vs " + ignore[0] / ignore[1]);
                boolean reported = how.equals("avoid") ? !cell.endsWith("G=0") : cell.endsWith("G=3");
                if (reported) {
                    assertTrue(other[1] <= ignore[1], how + " " + cell + ": measured " + other[1] + " vs " + ignore[1]);
                }
            }
        }
    }

    @Test
    void mergingGivesTheSameFilesWhateverTheThreadCount() throws Exception {
        List<Path> outs = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            Path out = tmp.resolve("merge-t" + threads);
            Cli c = Cli.run("evaluate", "--data", shared, "--paths", "2,3", "--redundancy", 7, "--runs", 3,
                    "--allocators", "smarttunnel,rr", "--shared", "merge", "--quiet", "--threads", threads, "--out", out);
            assertEquals(0, c.status, c::toString);
            outs.add(out);
        }
        try (var files = Files.list(outs.get(0))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv") || p.toString().endsWith(".svg")).toList()) {
                if (f.getFileName().toString().equals("manifest.csv")) {
                    // report.md names its own output directory; every other file's digest is the same
                    assertEquals(Files.readAllLines(f).stream().filter(l -> !l.startsWith("report.md,")).toList(),
                            Files.readAllLines(outs.get(1).resolve(f.getFileName())).stream()
                                    .filter(l -> !l.startsWith("report.md,")).toList());
                    continue;
                }
                assertEquals(-1L, Files.mismatch(f, outs.get(1).resolve(f.getFileName())), f.getFileName().toString());
            }
        }
    }

    @Test
    void theRealCampusLogsShareCongestionOnLossyDays() throws Exception {
        Path logs = RealData.requirePingLogs();
        Path ds = tmp.resolve("real");
        Cli imported = Cli.run("import", "--out", ds, logs.resolve("google-12sep.txt"), logs.resolve("umsf-12sep.txt"),
                logs.resolve("google-26apr.txt"), logs.resolve("umsf-26apr.txt"));
        assertEquals(0, imported.status, imported::toString);
        // each run of a log pings both destinations at once: only the google/umsf pairs of a run overlap
        List<TraceDataset.Together> together = TraceDataset.open(ds).concurrentPairs();
        assertTrue(together.stream().allMatch(p -> p.a().replaceAll("^\\w+-|_.*_", "").equals(p.b().replaceAll(
                "^\\w+-|_.*_", ""))), together.toString());
        assertTrue(imported.out.contains("Measured together (send times overlapping by at least 40s): "
                + together.size() + " of 465 pairs of traces"), imported.out);
        CongestionAnalysis.Result r = CongestionAnalysis.run(TraceDataset.open(ds), CongestionOptions.builder()
                .build());
        Map<String, String> verdict = new HashMap<>();
        r.pairs().forEach(p -> verdict.put(p.a() + " " + p.b(), p.verdict().id()));
        assertEquals("shared", verdict.get("google-12sep_google.com_r1 umsf-12sep_ums.lpu.in_r1"));
        assertEquals("not-concurrent", verdict.get("google-12sep_google.com_r1 google-26apr_google.com_r1"));
        assertEquals("not-concurrent", verdict.get("google-26apr_google.com_r1 umsf-12sep_ums.lpu.in_r1"));
        // a site's two hosts (the two days) were never measured together: no tunnel aligned by time
        Cli ev = Cli.run("evaluate", "--data", ds, "--paths", 2, "--redundancy", 7, "--allocators", "rr", "--align",
                "time", "--quiet", "--out", tmp.resolve("real-ev"));
        assertEquals(0, ev.status, ev::toString);
        assertTrue(ev.out.contains("No combination of traces measured together exists for N=2 G=0, N=2 G=1, N=2 G=2"),
                ev.out);
        assertTrue(Files.readString(tmp.resolve("real-ev/report.md")).contains("No combination of traces measured "
                + "together exists for N=2 G=0"));
        Cli auto = Cli.run("evaluate", "--data", ds, "--paths", 2, "--redundancy", 7, "--allocators", "rr", "--quiet",
                "--out", tmp.resolve("real-auto"));
        assertTrue(auto.out.contains("Tunnels aligned by time (measured together): 0; by interval number: "), auto.out);
    }
}
