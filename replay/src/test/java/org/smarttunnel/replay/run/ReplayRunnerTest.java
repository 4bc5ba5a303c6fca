package org.smarttunnel.replay.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.fitting.predict.ModelOptions;
import org.smarttunnel.fitting.model.StateChoice;
import org.smarttunnel.ingest.trace.LossSequence;
import org.smarttunnel.ingest.trace.Trace;
import org.smarttunnel.ingest.trace.TraceInfo;
import org.smarttunnel.replay.alloc.Allocators;

class ReplayRunnerTest {
    /** {@code n} probes every 100 ms from {@code startUs}, lost where the pattern (repeated) has '1'. */
    static Trace trace(String id, long startUs, int n, String pattern) {
        long[] send = new long[n];
        StringBuilder bits = new StringBuilder();
        for (int i = 0; i < n; i++) {
            send[i] = startUs + i * 100_000L;
            bits.append(pattern.charAt(i % pattern.length()));
        }
        return new Trace(new TraceInfo(id, "h", "s", "", "", ""), new int[n], send, LossSequence.parse(bits.toString()),
                new int[n]);
    }

    /**
     * a sends 40 probes from 1.0 s, every 100 ms, losing only its first five (1.0 to 1.4 s); b
     * the same from 1.5 s, losing none. With G = 1 and R = 0 round robin puts every packet on a,
     * so data_lost counts a's lost probes among the interval's slots. By interval number, a's
     * interval 0 is 1.0 to 2.0 s: 5 lost. By time, intervals start at b's first send, 1.5 s: a's
     * probes 5..14, none lost; and a's last interval holds only 5 probes (4.5 to 4.9 s).
     */
    @Test
    void alignmentByTimeCutsIntervalsFromTheLatestFirstSend() {
        Trace a = trace("a", 1_000_000, 40, "1111100000" + "0".repeat(30));
        Trace b = trace("b", 1_500_000, 40, "0");
        List<ReplayRow> byNumber = ReplayRunner.run(List.of(a, b), options(ReplayOptions.Alignment.INTERVAL));
        List<ReplayRow> byTime = ReplayRunner.run(List.of(a, b), options(ReplayOptions.Alignment.TIME));
        assertEquals(List.of(5L, 0L, 0L, 0L), byNumber.stream().map(r -> r.result().dataLost()).toList());
        assertEquals(List.of(10L, 10L, 10L, 10L), byNumber.stream().map(r -> r.result().groups()).toList());
        assertEquals(List.of(0L, 0L, 0L, 0L), byTime.stream().map(r -> r.result().dataLost()).toList());
        assertEquals(List.of(10L, 10L, 10L, 5L), byTime.stream().map(r -> r.result().groups()).toList());
    }

    private static ReplayOptions options(ReplayOptions.Alignment alignment) {
        return ReplayOptions.builder().group(1).redundancy(0).alignment(alignment)
                .allocators(List.of(Allocators.byId("rr")))
                .models(ModelOptions.builder().modes(EnumSet.of(FitMode.ORACLE)).states(StateChoice.of(1))
                        .intervalUs(1_000_000).build())
                .build();
    }

    /**
     * Bernoulli models (one state) on two paths, round robin, groups of 2 with no redundancy:
     * each group loses each path's packet with its loss rate, so the expected loss rate after FEC
     * is (qa + qb) / 2. a loses 1 probe in 10, b 3 in 10.
     */
    @Test
    void expectedLossRateIsTheModelsPromiseForTheAllocation() {
        Trace a = trace("a", 0, 40, "1000000000");
        Trace b = trace("b", 0, 40, "1110000000");
        ReplayOptions o = ReplayOptions.builder().group(2).redundancy(0).allocators(List.of(Allocators.byId("rr")))
                .models(ModelOptions.builder().modes(EnumSet.of(FitMode.ORACLE)).states(StateChoice.of(1))
                        .intervalUs(4_000_000).build()).build();
        List<ReplayRow> rows = ReplayRunner.run(List.of(a, b), o);
        assertEquals(1, rows.size());
        assertEquals((0.1 + 0.3) / 2, rows.get(0).expectedLossRate(), 1e-12);
    }

    @Test
    void autoAlignsByTimeOnlyTracesMeasuredTogetherAndTimeRefusesOthers() {
        Trace a = trace("a", 0, 40, "0");
        Trace b = trace("b", 500_000, 40, "0");
        Trace late = trace("late", 100_000_000, 40, "0");
        long interval = 1_000_000;
        java.util.function.Function<Trace[], java.util.List<org.smarttunnel.ingest.trace.Concurrency.Span>> spans =
                ts -> java.util.Arrays.stream(ts).map(org.smarttunnel.ingest.trace.Concurrency.Span::of).toList();
        assertEquals(ReplayOptions.Alignment.TIME, ReplayRunner.alignment(spans.apply(new Trace[] {a, b}),
                ReplayOptions.Alignment.AUTO, interval));
        assertEquals(ReplayOptions.Alignment.INTERVAL, ReplayRunner.alignment(spans.apply(new Trace[] {a, late}),
                ReplayOptions.Alignment.AUTO, interval));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ReplayRunner.alignment(spans.apply(new Trace[] {a, late}), ReplayOptions.Alignment.TIME,
                        interval));
        assertEquals("alignment time needs traces measured together (send times overlapping by at least one "
                + "interval, 1s), and these were not: a 1970-01-01T00:00:00Z to 1970-01-01T00:00:03.900Z, late "
                + "1970-01-01T00:01:40Z to 1970-01-01T00:01:43.900Z", e.getMessage());
    }

    /**
     * Two paths losing in the same 100 ms bins (shared) and a third that never loses; groups of 4
     * (3 data, 1 redundant), round robin. Ignored: slots 0-3 on a, b, c, a. Merged, the allocator
     * sees two paths, {a, b} and c: slots 0 and 2 are the merged path's, and slot j goes to member
     * j mod 2, so both to a; slots 1 and 3 to c. Avoided: a (the better of a and b, equal here, by
     * id) and c, the same slots.
     */
    @Test
    void mergeAndAvoidChangeThePathsTheAllocatorSees() {
        StringBuilder pa = new StringBuilder();
        StringBuilder pb = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            boolean burst = i % 20 < 3;
            pa.append(burst ? '1' : '0');
            pb.append(burst ? '1' : '0');
        }
        Trace a = trace("a", 0, 200, pa.toString());
        Trace b = trace("b", 0, 200, pb.toString());
        Trace c = trace("c", 0, 200, "0");
        ReplayOptions.Builder base = ReplayOptions.builder().group(4).redundancy(1)
                .allocators(List.of(Allocators.byId("rr")))
                .models(ModelOptions.builder().modes(EnumSet.of(FitMode.ORACLE)).intervalUs(20_000_000).build());
        ReplayRow ignore = ReplayRunner.run(List.of(a, b, c), base.shared(SharedPaths.IGNORE).build()).get(0);
        ReplayRow merge = ReplayRunner.run(List.of(a, b, c), base.shared(SharedPaths.MERGE).build()).get(0);
        ReplayRow avoid = ReplayRunner.run(List.of(a, b, c), base.shared(SharedPaths.AVOID).build()).get(0);
        assertEquals("1/1;1/0;1/0", ignore.allocation().text());
        assertEquals("2/0;0/0;1/1", merge.allocation().text());
        assertEquals("2/0;0/0;1/1", avoid.allocation().text());
        assertEquals(List.of("a", "b", "c"), merge.traces(), "rows still name every trace of the tunnel");
    }

    /** The spacing's median over several paths' gap counts equals the nearest rank of all gaps sorted together. */
    @Test
    void medianGapOfSeveralPathsEqualsTheNearestRankOfAllGapsTogether() {
        java.util.Random r = new java.util.Random(11);
        for (int trial = 0; trial < 500; trial++) {
            int paths = 1 + r.nextInt(4);
            org.smarttunnel.fitting.predict.IntervalFits.SendGaps[] gaps =
                    new org.smarttunnel.fitting.predict.IntervalFits.SendGaps[paths];
            List<Long> all = new java.util.ArrayList<>();
            for (int p = 0; p < paths; p++) {
                long[] g = new long[r.nextInt(trial % 7 == 0 ? 3 : 60)];
                for (int i = 0; i < g.length; i++) {
                    g[i] = r.nextBoolean() ? 2000 : r.nextInt(5) * 1000L + r.nextInt(3);
                    all.add(g[i]);
                }
                gaps[p] = org.smarttunnel.fitting.predict.IntervalFits.SendGaps.of(g);
            }
            java.util.Collections.sort(all);
            long expected = all.isEmpty() ? 1
                    : Math.max(1, all.get(Math.max(1, (50 * all.size() + 99) / 100) - 1));
            assertEquals(expected, ReplayRunner.medianGapUs(gaps), "trial " + trial + ": " + all);
        }
    }
}
