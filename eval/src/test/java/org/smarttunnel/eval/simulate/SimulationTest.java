package org.smarttunnel.eval.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.fitting.model.GilbertModel;
import org.smarttunnel.fitting.model.TransitionCounts;
import org.smarttunnel.ingest.ImportOptions;
import org.smarttunnel.ingest.Importer;
import org.smarttunnel.ingest.dataset.TraceDataset;
import org.smarttunnel.ingest.dataset.TraceFormat;
import org.smarttunnel.ingest.dataset.TraceSummary;
import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.ingest.trace.LossSequence;

class SimulationTest {
    @TempDir
    Path tmp;

    private static SimulationOptions.Builder small(int hosts, int sites, long seconds, long seed) {
        return SimulationOptions.builder(hosts, sites).seed(seed).durationNs(seconds * 1_000_000_000L);
    }

    @Test
    void tracesWrittenDirectlyEqualTheImportedCaptures() throws Exception {
        SimulationOptions o = small(2, 3, 24, 3).lowShare(0.5).drift(0.8).driftPeriodNs(8_000_000_000L)
                .shared(1.0).build();
        CaptureSimulator.Result caps = CaptureSimulator.write(o, tmp.resolve("caps"));
        new Importer(ImportOptions.defaults()).importFiles(caps.captures(), tmp.resolve("imported"));
        TraceSimulator.write(o, tmp.resolve("direct"), Defaults.micros(Defaults.INTERVAL), TraceFormat.CSV);
        TraceSimulator.write(o, tmp.resolve("compact"), Defaults.micros(Defaults.INTERVAL), TraceFormat.COMPACT);
        TraceDataset imported = TraceDataset.open(tmp.resolve("imported"));
        TraceDataset direct = TraceDataset.open(tmp.resolve("direct"));
        TraceDataset compact = TraceDataset.open(tmp.resolve("compact"));
        assertEquals(6, imported.traces().size());
        for (TraceSummary t : imported.traces()) {
            assertEquals(imported.load(t.id()), direct.load(t.id()), t.id());
            assertEquals(imported.load(t.id()), compact.load(t.id()), t.id() + " compact");
        }
        assertEquals(-1L, Files.mismatch(tmp.resolve("caps/truth.csv"), tmp.resolve("direct/truth/truth.csv")));
        assertEquals(-1L, Files.mismatch(tmp.resolve("caps/truth_periods.csv"),
                tmp.resolve("direct/truth/truth_periods.csv")));
    }

    @Test
    void everySiteGetsThePapersShareOfLowLossPathsAndTheMeanLossRateIsThePapers() {
        int hosts = 200;
        Population p = new Population(11, hosts);
        double sum = 0;
        int paths = 0;
        for (int site = 1; site <= 10; site++) {
            int low = 0;
            for (int h = 1; h <= hosts; h++) {
                PathParams x = p.path(h, site);
                low += x.low() ? 1 : 0;
                assertTrue(x.low() ? x.lossRate() < 0.016 + 1e-12 : x.lossRate() >= 0.025, x.toString());
                sum += x.lossRate();
                paths++;
            }
            assertEquals(157, low, "round(0.785 * 200) low-loss paths at site " + site);
        }
        // E = 0.785 * (0.016 - 0.0001) / ln 160 + 0.215 * (0.15 - 0.025) / ln 6 = 0.0175
        assertEquals(0.0175, sum / paths, 0.0175 * 0.06);
    }

    @Test
    void burstLawIsAnExtendedGilbertChainWhoseFitRecoversIt() {
        BurstLaw law = new BurstLaw(2, 0.1, 12);
        assertEquals(0.5, BurstLaw.geometric(2).continuation(1), 1e-15);
        assertEquals(0.5, BurstLaw.geometric(2).continuation(9), 1e-15);
        double[] q = law.continuations();
        for (int k = 2; k < BurstLaw.STATES; k++) {
            assertTrue(q[k] > q[k - 1], "continuation grows with the burst's age");
        }
        assertEquals(0.9 * 2 + 0.1 * 12, law.meanBurst(), 0.01 * 3, "chain mean close to the mixture's");
        PathParams path = new PathParams(false, 0.05, law, 20_000_000, 1_000_000, 0);
        GilbertModel m = path.model(0.05);
        assertEquals(0.05, m.lossRate(), 1e-12);
        SplittableRandom r = new SplittableRandom(5);
        LossSequence.Builder b = new LossSequence.Builder(2_000_000);
        int state = 0;
        for (int i = 0; i < 2_000_000; i++) {
            boolean lost = r.nextDouble() < m.q(state);
            state = lost ? m.afterLoss(state) : 0;
            b.add(lost);
        }
        GilbertModel fit = TransitionCounts.of(b.build()).fit(BurstLaw.STATES);
        for (int k = 0; k < 4; k++) {
            assertEquals(m.q(k), fit.q(k), 0.05 * m.q(k) + 0.002, "q" + k);
        }
    }

    @Test
    void driftKeepsTheLongRunRateAndSigmaZeroKeepsItFixed() {
        double[] m = Drift.multipliers(0.5, 200_000, new SplittableRandom(3));
        double mean = 0;
        for (double v : m) {
            mean += v / m.length;
        }
        assertEquals(1, mean, 0.02);
        double lag = 0;
        double var = 0;
        for (int j = 1; j < m.length; j++) {
            lag += Math.log(m[j]) * Math.log(m[j - 1]);
            var += Math.log(m[j - 1]) * Math.log(m[j - 1]);
        }
        assertTrue(lag / var > 0.4, "consecutive periods are correlated");
        double[] wide = Drift.multipliers(Defaults.DRIFT, 400_000, new SplittableRandom(4));
        double wideMean = 0;
        for (double v : wide) {
            wideMean += v / wide.length;
        }
        assertEquals(1, wideMean, 0.05, "the default drift keeps the mean too");
        double[] run = Drift.overRun(Defaults.DRIFT, 20, new SplittableRandom(5));
        assertEquals(1, java.util.Arrays.stream(run).average().orElseThrow(), 1e-12, "a run averages exactly 1");
        for (double v : Drift.multipliers(0, 10, new SplittableRandom(3))) {
            assertEquals(1, v, 0);
        }
    }

    @Test
    void aSharedBottleneckDropsTheSameEpisodesOnEveryPathCrossingIt() throws Exception {
        Bottleneck b = new Bottleneck(1, List.of(1, 2), 0.01, 40_000_000L, 0.8, 99);
        Bottleneck.Cursor x = b.cursor(0);
        Bottleneck.Cursor y = b.cursor(0);
        long congested = 0;
        long samples = 0;
        for (long t = 0; t < 20_000_000_000_000L; t += 1_000_000) {
            boolean cx = x.congested(t);
            assertEquals(cx, y.congested(t));
            congested += cx ? 1 : 0;
            samples++;
        }
        assertEquals(0.01 / 0.8, (double) congested / samples, 0.1 * 0.01 / 0.8, "congested share of time");
        SimulationOptions o = small(6, 2, 200, 8).lowShare(1.0).drift(0).shared(1.0).build();
        GroundTruth truth = new GroundTruth(new Topology(o));
        Topology world = new Topology(o);
        List<Boolean> members = new ArrayList<>();
        for (int h = 1; h <= 6; h++) {
            PathProcess p = world.path(h, 1);
            while (p.hasNext()) {
                p.next();
            }
            truth.add(h, 1, p);
            members.add(p.bottleneck() != null);
            if (p.bottleneck() == null) {
                assertEquals(0, p.bottleneckLost());
            } else {
                double rate = (double) p.bottleneckLost() / p.probes();
                assertEquals(p.bottleneck().lossRate(), rate, 0.5 * p.bottleneck().lossRate(), "host " + h);
            }
        }
        assertTrue(members.stream().filter(m -> m).count() >= 2, "at least two paths cross it");
        truth.write(tmp);
        List<String> links = Files.readAllLines(tmp.resolve(GroundTruth.BOTTLENECKS.name()));
        assertEquals(3, links.size(), "a bottleneck per site: " + links);
    }
}
