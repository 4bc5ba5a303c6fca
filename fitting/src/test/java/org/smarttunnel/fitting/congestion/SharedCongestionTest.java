package org.smarttunnel.fitting.congestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.special.Beta;
import org.junit.jupiter.api.Test;
import org.smarttunnel.ingest.trace.LossSequence;
import org.smarttunnel.ingest.trace.Trace;
import org.smarttunnel.ingest.trace.TraceInfo;

class SharedCongestionTest {
    private static BigInteger choose(int n, int k) {
        BigInteger c = BigInteger.ONE;
        for (int i = 1; i <= k; i++) {
            c = c.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
        }
        return c;
    }

    /** P(X >= x) for the hypergeometric margins of the table, as an exact fraction. */
    private static double exactUpperTail(int both, int onlyA, int onlyB, int neither) {
        int n = both + onlyA + onlyB + neither;
        int lossyA = both + onlyA;
        int lossyB = both + onlyB;
        BigInteger sum = BigInteger.ZERO;
        for (int x = both; x <= Math.min(lossyA, lossyB); x++) {
            sum = sum.add(choose(lossyA, x).multiply(choose(n - lossyA, lossyB - x)));
        }
        return new BigDecimal(sum).divide(new BigDecimal(choose(n, lossyB)), MathContext.DECIMAL64).doubleValue();
    }

    @Test
    void fishersOneSidedTestIsTheExactHypergeometricTail() {
        // both 8, only A 2, only B 1, neither 5: P(X >= 8) = (45 x 6 + 10 x 1) / C(16, 9) = 280 / 11440 = 7/286
        assertEquals(7.0 / 286, Math.exp(LogP.fisherGreater(8, 2, 1, 5).ln()), 1e-15);
        for (int[] t : new int[][] {{3, 2, 3, 32}, {0, 4, 4, 10}, {10, 0, 0, 90}, {1, 20, 30, 400}}) {
            double p = exactUpperTail(t[0], t[1], t[2], t[3]);
            assertEquals(p, Math.exp(LogP.fisherGreater(t[0], t[1], t[2], t[3]).ln()), 1e-12 * p, java.util.Arrays
                    .toString(t));
        }
        // far below what a double holds: 600 of 5000 bins lossy on both paths, and only those
        LogP tiny = LogP.fisherGreater(600, 0, 0, 4400);
        assertTrue(tiny.ln() < Math.log(1e-300), tiny.text());
        double ln = -(lnChoose(5000, 600));
        assertEquals(ln, tiny.ln(), 1e-9 * Math.abs(ln));
        assertTrue(tiny.text().matches("\\d(\\.\\d+)?E-\\d{3,}"), tiny.text());
    }

    /**
     * Values from SciPy 1.17.1: {@code fisher_exact(table, alternative='greater')} for the first
     * two (the second is the real logs' 12 September run 1), {@code hypergeom.logsf} for the third,
     * whose p-value a double cannot hold (the same digits come from exact big-integer sums).
     */
    @Test
    void fishersTestAgreesWithScipy() {
        assertEquals(0.017835649414596786, Math.exp(LogP.fisherGreater(3, 2, 3, 32).ln()), 1e-15);
        assertEquals(Math.log(1.3331286484667107e-298), LogP.fisherGreater(219, 24, 2, 2644).ln(), 1e-10);
        assertEquals("1.33313E-298", LogP.fisherGreater(219, 24, 2, 2644).text());
        assertEquals(-1371.9028529069001, LogP.fisherGreater(438, 48, 4, 5288).ln(), 1e-9);
    }

    private static double lnChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }

    @Test
    void pearsonsOneSidedTestAgreesWithTheIncompleteBetaAndKeepsGoingBelowADouble() {
        for (double[] c : new double[][] {{0.5, 12}, {0.3, 100}, {0.8, 40}, {0.95, 300}}) {
            double r = c[0];
            double df = c[1] - 2;
            double t = r * Math.sqrt(df / (1 - r * r));
            double p = 0.5 * Beta.regularizedBeta(df / (df + t * t), df / 2, 0.5);
            assertEquals(Math.log(p), LogP.pearsonGreater(r, (long) c[1]).ln(), 1e-9 * Math.abs(Math.log(p)),
                    "r=" + r + " n=" + c[1]);
        }
        double previous = 0;
        for (int n : new int[] {500, 1000, 2000, 4000}) {
            double ln = LogP.pearsonGreater(0.99, n).ln();
            assertTrue(ln < previous && Double.isFinite(ln), n + ": " + ln);
            previous = ln;
        }
        assertTrue(LogP.pearsonGreater(0.99, 4000).ln() < Math.log(1e-300));
        assertEquals(Double.NEGATIVE_INFINITY, LogP.pearsonGreater(1, 50).ln());
    }

    /** 40 probes a second apart on both paths (one pair per bin); A lost at 0-3 and 10, B at 0-2, 5, 11, 12. */
    @Test
    void aHandBuiltPairGivesItsTwoByTwoTableLiftAndPValue() {
        Trace a = trace("a", lossAt(40, 0, 1, 2, 3, 10), 30_000, 7);
        Trace b = trace("b", lossAt(40, 0, 1, 2, 5, 11, 12), 50_000, 5);
        PairTest t = SharedCongestion.test(a, b, 10_000_000, SharedCongestion.DEFAULT_BIN_US);
        assertEquals(40, t.bins());
        assertEquals(5, t.lossyA());
        assertEquals(6, t.lossyB());
        assertEquals(3, t.lossyBoth());
        assertEquals(3.0 * 40 / (5 * 6), t.lift().getAsDouble(), 1e-12);
        assertEquals(exactUpperTail(3, 2, 3, 32), Math.exp(t.lossP().get().ln()), 1e-12);
        assertEquals(Verdict.UNKNOWN, t.verdict(), "p is not below 1e-3, and too few lossy bins or delay bins");
        assertTrue(t.delayR().isPresent(), "both carry RTTs: " + t);
        assertEquals(Verdict.NOT_CONCURRENT, SharedCongestion.test(a, b, 60_000_000, 100_000).verdict(),
                "overlapping by 39 s, less than an interval of 60 s");
    }

    @Test
    void probesArePairedOneToOneWithinHalfTheLargerSpacing() {
        // A every 2 ms from 0, B every 2 ms from 0.9 ms: pairs differ by 0.9 ms <= 1 ms
        long[] sa = new long[1000];
        long[] sb = new long[1000];
        for (int i = 0; i < 1000; i++) {
            sa[i] = 2_000L * i;
            sb[i] = 2_000L * i + 900;
        }
        Trace a = new Trace(new TraceInfo("a", "h", "s", "", "", ""), new int[1000], sa, LossSequence.of(new boolean[1000]),
                new int[1000]);
        Trace b = new Trace(new TraceInfo("b", "h", "s", "", "", ""), new int[1000], sb, LossSequence.of(new boolean[1000]),
                new int[1000]);
        PairTest t = SharedCongestion.test(a, b, 1_000_000, 100_000);
        assertEquals(20, t.bins(), "1000 pairs in 2 s, bins of 100 ms");
    }

    private static boolean[] lossAt(int n, int... lost) {
        boolean[] b = new boolean[n];
        for (int i : lost) {
            b[i] = true;
        }
        return b;
    }

    /** Probes a second apart; received ones' RTTs cycle with period {@code cycle} (ms steps). */
    private static Trace trace(String id, boolean[] lost, int rttUs, int cycle) {
        int n = lost.length;
        long[] send = new long[n];
        int[] rtt = new int[n];
        for (int i = 0; i < n; i++) {
            send[i] = 1_000_000L * i;
            rtt[i] = lost[i] ? -1 : rttUs + (i % cycle) * 1000;
        }
        return new Trace(new TraceInfo(id, "h", "s", "", "", ""), new int[n], send, LossSequence.of(lost), rtt);
    }

    @Test
    void groupsFollowTraceIdOrderAndJoinTheFirstRepresentativeTheyShareWith() {
        List<Grouping.Path> paths = List.of(new Grouping.Path("p3", 0.01), new Grouping.Path("p1", 0.05),
                new Grouping.Path("p2", 0.02), new Grouping.Path("p4", 0.001));
        Set<String> shared = Set.of("p1|p3", "p2|p3", "p1|p2", "p2|p4");
        List<Grouping.Group> g = Grouping.groups(paths, (x, y) -> shared.contains(x + "|" + y)
                || shared.contains(y + "|" + x));
        // p1 founds group 1; p2 shares with p1: joins; p3 shares with p1: joins; p4 shares only with p2 (not a
        // representative): new group 2
        assertEquals(2, g.size());
        assertEquals("p1", g.get(0).representative().trace());
        assertEquals(List.of("p1", "p2", "p3"), g.get(0).members().stream().map(Grouping.Path::trace).toList());
        assertEquals(List.of("p4"), g.get(1).members().stream().map(Grouping.Path::trace).toList());
        // ranked by best member: group 2 (p4, 0.001) before group 1 (p3, 0.01); S = 3: p4, p3, then round 2: p2
        assertEquals(List.of("p4", "p3", "p2"), Grouping.select(g, 3).stream().map(Grouping.Path::trace).toList());
    }

    @Test
    void sciMatchesTheWorkedExamples() {
        Map<String, String> truth = Map.of("p1", "A", "p2", "A", "p3", "B", "p6", "B", "p4", "C", "p5", "D");
        List<String> correct = List.of("p1", "p3", "p4");
        assertEquals(0.5556, Grouping.sci(correct, List.of("p3", "p4"), truth, 2), 5e-5);
        assertEquals(0.3704, Grouping.sci(correct, List.of("p1", "p3", "p6"), truth, 2), 5e-5);
        assertEquals(0.8333, Grouping.sci(correct, List.of("p1", "p3", "p5"), truth, 2), 5e-5);
        assertEquals(1, Grouping.sci(correct, List.of("p1", "p3", "p4"), truth, 2), 1e-15);
        assertEquals(0, Grouping.sci(correct, List.of(), truth, 2));
        assertEquals(10.0 / 18, Grouping.sci(correct, List.of("p3", "p4"), truth, 2), 1e-15);
        assertEquals(0.5, Grouping.jaccard(correct, List.of("p1", "p3", "p5")), 1e-15);
    }
}
