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

/** sweep end to end on a small simulated dataset: every point is evaluate's own run. */
class SweepCommandTest {
    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void dataset() throws Exception {
        data = SimulatedData.dataset(tmp.resolve("data"), 5, 1, 80, 4);
    }

    @Test
    void everyPointIsTheEvaluationItsOptionsGive() throws Exception {
        Path grid = Files.writeString(tmp.resolve("grid.txt"), "# two redundancies, two seeds\n"
                + "redundancy = 7 | 14\nseed = 1 | 2\npaths = 2\nallocators = rr,smarttunnel\nruns = 2\n");
        Path out = tmp.resolve("sweep");
        Cli r = Cli.run("sweep", "--data", data, "--grid", grid, "--out", out, "--threads", 2);
        assertEquals(0, r.status, r::toString);
        assertTrue(r.err.contains("100% "), "the points' progress without --quiet: " + r.err);
        assertTrue(r.out.startsWith("Sweep of 4 points over --redundancy (2), --seed (2), --paths (1), --allocators (1), "
                + "--runs (1)\n"), r.out);
        // point 3 is redundancy 14, seed 1: the same files as evaluate with those options
        Path alone = tmp.resolve("alone");
        Cli e = Cli.run("evaluate", "--data", data, "--out", alone, "--quiet", "--threads", 2, "--redundancy", 14,
                "--seed", 1, "--paths", 2, "--allocators", "rr,smarttunnel", "--runs", 2);
        assertEquals(0, e.status, e::toString);
        for (String f : List.of("replay.csv", "loss_free.csv", "comparisons.csv")) {
            assertEquals(-1L, Files.mismatch(alone.resolve(f), out.resolve("point-003").resolve(f)), f);
        }
        List<String> sweep = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals("point,redundancy,seed,paths,allocators,runs,n_paths,k,g,mode,allocator,intervals,loss_free_pct,"
                + "ci_low,ci_high,mean_loss_rate,loss_ci_low,loss_ci_high", sweep.get(0));
        List<String> lossFree = Files.readAllLines(alone.resolve("loss_free.csv"));
        assertEquals(1 + 4 * (lossFree.size() - 1), sweep.size(), "every cell of every point");
        String first = lossFree.get(1);
        String[] f = first.split(",", -1);
        assertTrue(sweep.stream().anyMatch(l -> l.startsWith("3,14,1,2,\"rr,smarttunnel\",2," + String.join(",",
                java.util.Arrays.copyOf(f, 9)))), "point 3's first cell, as its loss_free.csv has it");
        assertEquals(List.of("point,redundancy,seed,paths,allocators,runs,directory",
                "1,7,1,2,\"rr,smarttunnel\",2,point-001", "2,7,2,2,\"rr,smarttunnel\",2,point-002",
                "3,14,1,2,\"rr,smarttunnel\",2,point-003", "4,14,2,2,\"rr,smarttunnel\",2,point-004"),
                Files.readAllLines(out.resolve("points.csv")));
        assertTrue(Files.readString(out.resolve("sweep_redundancy.svg")).contains("against --redundancy"));
        // run again: every point is kept; a point whose files no longer hold is evaluated again
        byte[] before = Files.readAllBytes(out.resolve("sweep.csv"));
        Files.writeString(out.resolve("point-002/loss_free.csv"), "damaged\n");
        Cli again = Cli.run("sweep", "--data", data, "--grid", grid, "--out", out, "--threads", 2, "--quiet");
        assertEquals(0, again.status, again::toString);
        assertEquals(3, again.out.lines().filter(l -> l.endsWith("(done before, kept)")).count(), again.out);
        assertTrue(again.out.contains("point 2/4: redundancy=7 seed=2"), again.out);
        assertFalse(again.out.lines().anyMatch(l -> l.startsWith("point 2/4") && l.endsWith("kept)")), again.out);
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("sweep.csv"))), "the same sweep");
    }

    /** A sweep in two shards, merged, is the sweep run whole. */
    @Test
    void shardedSweepsMergeIntoTheWholeSweep() throws Exception {
        Path grid = Files.writeString(tmp.resolve("small.txt"), "runs = 1 | 2\npaths = 2\nredundancy = 7\n"
                + "allocators = rr,smarttunnel\n");
        Path whole = tmp.resolve("whole");
        Cli quiet = Cli.run("sweep", "--data", data, "--grid", grid, "--out", whole, "--threads", 1, "--quiet");
        assertEquals(0, quiet.status, quiet::toString);
        assertEquals("", quiet.err, "--quiet: no progress of the points");
        for (int i = 1; i <= 2; i++) {
            Cli s = Cli.run("sweep", "--data", data, "--grid", grid, "--out", tmp.resolve("part" + i), "--shard",
                    i + "/2", "--threads", 1);
            assertEquals(0, s.status, s::toString);
            assertFalse(Files.exists(tmp.resolve("part" + i).resolve("sweep.csv")), "a shard has no sweep table");
        }
        Path merged = tmp.resolve("merged");
        Cli m = Cli.run("merge", "--data", data, "--out", merged, tmp.resolve("part2"), tmp.resolve("part1"));
        assertEquals(0, m.status, m::toString);
        for (String f : List.of("sweep.csv", "points.csv", "sweep_runs.svg", "point-002/replay.csv",
                "point-002/loss_free.csv", "point-001/comparisons.csv")) {
            assertEquals(-1L, Files.mismatch(whole.resolve(f), merged.resolve(f)), f);
        }
    }

    @Test
    void aNonsensePointIsRefusedBeforeAnyWork() throws Exception {
        Path grid = Files.writeString(tmp.resolve("bad.txt"), "group = 40 | 2\nredundancy = 7\n");
        Path out = tmp.resolve("never");
        Cli r = Cli.run("sweep", "--data", data, "--grid", grid, "--out", out);
        assertEquals(2, r.status, r::toString);
        assertTrue(r.err.startsWith("error: " + grid + ": point 2 (group=2 redundancy=7): --redundancy must lie "
                + "between 0 and the group size - 1 (1)"), r.err);
        assertFalse(Files.exists(out), "nothing evaluated");
        Path unknown = Files.writeString(tmp.resolve("unknown.txt"), "threads = 1 | 2\n");
        Cli u = Cli.run("sweep", "--data", data, "--grid", unknown, "--out", out);
        assertEquals(1, u.status, u::toString);
        assertTrue(u.err.contains(unknown + ": line 1: evaluate has no option --threads to sweep"), u.err);
    }
}
