package org.smarttunnel.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.eval.experiment.ExperimentOptions;
import org.smarttunnel.eval.experiment.Tables;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.fitting.predict.ModelOptions;
import org.smarttunnel.ingest.dataset.TraceDataset;
import org.smarttunnel.replay.alloc.Allocators;
import org.smarttunnel.replay.run.ReplayOptions;

/**
 * The paper's qualitative findings (section V-B) on a fixed simulated dataset (20 hosts to one
 * site, 400 s, seed 1; 12 runs, so up to 120 intervals per cell): in every oracle cell the
 * smarttunnel family keeps at least the loss-free share of round robin, greedy and Markowitz;
 * and smarttunnel's and smarttunnel-exact's loss-free shares grow (or hold) with K and with G.
 * With 6 runs one step of smarttunnel along G goes back by one interval in 60: sampling noise,
 * which more runs remove.
 */
class QualitativeFindingsTest {
    @TempDir
    Path tmp;

    @Test
    void theSmartTunnelFamilyLeadsEveryOracleCellAndLossFreeSharesGrowWithKAndG() throws Exception {
        Path data = SimulatedData.dataset(tmp.resolve("data"), 20, 1, 400, 1);
        ExperimentOptions o = ExperimentOptions.builder().paths(List.of(2, 3)).runs(12).threads(2)
                .replay(ReplayOptions.builder().allocators(Allocators.parse("smarttunnel,smarttunnel-exact,rr,greedy,"
                        + "mkwnu")).models(ModelOptions.builder().modes(EnumSet.of(FitMode.ORACLE))
                        .intervalUs(SimulatedData.INTERVAL_US).build()).build())
                .build();
        Evaluation.Outcome r = Evaluation.run(TraceDataset.open(data), "data", o, tmp.resolve("reports"), "",
                Progress.silent());
        Tables t = r.tables();
        List<String> failures = new ArrayList<>();
        for (int n : o.paths()) {
            for (int k : o.redundancies()) {
                for (int g = 0; g <= n; g++) {
                    double family = Math.max(share(t, n, k, g, "smarttunnel"), share(t, n, k, g, "smarttunnel-exact"));
                    for (String rival : List.of("rr", "greedy", "mkwnu")) {
                        if (share(t, n, k, g, rival) > family) {
                            failures.add("N=" + n + " K=" + k + " G=" + g + ": " + rival + " ahead");
                        }
                    }
                    for (String a : List.of("smarttunnel", "smarttunnel-exact")) {
                        if (k > 7 && share(t, n, k, g, a) < share(t, n, k == 10 ? 7 : 10, g, a)) {
                            failures.add(a + " N=" + n + " G=" + g + ": less at K=" + k);
                        }
                        if (g > 0 && share(t, n, k, g, a) < share(t, n, k, g - 1, a)) {
                            failures.add(a + " N=" + n + " K=" + k + ": less at G=" + g);
                        }
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        EvaluationTest.tablesAgreeWithReplay(tmp.resolve("reports"));
    }

    private static double share(Tables t, int n, int k, int g, String allocator) {
        return t.stat(n, k, g, FitMode.ORACLE, allocator).orElseThrow(() -> new AssertionError("no cell N=" + n
                + " K=" + k + " G=" + g)).lossFreeShare();
    }
}
