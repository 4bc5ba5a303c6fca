package org.smarttunnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.eval.SimulatedData;

/** evaluate end to end: same files at any thread count, progress, errors. */
class EvaluateCommandTest {
    private static final List<String> FILES = List.of("replay.csv", "combinations.csv", "loss_free.csv",
            "mean_loss.csv", "loss_free_by_paths.csv", "expected_loss.csv", "calibration.csv", "delay.csv", "comparisons.csv",
            "report.md", "loss_free.svg", "loss_vs_late.svg", "loss_rate_oracle.svg", "loss_rate_predicted.svg",
            "manifest.csv");

    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void dataset() throws Exception {
        data = SimulatedData.dataset(tmp.resolve("data"), 7, 2, 120, 4);
    }

    private static Cli evaluate(Path out, Object... extra) {
        List<Object> args = new java.util.ArrayList<>(List.of("evaluate", "--data", data, "--paths", "2,3",
                "--redundancy", "7,14", "--runs", 3, "--allocators", "rr,greedy,mpip,smarttunnel,smarttunnel-exact",
                "--out", out));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray());
    }

    @Test
    void theSameSeedGivesTheSameFilesWhateverTheThreadCount() throws Exception {
        Cli one = evaluate(tmp.resolve("t1"), "--threads", 1);
        Cli three = evaluate(tmp.resolve("t3"), "--threads", 3);
        assertEquals(0, one.status, one::toString);
        assertEquals(0, three.status, three::toString);
        for (String f : FILES) {
            if (f.equals("report.md")) {
                // the report names its own output directory in the command that reproduces it
                assertEquals(Files.readString(tmp.resolve("t1").resolve(f)).replace(tmp.resolve("t1").toString(), "OUT"),
                        Files.readString(tmp.resolve("t3").resolve(f)).replace(tmp.resolve("t3").toString(), "OUT"), f);
            } else if (f.equals("manifest.csv")) {
                // so the manifest differs in report.md's digest alone
                assertEquals(Files.readAllLines(tmp.resolve("t1").resolve(f)).stream()
                        .filter(l -> !l.startsWith("report.md,")).toList(), Files.readAllLines(tmp.resolve("t3")
                                .resolve(f)).stream().filter(l -> !l.startsWith("report.md,")).toList(), f);
                assertEquals(List.of(), org.smarttunnel.eval.Manifest.check(tmp.resolve("t1")));
            } else {
                assertEquals(-1L, Files.mismatch(tmp.resolve("t1").resolve(f), tmp.resolve("t3").resolve(f)), f);
            }
        }
        Cli other = evaluate(tmp.resolve("s2"), "--seed", 2, "--quiet");
        assertEquals(0, other.status, other::toString);
        assertTrue(Files.mismatch(tmp.resolve("t1/combinations.csv"), tmp.resolve("s2/combinations.csv")) >= 0,
                "another seed draws other combinations");
        assertTrue(one.out.startsWith("Evaluated "), one.out);
        assertTrue(one.out.contains("Loss-free intervals (%) over random N-path tunnels, oracle"), one.out);
        assertTrue(one.out.contains("No combination exists for N=3 G=0: those cells have 0 intervals"), one.out);
        assertTrue(Files.readString(tmp.resolve("t1/report.md")).contains("No combination exists for N=3 G=0:"));
        assertTrue(Files.readAllLines(tmp.resolve("t1/loss_free.csv")).contains("3,7,0,oracle,rr,0,,,,,"),
                "an impossible cell is kept with 0 intervals and an empty value");
        assertTrue(one.err.contains("100% "), "plain progress lines when not on a terminal: " + one.err);
        assertEquals("", other.err, "--quiet");
    }

    /**
     * Allocators on Gilbert-Elliott fits: the same files at any thread count, and the models'
     * promises (expected_loss.csv) are the hidden-state models', not the chains'.
     */
    @Test
    void allocatorsRunOnGilbertElliottFits() throws Exception {
        Object[] cell = {"evaluate", "--data", data, "--paths", 2, "--redundancy", 7, "--runs", 2, "--allocators",
                "smarttunnel,smarttunnel-exact,greedy", "--quiet"};
        Cli one = Cli.run(concat(cell, "--model", "ge", "--threads", 1, "--out", tmp.resolve("ge1")));
        Cli two = Cli.run(concat(cell, "--model", "gilbert-elliott", "--threads", 2, "--out", tmp.resolve("ge2")));
        Cli chains = Cli.run(concat(cell, "--out", tmp.resolve("eg")));
        assertEquals(0, one.status, one::toString);
        assertEquals(0, two.status, two::toString);
        assertEquals(0, chains.status, chains::toString);
        for (String f : List.of("replay.csv", "loss_free.csv", "expected_loss.csv")) {
            assertEquals(-1L, Files.mismatch(tmp.resolve("ge1").resolve(f), tmp.resolve("ge2").resolve(f)), f);
        }
        assertTrue(Files.mismatch(tmp.resolve("ge1/expected_loss.csv"), tmp.resolve("eg/expected_loss.csv")) >= 0,
                "Gilbert-Elliott fits promise other losses than the extended Gilbert chains");
        assertTrue(Files.readString(tmp.resolve("ge1/report.md")).contains("--model gilbert-elliott"),
                "the report's command names the model by its id");
    }

    /** Three shards merged give the whole run's files, byte for byte; a missing or foreign shard is refused. */
    @Test
    void shardsMergeIntoTheWholeRunsFiles() throws Exception {
        Cli whole = evaluate(tmp.resolve("whole"), "--threads", 2, "--quiet");
        assertEquals(0, whole.status, whole::toString);
        List<Path> dirs = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path d = tmp.resolve("shard" + i);
            Cli s = evaluate(d, "--shard", i + "/3", "--threads", 1, "--quiet");
            assertEquals(0, s.status, s::toString);
            assertTrue(s.out.startsWith("Shard " + i + "/3: "), s.out);
            assertFalse(Files.exists(d.resolve("loss_free.csv")), "a shard writes no table");
            dirs.add(d);
        }
        Path merged = tmp.resolve("merged");
        List<Object> args = new java.util.ArrayList<>(List.of("merge", "--data", data, "--out", merged));
        args.addAll(List.of(dirs.get(2), dirs.get(0), dirs.get(1)));
        Cli m = Cli.run(args.toArray());
        assertEquals(0, m.status, m::toString);
        for (String f : FILES) {
            if (f.equals("report.md")) {
                assertEquals(Files.readString(tmp.resolve("whole").resolve(f)).replace(tmp.resolve("whole").toString(),
                        "OUT"), Files.readString(merged.resolve(f)).replace(merged.toString(), "OUT"), f);
            } else if (!f.equals("manifest.csv")) {
                assertEquals(-1L, Files.mismatch(tmp.resolve("whole").resolve(f), merged.resolve(f)), f);
            }
        }
        Cli missing = Cli.run("merge", "--data", data, "--out", tmp.resolve("m2"), dirs.get(0), dirs.get(1));
        assertEquals(1, missing.status, missing::toString);
        assertTrue(missing.err.contains("shard 3/3 missing"), missing.err);
        Path other = tmp.resolve("other1");
        assertEquals(0, evaluate(other, "--shard", "1/3", "--seed", 9, "--quiet").status);
        Cli foreign = Cli.run("merge", "--data", data, "--out", tmp.resolve("m3"), other, dirs.get(1), dirs.get(2));
        assertEquals(1, foreign.status, foreign::toString);
        assertTrue(foreign.err.contains("a shard of another run"), foreign.err);
        assertEquals(2, evaluate(tmp.resolve("bad"), "--shard", "4/3").status);
    }

    /** --all-tunnels: every possible set of each cell, counted first; refused above --max-tunnels. */
    @Test
    void allTunnelsEvaluatesEverySetOfEveryCell() throws Exception {
        org.smarttunnel.ingest.dataset.TraceDataset ds = org.smarttunnel.ingest.dataset.TraceDataset.open(data);
        org.smarttunnel.eval.experiment.ExperimentOptions o = org.smarttunnel.eval.experiment.ExperimentOptions
                .builder().paths(List.of(2)).build().withDatasetInterval(ds.intervalUs());
        org.smarttunnel.eval.experiment.PathPool pool = org.smarttunnel.eval.experiment.PathPool.of(ds, o.lowLoss());
        double total = 0;
        for (int g = 0; g <= 2; g++) {
            total += org.smarttunnel.eval.experiment.CombinationSampler.count(pool, 2, g);
        }
        Cli all = Cli.run("evaluate", "--data", data, "--paths", 2, "--redundancy", 7, "--allocators", "rr",
                "--all-tunnels", "--quiet", "--out", tmp.resolve("all"));
        assertEquals(0, all.status, all::toString);
        assertTrue(all.out.startsWith(String.format(java.util.Locale.ROOT, "All tunnels: %.0f (N=2 G=0 ", total)),
                all.out);
        assertEquals((long) total + 1, Files.readAllLines(tmp.resolve("all/combinations.csv")).size(),
                "one row per possible set");
        assertTrue(Files.readString(tmp.resolve("all/report.md")).contains("--all-tunnels --max-tunnels 10000"));
        Cli few = Cli.run("evaluate", "--data", data, "--paths", 2, "--allocators", "rr", "--all-tunnels",
                "--max-tunnels", 3, "--quiet", "--out", tmp.resolve("few"));
        assertEquals(2, few.status, few::toString);
        assertTrue(few.err.contains(String.format(java.util.Locale.ROOT, "error: --max-tunnels is 3, below the %.0f "
                + "tunnels every cell holds", total)), few.err);
    }

    private static Object[] concat(Object[] a, Object... b) {
        Object[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aDatasetOfOneHostGivesEmptyTablesAndSaysWhy() throws Exception {
        Path lone = SimulatedData.dataset(tmp.resolve("lone"), 1, 2, 40, 3);
        Cli run = Cli.run("evaluate", "--data", lone, "--paths", 2, "--allocators", "rr", "--quiet", "--out",
                tmp.resolve("lone-out"));
        assertEquals(0, run.status, run::toString);
        assertTrue(run.out.startsWith("Evaluated 0 tunnels"), run.out);
        assertTrue(run.out.contains("No combination exists for N=2 G=0, N=2 G=1, N=2 G=2:"), run.out);
        assertTrue(run.out.contains("this dataset has at most 1 host per site"), run.out);
        assertEquals(List.of("n_paths,k,g,mode,allocator,intervals,loss_free_pct,ci_low,ci_high,wilson_low,wilson_high"),
                Files.readAllLines(tmp.resolve("lone-out/loss_free.csv")).stream().filter(l -> !l.endsWith(",0,,,,,"))
                        .toList(), "every cell kept, all empty");
    }

    @Test
    void badInputGivesOneLineAndLeavesEarlierReportsAlone() throws Exception {
        Cli missing = Cli.run("evaluate", "--data", tmp.resolve("nothing"), "--out", tmp.resolve("r"));
        assertEquals(Main.BAD_INPUT, missing.status);
        assertTrue(missing.err.startsWith("error: ") && missing.err.contains("index.csv"), missing.err);
        assertEquals(1, missing.err.strip().lines().count(), missing.err);
        Cli usage = Cli.run("evaluate", "--data", data, "--redundancy", 40, "--out", tmp.resolve("r"));
        assertEquals(Main.USAGE, usage.status, usage::toString);
        assertTrue(usage.err.contains("--redundancy"), usage.err);

        Path broken = tmp.resolve("broken");
        copy(data, broken);
        List<Path> victims;
        try (var s = Files.list(broken.resolve("traces"))) {
            victims = s.sorted().toList();
        }
        for (Path victim : victims) {
            byte[] bytes = Files.readAllBytes(victim);
            Files.write(victim, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        }
        Path out = Files.createDirectories(tmp.resolve("kept"));
        Files.writeString(out.resolve("report.md"), "earlier report\n");
        Cli bad = Cli.run("evaluate", "--data", broken, "--paths", 2, "--runs", 2, "--allocators", "rr", "--quiet",
                "--out", out);
        assertEquals(Main.BAD_INPUT, bad.status, bad::toString);
        assertTrue(victims.stream().anyMatch(v -> bad.err.contains(v.getFileName().toString())), bad.err);
        assertEquals(1, bad.err.strip().lines().count(), bad.err);
        assertEquals("earlier report\n", Files.readString(out.resolve("report.md")));
        try (var s = Files.list(out)) {
            assertEquals(List.of("report.md"), s.map(p -> p.getFileName().toString()).toList(), "no staging left");
        }
        assertFalse(bad.err.contains("Exception"), bad.err);
        assertTrue(bad.err.contains("offset"), bad.err);
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** A directory whose files were switched only in part says so: no manifest, or a file that differs. */
    @Test
    void theManifestTellsAWholeRunFromAMixture() throws Exception {
        Path out = tmp.resolve("whole");
        assertEquals(0, evaluate(out, "--quiet").status);
        assertEquals(List.of(), org.smarttunnel.eval.Manifest.check(out));
        Files.writeString(out.resolve("loss_free.csv"), "from another run\n");
        assertEquals(List.of("loss_free.csv differs from the run the manifest describes"),
                org.smarttunnel.eval.Manifest.check(out));
        Files.delete(out.resolve("manifest.csv"));
        assertEquals(List.of("manifest.csv is missing: the outputs may come from different runs"),
                org.smarttunnel.eval.Manifest.check(out));
    }
}
