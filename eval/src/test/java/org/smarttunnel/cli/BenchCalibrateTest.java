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
        Cli r = Cli.run("bench", "calibrate", "--drifts", "0.5,2", "--hosts", 8, "--duration", "80s", "--runs", 2,
                "--threads", 2, "--work", tmp.resolve("work"), "--out", csv);
        assertEquals(0, r.status, r::toString);
        List<String> rows = Files.readAllLines(csv);
        assertEquals("drift,table,measure,cells,residual,paper_inside", rows.get(0));
        assertEquals(13, rows.size(), "six tables at each of two drifts");
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            assertTrue(List.of("III", "IV", "VII", "VIII", "V", "VI").contains(f[1]), row);
            assertTrue(Integer.parseInt(f[3]) > 0, "every table has cells to compare: " + row);
            assertTrue(Double.parseDouble(f[4]) >= 0, row);
        }
        assertTrue(r.out.contains("Least residual: oracle tables (III, IV) at drift "), r.out);
        Cli bad = Cli.run("bench", "calibrate", "--drifts", "4");
        assertTrue(bad.status != 0 && bad.err.contains("--drifts must lie in [0, 3], not 4.0"), bad::toString);
    }

    /** The drift of least mean residual over the tables asked for; ties to the smaller. */
    @Test
    void bestIsTheLeastMeanResidual() {
        List<DriftCalibration.Residual> rows = List.of(
                new DriftCalibration.Residual(1, "III", "", 10, 8, 0), new DriftCalibration.Residual(1, "IV", "", 10, 2, 0),
                new DriftCalibration.Residual(2, "III", "", 10, 4, 0), new DriftCalibration.Residual(2, "IV", "", 10, 6, 0),
                new DriftCalibration.Residual(3, "III", "", 10, 6, 0), new DriftCalibration.Residual(3, "IV", "", 10, 1, 0));
        // means: drift 1 (8 + 2) / 2 = 5, drift 2 5, drift 3 3.5
        assertEquals(3, DriftCalibration.best(rows, List.of("III", "IV")));
        assertEquals(3, DriftCalibration.best(rows, List.of("IV")));
        assertEquals(2, DriftCalibration.best(rows, List.of("III")));
        assertEquals(1, DriftCalibration.best(rows.subList(0, 4), List.of("III", "IV")), "5 and 5: the smaller drift");
    }
}
