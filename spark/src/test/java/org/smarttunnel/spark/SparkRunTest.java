package org.smarttunnel.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.cli.Main;
import org.smarttunnel.eval.SimulatedData;

/**
 * The Spark job in local[2] against one JVM on a small simulated dataset: the same files, byte
 * for byte, for evaluate and for sweep; bad command lines refused before Spark starts.
 */
class SparkRunTest {
    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void dataset() throws Exception {
        data = SimulatedData.dataset(tmp.resolve("data"), 6, 1, 120, 11);
    }

    private record Run(int status, String out, String err) {
    }

    private static Run spark(Optional<Integer> tasks, String... args) {
        return spark("local[2]", tasks, args);
    }

    private static Run spark(String master, Optional<Integer> tasks, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = SparkRun.run(new SparkRun.Settings(Optional.of(master), tasks), args, new PrintWriter(out),
                new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    private static Run alone(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    /** Every file under {@code dir} (relative path to bytes). */
    private static Map<String, byte[]> files(Path dir) throws Exception {
        return ShardTask.files(dir);
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String f : expected.keySet()) {
            assertEquals(-1, java.util.Arrays.mismatch(expected.get(f), actual.get(f)), f);
        }
    }

    @Test
    void evaluateOnSparkWritesTheFilesOfOneJvm() throws Exception {
        Path out = tmp.resolve("evaluate");
        String[] args = {"evaluate", "--data", data.toString(), "--out", out.toString(), "--paths", "2,3",
            "--redundancy", "7,14", "--runs", "3", "--bootstrap", "200"};
        List<String> single = new java.util.ArrayList<>(List.of(args));
        single.add("--quiet");
        Run one = alone(single.toArray(new String[0]));
        assertEquals(0, one.status(), one::toString);
        Map<String, byte[]> expected = files(out);
        org.smarttunnel.common.io.FileTrees.delete(out);
        // three shards on two task slots: neither the split nor the slots show in a file
        Run job = spark(Optional.of(3), args);
        assertEquals(0, job.status(), job::toString);
        assertTrue(job.out().startsWith("Spark (local[2]): 3 shards of evaluate done in "), job.out());
        assertTrue(job.out().contains("Merged 3 shards into " + out), job.out());
        assertSameFiles(expected, files(out));
        assertTrue(expected.keySet().containsAll(List.of("replay.csv", "loss_free.csv", "comparisons.csv",
                "report.md")), expected.keySet()::toString);
    }

    /**
     * A standalone cluster in this JVM (local-cluster: a master, a worker, and an executor in a
     * JVM of its own, as on a real cluster): the dataset named by a relative path reaches the
     * executor as an absolute one, the tunnel file is written out on its machine, and the files
     * are still those of one JVM — but report.md's reproduce line, which names that copy.
     */
    @Test
    void evaluateOnAStandaloneClusterWritesTheFilesOfOneJvm() throws Exception {
        Path tunnels = tmp.resolve("tunnels.csv");
        List<String> lines = Files.readAllLines(data.resolve("index.csv"));
        StringBuilder t = new StringBuilder("tunnel,trace\n");
        for (int i = 1; i <= 4; i++) {
            t.append(i <= 2 ? 0 : 1).append(',').append(lines.get(i).split(",")[0]).append('\n');
        }
        Files.writeString(tunnels, t);
        Path out = tmp.resolve("cluster");
        String relativeData = Path.of("").toAbsolutePath().relativize(data).toString();
        String[] args = {"evaluate", "--data", relativeData, "--out", out.toString(), "--tunnels", tunnels.toString(),
            "--bootstrap", "100"};
        Run one = alone(java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
                "--quiet")).toArray(String[]::new));
        assertEquals(0, one.status(), one::toString);
        Map<String, byte[]> expected = files(out);
        org.smarttunnel.common.io.FileTrees.delete(out);
        // the worker starts executors from SPARK_HOME (target/spark-home, set by the build); they find this module's classes here
        Map<String, String> props = Map.of("spark.executor.extraClassPath",
                Path.of("target", "classes").toAbsolutePath().toString(), "spark.executor.memory", "1g");
        props.forEach(System::setProperty);
        Run job;
        try {
            job = spark("local-cluster[1,2,1024]", Optional.of(2), args);
        } finally {
            props.keySet().forEach(System::clearProperty);
        }
        assertEquals(0, job.status(), job::toString);
        assertTrue(job.out().startsWith("Spark (local-cluster[1,2,1024]): 2 shards of evaluate done in "), job.out());
        Map<String, byte[]> actual = files(out);
        String report = new String(actual.get("report.md"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(report.contains("--tunnels " + System.getProperty("java.io.tmpdir") + "/smarttunnel-spark-inputs/"),
                "the executors read the tunnel file's copy: " + report);
        for (String f : List.of("report.md", "manifest.csv")) {
            expected.remove(f);
            actual.remove(f);
        }
        assertSameFiles(expected, actual);
    }

    @Test
    void sweepOnSparkWritesTheFilesOfOneJvm() throws Exception {
        Path grid = Files.writeString(tmp.resolve("grid.txt"), "redundancy = 7 | 14\npaths = 2\nruns = 2\n"
                + "allocators = rr,smarttunnel\n");
        Path out = tmp.resolve("sweep");
        String[] args = {"sweep", "--data", data.toString(), "--grid", grid.toString(), "--out", out.toString()};
        Run one = alone("sweep", "--data", data.toString(), "--grid", grid.toString(), "--out", out.toString(),
                "--quiet");
        assertEquals(0, one.status(), one::toString);
        Map<String, byte[]> expected = files(out);
        org.smarttunnel.common.io.FileTrees.delete(out);
        Run job = spark(Optional.empty(), args);
        assertEquals(0, job.status(), job::toString);
        assertTrue(job.out().startsWith("Spark (local[2]): 4 shards of sweep done in "), "2 per slot: " + job.out());
        // the points' stamps too: a rerun of the sweep in one JVM keeps every point
        assertSameFiles(expected, files(out));
        assertTrue(expected.containsKey("point-002/sweep-point.txt"));
        assertTrue(expected.containsKey("sweep.csv"));
    }

    @Test
    void nonsenseIsRefusedBeforeSparkStarts() {
        Run r = spark(Optional.empty(), "evaluate", "--data", data.toString(), "--out", tmp.resolve("x").toString(),
                "--group", "0");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("error: --group "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        r = spark(Optional.empty(), "import", "--out", "x");
        assertEquals("error: expected evaluate or sweep and its options, got 'import'", r.err().strip());
        r = spark(Optional.empty(), "evaluate", "--data", data.toString(), "--out", "x", "--shard", "1/2");
        assertEquals("error: --shard cannot be given to a distributed evaluate (it runs the shards itself)",
                r.err().strip());
        r = spark(Optional.of(0), "evaluate", "--data", data.toString(), "--out", "x");
        assertEquals("error: --tasks must be at least 1, not 0", r.err().strip());
        r = spark(Optional.empty(), "evaluate", "--data", data.toString(), "--out", "x", "--tunnels",
                tmp.resolve("missing.csv").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("error: --tunnels ") && r.err().contains("missing.csv"), r.err());
        assertEquals(0, SparkRun.managerMissing("local[2]").map(x -> 1).orElse(0));
        assertEquals("error: --master yarn needs the cluster's own Spark: submit spark/target/smarttunnel-spark.jar "
                + "with its spark-submit (docs/spark.md)", SparkRun.managerMissing("yarn").orElseThrow());
        Path grid = tmp.resolve("bad-grid.txt");
        r = spark(Optional.empty(), "sweep", "--data", data.toString(), "--out", "x", "--grid", grid.toString());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aBareCommandLineIsTheDefaults() {
        SparkMain m = new SparkMain();
        new picocli.CommandLine(m).setStopAtPositional(true).parseArgs("evaluate", "--data", "d", "--out", "o");
        assertEquals(SparkRun.Settings.defaults(), m.settings());
        assertEquals(List.of("evaluate", "--data", "d", "--out", "o"), m.command);
    }

    @Test
    void theDocsShowTheCurrentHelp() throws Exception {
        StringWriter help = new StringWriter();
        SparkMain.commandLine().usage(new PrintWriter(help));
        String docs = Files.readString(Path.of("..", "docs", "spark.md"));
        assertTrue(docs.contains("```\n" + help.toString().replace("\r\n", "\n") + "```"),
                "docs/spark.md shows 'smarttunnel-spark --help' as it is now:\n" + help);
    }

    @Test
    void aCopiedDatasetIsTheSameDataset() throws Exception {
        // through Hadoop's file system API (the local one stands in for hdfs://): same files, same times
        Path copy = Localizer.copy(data.toUri().toString(), tmp.resolve("copies"));
        var original = org.smarttunnel.ingest.dataset.TraceDataset.open(data);
        var copied = org.smarttunnel.ingest.dataset.TraceDataset.open(copy);
        assertEquals(org.smarttunnel.eval.experiment.Experiment.datasetDigest(original),
                org.smarttunnel.eval.experiment.Experiment.datasetDigest(copied));
        assertSameFiles(files(data), files(copy));
    }
}
