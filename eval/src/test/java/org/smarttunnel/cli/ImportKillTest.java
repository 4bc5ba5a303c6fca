package org.smarttunnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarttunnel.cli.DiskFullTest.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.common.io.FileTrees;
import org.smarttunnel.ingest.dataset.TraceDataset;
import org.smarttunnel.ingest.testing.DirectoryTrees;

/**
 * The real import in a JVM of its own: killed with SIGKILL at random moments 20 times, the
 * dataset a command then opens is exactly the one before or exactly the one after, with no
 * stray file; two imports started at once into one dataset both land or one is refused
 * clearly, never a mixture.
 */
class ImportKillTest {
    static final long S = 1_000_000_000L;
    static final long T0 = 1_726_122_373L * S;

    @TempDir
    Path tmp;

    @Test
    void killedAtRandomTwentyTimesTheDatasetIsExactlyAsBeforeOrAsAfter() throws Exception {
        Path before = tmp.resolve("before");
        assertEquals(0, Cli.run("import", "--out", before, capture(tmp, "a.pcap", 1, 20_000)).status);
        List<Path> inputs = List.of(capture(tmp, "b.pcap", 2, 120_000), capture(tmp, "c.pcap", 3, 120_000));
        Path after = DirectoryTrees.copy(before, tmp.resolve("after"));
        List<Object> args = new ArrayList<>(List.of("import", "--out", after));
        args.addAll(inputs);
        assertEquals(0, Cli.run(args.toArray()).status);
        Map<String, String> was = DirectoryTrees.contents(before);
        Map<String, String> is = DirectoryTrees.contents(after);

        Random random = new Random(5);
        Path err = tmp.resolve("stderr.txt");
        int kills = 0;
        int sawBefore = 0;
        for (int i = 0; i < 20; i++) {
            Path ds = DirectoryTrees.copy(before, tmp.resolve("killed"));
            List<String> cmd = new ArrayList<>(List.of("import", "--out", ds.toString()));
            inputs.forEach(p -> cmd.add(p.toString()));
            Process p = ChildCli.start(cmd, err);
            if (!p.waitFor(250 + random.nextInt(1150), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                kills++;
            } else {
                assertEquals(0, p.exitValue(), Files.readString(err));
            }
            TraceDataset.open(ds); // what any command does first: finishes or removes what a killed import left
            Map<String, String> got = DirectoryTrees.contents(ds);
            if (got.equals(was)) {
                sawBefore++;
            } else {
                assertEquals(is, got, "neither the dataset before nor the one after (run " + i + ")");
            }
            FileTrees.delete(ds);
        }
        assertTrue(kills >= 10, kills + " kills");
        System.out.printf("import kill test: %d kills; %d left the dataset before, %d after%n", kills, sawBefore,
                20 - sawBefore);
    }

    @Test
    void twoImportsStartedAtOnceBothLandOrOneIsRefusedClearly() throws Exception {
        Path ds = tmp.resolve("shared");
        assertEquals(0, Cli.run("import", "--out", ds, capture(tmp, "a.pcap", 1, 20_000)).status);
        Path b = capture(tmp, "b.pcap", 2, 60_000);
        Path c = capture(tmp, "c.pcap", 3, 60_000);
        Process pb = ChildCli.start(List.of("import", "--out", ds.toString(), b.toString()), tmp.resolve("b.err"));
        Process pc = ChildCli.start(List.of("import", "--out", ds.toString(), c.toString()), tmp.resolve("c.err"));
        assertTrue(pb.waitFor(2, TimeUnit.MINUTES) && pc.waitFor(2, TimeUnit.MINUTES));
        int landed = 0;
        TraceDataset opened = TraceDataset.open(ds);
        for (Object[] run : new Object[][] {{pb, "b.err", "10.0.0.2"}, {pc, "c.err", "10.0.0.3"}}) {
            int status = ((Process) run[0]).exitValue();
            String said = Files.readString(tmp.resolve((String) run[1]));
            boolean inIndex = opened.traces().stream().anyMatch(t -> t.info().src().equals(run[2]));
            if (status == 0) {
                assertTrue(inIndex, said);
                landed++;
            } else {
                assertEquals(Main.BAD_INPUT, status, said);
                assertTrue(said.contains("another import is writing this dataset"), said);
                assertTrue(!inIndex, said);
            }
        }
        assertTrue(landed >= 1);
        assertEquals(1 + landed, opened.traces().size());
        java.util.Set<String> left = DirectoryTrees.contents(ds).keySet();
        assertTrue(left.stream().noneMatch(f -> f.contains(".staging-") || f.endsWith(".tmp")), left.toString());
    }
}
