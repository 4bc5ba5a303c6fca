package org.smarttunnel.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.common.io.FileTrees;
import org.smarttunnel.eval.Manifest;
import org.smarttunnel.eval.SimulatedData;

/**
 * The real command, killed with SIGKILL at random moments 20 times over, then run to the end:
 * after every kill the reports directory holds one run's complete files or none with a manifest
 * (never a mixture), most runs resume what the killed one journalled, and the final files equal
 * an uninterrupted run's byte for byte, with nothing else left in the directory.
 */
class KillResumeTest {
    private static final int KILLS = 20;

    @TempDir
    Path tmp;

    @Test
    void killedTwentyTimesAtRandomTheEvaluationResumesToTheSameFiles() throws Exception {
        Path data = SimulatedData.dataset(tmp.resolve("data"), 5, 2, 400, 3);
        Path out = tmp.resolve("reports");
        List<String> args = List.of("evaluate", "--data", data.toString(), "--out", out.toString(), "--paths", "2,3",
                "--redundancy", "7,14", "--runs", "3", "--allocators", "rr,greedy,smarttunnel", "--seed", "9",
                "--threads", "2");
        Cli reference = Cli.run(args.toArray());
        assertEquals(0, reference.status, reference.toString());
        Map<String, byte[]> expected = files(out);
        FileTrees.delete(out);

        Path err = tmp.resolve("stderr.txt");
        // how long a whole run takes as a process here and now (a loaded machine starts Java slowly):
        // kills fall between a tenth of it and all of it, so some land after the first journal commit
        long started = System.nanoTime();
        Process timed = ChildCli.start(args, err);
        assertTrue(timed.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, timed.exitValue(), Files.readString(err));
        int wholeMs = (int) Math.max(1000, (System.nanoTime() - started) / 1_000_000);
        FileTrees.delete(out);
        Random random = new Random(2026);
        int kills = 0;
        int resumed = 0;
        int finished = 0;
        while (kills < KILLS) {
            Process p = ChildCli.start(args, err);
            if (p.waitFor(wholeMs / 10 + random.nextInt(wholeMs - wholeMs / 10), TimeUnit.MILLISECONDS)) {
                assertEquals(0, p.exitValue(), Files.readString(err));
                finished++;
            } else {
                p.destroyForcibly().waitFor();
                kills++;
            }
            resumed += Files.readString(err).contains("resuming: ") ? 1 : 0;
            if (Files.exists(out.resolve(Manifest.FILE))) {
                Manifest.check(out); // the files it lists are one run's, complete
            }
        }
        Process last = ChildCli.start(args, err);
        assertTrue(last.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, last.exitValue(), Files.readString(err));
        Map<String, byte[]> got = files(out);
        assertEquals(expected.keySet(), got.keySet(), "the same files and nothing else (no journal, no temporary)");
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), got.get(name), name);
        }
        assertTrue(resumed > 0, "no run resumed: " + kills + " kills, " + finished + " finished");
        System.out.printf("kill test: %d kills, %d runs finished between them, %d resumed%n", kills, finished, resumed);
    }

    /** Every entry of {@code dir}, hidden ones too, by name. */
    private static Map<String, byte[]> files(Path dir) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                files.put(p.getFileName().toString(), Files.isDirectory(p) ? "(directory)".getBytes(
                        StandardCharsets.UTF_8) : Files.readAllBytes(p));
            }
        }
        return files;
    }
}
