package org.smarttunnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.eval.bench.DriftCalibration;

/** bench calibrate end to end on a small simulated site, and its choice of drift. */
class BenchCalibrateTest {
    @TempDir
    Path tmp;

    @Test
    void comparesEveryPaperTableAtEveryDrift() throws Exception {
        Path csv = tmp.resolve("cal.csv");
        Cli r = Cli.run("bench", "calibrate", "--drifts", "2", "--shared", "0,1", "--hosts", 8, "--duration", "80s", "--runs", 2,
                "--threads", 2, "--work", tmp.resolve("work"), "--out", csv);
        assertEquals(0, r.status, r::toString);
        List<String> rows = Files.readAllLines(csv);
        assertEquals("drift,shared,table,measure,cells,residual,paper_inside", rows.get(0));
        assertEquals(13, rows.size(), "six tables at each of two settings");
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            assertTrue(List.of("III", "IV", "VII", "VIII", "V", "VI").contains(f[2]), row);
            assertTrue(Integer.parseInt(f[4]) > 0, "every table has cells to compare: " + row);
            assertTrue(Double.parseDouble(f[5]) >= 0, row);
        }
        assertEquals(List.of("0", "1"), rows.stream().skip(1).map(x -> x.split(",")[1]).distinct().toList());
        assertTrue(Files.isDirectory(tmp.resolve("work/drift-2-shared-1/data")), "the shared setting's own dataset");
        assertTrue(r.out.contains("Least residual: oracle tables (III, IV) at drift 2"), r.out);
        Cli bad = Cli.run("bench", "calibrate", "--drifts", "4");
        assertTrue(bad.status != 0 && bad.err.contains("--drifts must lie in [0, 3], not 4.0"), bad::toString);
        bad = Cli.run("bench", "calibrate", "--shared", "1.5");
        assertTrue(bad.status != 0 && bad.err.contains("--shared must lie in [0, 1], not 1.5"), bad::toString);
    }

    /** The drift of least mean residual over the tables asked for; ties to the smaller. */
    @Test
    void bestIsTheLeastMeanResidual() {
        List<DriftCalibration.Residual> rows = List.of(
                new DriftCalibration.Residual(1, 0, "III", "", 10, 8, 0), new DriftCalibration.Residual(1, 0, "IV", "", 10, 2, 0),
                new DriftCalibration.Residual(2, 0, "III", "", 10, 4, 0), new DriftCalibration.Residual(2, 0, "IV", "", 10, 6, 0),
                new DriftCalibration.Residual(3, 0, "III", "", 10, 6, 0), new DriftCalibration.Residual(3, 0, "IV", "", 10, 1, 0));
        // means: drift 1 (8 + 2) / 2 = 5, drift 2 5, drift 3 3.5
        assertEquals(new DriftCalibration.Setting(3, 0), DriftCalibration.best(rows, List.of("III", "IV")));
        assertEquals(new DriftCalibration.Setting(3, 0), DriftCalibration.best(rows, List.of("IV")));
        assertEquals(new DriftCalibration.Setting(2, 0), DriftCalibration.best(rows, List.of("III")));
        assertEquals(new DriftCalibration.Setting(1, 0), DriftCalibration.best(rows.subList(0, 4), List.of("III", "IV")),
                "5 and 5: the smaller drift");
        // a shared bottleneck at the same drift: (3 + 3) / 2 = 3 beats drift 3 alone; named in the summary
        List<DriftCalibration.Residual> withShared = new java.util.ArrayList<>(rows);
        withShared.add(new DriftCalibration.Residual(3, 1, "III", "", 10, 3, 0));
        withShared.add(new DriftCalibration.Residual(3, 1, "IV", "", 10, 3, 0));
        assertEquals(new DriftCalibration.Setting(3, 1), DriftCalibration.best(withShared, List.of("III", "IV")));
        assertEquals("drift 3 with shared 1", DriftCalibration.best(withShared, List.of("III", "IV")).toString());
        assertEquals("drift 2.5", new DriftCalibration.Setting(2.5, 0).toString());
    }
}
