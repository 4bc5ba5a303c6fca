package org.smarttunnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nonsense is refused before any work, naming the option (or the file) and the valid range. */
class RefusalsTest {
    @TempDir
    Path tmp;

    private Path zing() throws Exception {
        return Files.writeString(tmp.resolve("a.zing"), "# zing 1\n# host=a site=s\n0 1700000000.000 1700000000.010\n"
                + "1 1700000000.002 -\n");
    }

    private static void refused(int status, String message, Object... args) {
        Cli r = Cli.run(args);
        assertEquals(status, r.status, r::toString);
        assertTrue(r.err.startsWith("error: " + message), r.err);
    }

    @Test
    void optionsOutsideTheirRange() throws Exception {
        Path out = tmp.resolve("out");
        refused(2, "--timeout must be positive", "import", "--timeout", "0s", "--out", out, zing());
        refused(2, "--interval must lie between 100ms and 7d", "import", "--interval", "1us", "--out", out, zing());
        refused(2, "--decap must be inner, outer or both, not 'middle'", "import", "--decap", "middle", "--out", out,
                zing());
        refused(2, "--model must be one of auto, bernoulli,", "fit", "--data", tmp, "--model", "hmm", "--out",
                out.resolve("f.csv"));
        refused(2, "--paths must list distinct path counts from 2 to 64", "evaluate", "--data", tmp, "--paths", "1",
                "--out", out);
        refused(2, "--group must lie between 1 and 1024 packets", "replay", "--data", tmp, "--trace", "a",
                "--trace", "b", "--group", "2147483647", "--out", out.resolve("r.csv"));
        refused(2, "--spacing must lie between 100us and 60s", "simulate", "--hosts", "2", "--sites", "1",
                "--spacing", "1ns", "--out", out);
        assertFalse(Files.exists(out), "nothing was written");
    }

    @Test
    void missingInputsAndEmptyOrDamagedDatasets() throws Exception {
        Path ds = tmp.resolve("ds");
        refused(1, tmp.resolve("missing.log") + ": file: no such file; nothing imported", "import", "--out", ds,
                zing(), tmp.resolve("missing.log"));
        assertFalse(Files.exists(ds), "no dataset made for a command refused");
        Path ping = Files.writeString(tmp.resolve("empty.log"), "PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.\n");
        assertEquals(1, Cli.run("import", "--out", ds, ping).status, "a log with no run is an error");
        refused(1, ds.resolve("index.csv") + ": file: the dataset has no traces: nothing to evaluate", "evaluate",
                "--data", ds, "--out", tmp.resolve("ev"), "--quiet");
        Path notADirectory = Files.writeString(tmp.resolve("data.csv"), "a,b\n");
        refused(1, notADirectory + ": file: is a file; a trace dataset is a directory", "evaluate", "--data",
                notADirectory, "--out", tmp.resolve("ev"), "--quiet");
        Files.writeString(ds.resolve("dataset.properties"), "interval_us=1\n");
        refused(1, ds.resolve("dataset.properties") + ": file: interval_us 1 lies outside 100 ms to 7 days",
                "evaluate", "--data", ds, "--out", tmp.resolve("ev"), "--quiet");
    }
}
