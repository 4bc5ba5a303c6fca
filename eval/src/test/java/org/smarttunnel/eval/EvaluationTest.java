package org.smarttunnel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.eval.experiment.ExperimentOptions;
import org.smarttunnel.fitting.predict.ModelOptions;
import org.smarttunnel.ingest.dataset.TraceDataset;
import org.smarttunnel.replay.alloc.Allocators;
import org.smarttunnel.replay.run.ReplayOptions;

/** The evaluation's files: golden formats, tables recomputed from replay.csv, empty cells. */
class EvaluationTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/evaluate");
    private static final List<String> FILES = List.of(Evaluation.REPLAY, Evaluation.COMBINATIONS,
            Evaluation.LOSS_FREE, Evaluation.MEAN_LOSS, Evaluation.BY_PATHS, Evaluation.EXPECTED, Evaluation.CALIBRATION,
            Evaluation.DELAY, Evaluation.COMPARISONS, Evaluation.REPORT, "loss_free.svg", "loss_vs_late.svg", "loss_rate_oracle.svg",
            "loss_rate_predicted.svg", Manifest.FILE);

    @TempDir
    static Path tmp;
    static Path reports;

    /** Five hosts, one site (four low-loss paths, one lossy: N=2 G=0 has no combination), 80 s. */
    @BeforeAll
    static void evaluate() throws Exception {
        Path data = SimulatedData.dataset(tmp.resolve("data"), 5, 1, 80, 21);
        ExperimentOptions o = ExperimentOptions.builder().paths(List.of(2, 3)).redundancies(List.of(7, 14)).runs(2)
                .threads(2).replay(ReplayOptions.builder().seed(5).allocators(Allocators.parse("rr,smarttunnel"))
                        .models(ModelOptions.builder().intervalUs(SimulatedData.INTERVAL_US).build()).build())
                .build();
        reports = tmp.resolve("reports");
        Evaluation.run(TraceDataset.open(data), "DATA", o, reports, "./smarttunnel evaluate --data DATA ...",
                Progress.silent());
    }

    @Test
    void outputsMatchTheGoldenFiles() throws IOException {
        boolean update = Boolean.getBoolean("golden.update");
        for (String f : FILES) {
            Path golden = GOLDEN.resolve(f);
            if (update) {
                Files.createDirectories(GOLDEN);
                Files.copy(reports.resolve(f), golden, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            assertEquals(Files.readString(golden, StandardCharsets.UTF_8), Files.readString(reports.resolve(f),
                    StandardCharsets.UTF_8), f + " (regenerate with -Dgolden.update=true when a change is intended)");
        }
        try (var s = Files.list(reports)) {
            assertEquals(FILES.size(), s.count(), "nothing else, no staging left behind");
        }
    }

    @Test
    void aCellWithoutCombinationsIsReportedNotDropped() throws IOException {
        List<String> lossFree = Files.readAllLines(reports.resolve(Evaluation.LOSS_FREE));
        assertTrue(lossFree.contains("2,7,0,oracle,rr,0,,,,,"), String.join("\n", lossFree));
        assertTrue(Files.readString(reports.resolve(Evaluation.REPORT)).contains("No combination exists for N=2 G=0"));
        List<String> byPaths = Files.readAllLines(reports.resolve(Evaluation.BY_PATHS));
        assertTrue(byPaths.stream().anyMatch(l -> l.startsWith("2,7,oracle,rr,") && l.endsWith(",")),
                "Table II needs every weighted cell: " + byPaths);
    }

    @Test
    void tablesRecomputedFromReplayCsvEqualTheWrittenOnes() throws IOException {
        tablesAgreeWithReplay(reports);
    }

    /** Recomputes loss_free.csv, mean_loss.csv, loss_free_by_paths.csv and expected_loss.csv from replay.csv. */
    static void tablesAgreeWithReplay(Path dir) throws IOException {
        Map<String, double[]> cells = new HashMap<>();
        List<String> rows = Files.readAllLines(dir.resolve(Evaluation.REPLAY));
        assertEquals("n_paths,k,g,run,mode,allocator,interval,traces,allocation,groups,failed_groups,data_sent,"
                + "data_lost,loss_rate,loss_free,expected_loss_rate,delivered,delay_mean_ms,delay_p50_ms,delay_p95_ms,"
                + "delay_p99_ms,delay_max_ms,inorder_mean_ms,inorder_p95_ms,inorder_p99_ms,jitter_ms,ipdv_ms,"
                + "reordered_share,buffer_max,late_share", rows.get(0));
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            String key = f[0] + "," + f[1] + "," + f[2] + "," + f[4] + "," + f[5];
            double[] c = cells.computeIfAbsent(key, k -> new double[3]);
            c[0]++;
            c[1] += Integer.parseInt(f[14]);
            c[2] += Double.parseDouble(f[12]) / Double.parseDouble(f[11]);
        }
        List<String> lossFree = Files.readAllLines(dir.resolve(Evaluation.LOSS_FREE));
        List<String> meanLoss = Files.readAllLines(dir.resolve(Evaluation.MEAN_LOSS));
        assertEquals("n_paths,k,g,mode,allocator,intervals,loss_free_pct,ci_low,ci_high,wilson_low,wilson_high",
                lossFree.get(0));
        assertEquals("n_paths,k,g,mode,allocator,intervals,mean_loss_rate,ci_low,ci_high", meanLoss.get(0));
        int withData = 0;
        Map<String, Double> shares = new HashMap<>();
        Map<String, Double> means = new HashMap<>();
        for (int i = 1; i < lossFree.size(); i++) {
            String[] a = lossFree.get(i).split(",", -1);
            String[] b = meanLoss.get(i).split(",", -1);
            String key = a[0] + "," + a[1] + "," + a[2] + "," + a[3] + "," + a[4];
            double[] c = cells.get(key);
            if (c == null) {
                assertEquals("0", a[5]);
                assertEquals("", a[6]);
                assertEquals("", b[6]);
                continue;
            }
            withData++;
            assertEquals((long) c[0], Long.parseLong(a[5]), key);
            assertEquals(100 * c[1] / c[0], Double.parseDouble(a[6]), 1e-5 * Math.max(1, 100 * c[1] / c[0]), key);
            assertEquals(c[2] / c[0], Double.parseDouble(b[6]), 1e-5 * c[2] / c[0] + 1e-15, key);
            // Wilson's interval from replay.csv's counts alone
            org.smarttunnel.eval.uncertainty.Ci w = org.smarttunnel.eval.uncertainty.Wilson.interval((long) c[1],
                    (long) c[0], 0.95);
            assertEquals(100 * w.low(), Double.parseDouble(a[9]), 1e-5 * Math.max(1, 100 * w.low()), key);
            assertEquals(100 * w.high(), Double.parseDouble(a[10]), 1e-5 * 100 * w.high(), key);
            shares.put(key, c[1] / c[0]);
            means.put(key, c[2] / c[0]);
        }
        assertEquals(cells.size(), withData, "every replayed cell has its row");
        List<String> expected = Files.readAllLines(dir.resolve(Evaluation.EXPECTED));
        List<String> byPaths = Files.readAllLines(dir.resolve(Evaluation.BY_PATHS));
        for (int i = 1; i < expected.size(); i++) {
            String[] e = expected.get(i).split(",", -1);
            String[] p = byPaths.get(i).split(",", -1);
            int n = Integer.parseInt(e[0]);
            double pLow = Double.parseDouble(e[4]);
            double loss = 0;
            double share = 0;
            boolean complete = true;
            for (int g = 0; g <= n; g++) {
                String key = e[0] + "," + e[1] + "," + g + "," + e[2] + "," + e[3];
                double w = binomial(n, g) * Math.pow(pLow, g) * Math.pow(1 - pLow, n - g);
                if (!means.containsKey(key)) {
                    complete = false;
                    continue;
                }
                loss += w * means.get(key);
                share += w * shares.get(key);
            }
            assertEquals(complete ? "" : "-", e[5].isEmpty() ? "-" : "", expected.get(i));
            if (complete) {
                assertEquals(loss, Double.parseDouble(e[5]), 1e-5 * loss + 1e-15, expected.get(i));
                assertEquals(share, Double.parseDouble(p[5]), 1e-5, byPaths.get(i));
            }
        }
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    static List<String> lines(Path file) throws IOException {
        return new ArrayList<>(Files.readAllLines(file));
    }
}
