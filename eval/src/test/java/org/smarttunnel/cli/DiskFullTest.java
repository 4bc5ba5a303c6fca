package org.smarttunnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.ingest.testing.CaptureFile;
import org.smarttunnel.ingest.testing.EchoRun;
import org.smarttunnel.ingest.testing.DirectoryTrees;
import org.smarttunnel.ingest.testing.Packets;

/**
 * A disk that fills up during an import or an evaluation, on a real file system: a 2 MiB tmpfs
 * mounted for the test where the machine permits it (root, as in CI), skipped elsewhere (the
 * injected-failure tests of the dataset writer and the journal run everywhere).
 */
class DiskFullTest {
    static final long S = 1_000_000_000L;
    static final long T0 = 1_726_122_373L * S;

    @TempDir
    Path tmp;
    Path small;
    boolean mounted;

    @BeforeEach
    void mount() throws Exception {
        small = Files.createDirectories(tmp.resolve("small"));
        mounted = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", small.toString());
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here (not root, or not permitted)");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted && !run("umount", small.toString())) {
            run("umount", "-l", small.toString()); // a file left open would be a failure of its own test
        }
    }

    private static boolean run(String... cmd) throws Exception {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** A capture in {@code dir} of {@code n} probes 2 ms apart from 10.0.0.{host}, some lost. */
    static Path capture(Path dir, String name, int host, int n) {
        return CaptureFile.ethernetPcap(dir.resolve(name), EchoRun.gilbert(Packets.v4("10.0.0." + host),
                Packets.v4("192.0.2.7"), host, 0, n, T0, 2_000_000L, 0.01, 0.3, host));
    }

    @Test
    void anImportThatFillsTheDiskSaysSoNamingTheDatasetAndLeavesItAsItWas() throws Exception {
        Path ds = small.resolve("ds");
        Cli first = Cli.run("import", "--out", ds, capture(tmp, "a.pcap", 1, 10_000));
        assertEquals(0, first.status, first::toString);
        Map<String, String> before = DirectoryTrees.contents(ds);

        Cli full = Cli.run("import", "--out", ds, capture(tmp, "b.pcap", 2, 40_000),
                capture(tmp, "c.pcap", 3, 40_000));
        assertEquals(Main.BAD_INPUT, full.status, full::toString);
        assertEquals("error: cannot write the dataset " + ds + ": No space left on device; it is as it was before "
                + "this import", full.err.strip(), full::toString);
        assertEquals(before, DirectoryTrees.contents(ds), "the dataset as it was, no staging left");
    }

    @Test
    void anEvaluationThatFillsTheDiskSaysWhereAndResumesOnceThereIsRoom() throws Exception {
        Path data = org.smarttunnel.eval.SimulatedData.dataset(tmp.resolve("data"), 4, 1, 400, 3);
        Path reports = small.resolve("reports");
        Files.write(small.resolve("ballast"), new byte[2_000_000]);
        Object[] args = {"evaluate", "--data", data, "--out", reports, "--paths", "2,3", "--runs", "3",
                "--redundancy", "7", "--allocators", "rr,greedy", "--quiet"};
        Cli full = Cli.run(args);
        assertEquals(Main.BAD_INPUT, full.status, full::toString);
        assertTrue(full.err.strip().lines().count() == 1 && full.err.contains("No space left on device")
                && full.err.contains(reports.toString()), full::toString);
        Files.delete(small.resolve("ballast"));
        Cli resumed = Cli.run(args);
        assertEquals(0, resumed.status, resumed::toString);
        Path whole = tmp.resolve("whole");
        Object[] elsewhere = args.clone();
        elsewhere[4] = whole;
        assertEquals(0, Cli.run(elsewhere).status);
        assertEquals(Files.readString(whole.resolve("replay.csv")), Files.readString(reports.resolve("replay.csv")));
        assertEquals(Files.readString(whole.resolve("loss_free.csv")), Files.readString(reports.resolve("loss_free.csv")));
    }
}
