package org.smarttunnel.replay.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.smarttunnel.fitting.stats.GroupLayout;
import org.smarttunnel.ingest.trace.LossSequence;
import org.smarttunnel.replay.schedule.Schedule;

class TimeReplayTest {
    private static final int MS = 2000;

    /**
     * Two paths, groups of 4 slots (2 data then 2 redundant; A carries slots 0 and 2, B slots 1
     * and 3), Δ = 2 ms; A's one-way delay 10 ms, B's 30 ms except 40 ms for probe 1.
     *
     * <pre>
     * group 0: all arrive: data 0 at 0+10 = 10, data 1 at 2+40 = 42 (after data 3, below)
     * group 1: slot 4 (data 2, A) lost; data 3 at 10+30 = 40, redundancy at 22 and 44:
     *          recovered at the 2nd arrival, 40
     * group 2: slots 8, 9, 10 lost, slot 11 arrives at 22+30 = 52: unrecoverable, given up at 52
     * delivery delays 10, 40, 40-8 = 32, 30; releases 10, 42, 42, 42, (52, 52 given up)
     * in-order delays 10, 40, 34, 32
     * </pre>
     */
    @Test
    void aHandWorkedInterval() {
        LossSequence a = LossSequence.parse("000010001010");
        LossSequence b = LossSequence.parse("000000000100");
        int[] da = new int[12];
        int[] db = new int[12];
        Arrays.fill(da, 10 * MS);
        Arrays.fill(db, 30 * MS);
        db[1] = 40 * MS;
        Schedule s = Schedule.fixed(GroupLayout.of(2, 2, 0, 1, 0, 1));
        TimeMetrics t = TimeReplay.replay(List.of(a, b), List.of(da, db), s, 4, 2 * MS, 35 * MS).orElseThrow();
        assertEquals(4, t.delivered());
        assertEquals(28.0, t.delayMeanMs().getAsDouble(), 1e-12);
        assertEquals(30.0, t.delayP50Ms().getAsDouble(), "rank 2 of 10, 30, 32, 40");
        assertEquals(40.0, t.delayP95Ms().getAsDouble());
        assertEquals(40.0, t.delayP99Ms().getAsDouble());
        assertEquals(40.0, t.delayMaxMs().getAsDouble());
        assertEquals(29.0, t.inorderMeanMs().getAsDouble(), 1e-12);
        assertEquals(40.0, t.inorderP95Ms().getAsDouble());
        assertEquals(Math.sqrt(122), t.jitterMs().getAsDouble(), 1e-12, "deviations -18, 12, 4, 2");
        assertEquals(40.0 / 3, t.ipdvMs().getAsDouble(), 1e-12, "|40-10| + |32-40| + |30-32| over 3");
        assertEquals(1.0 / 3, t.reorderedShare().getAsDouble(), 1e-12, "data 1 arrived after data 3");
        assertEquals(2, t.bufferMax(), "data 2 and 3 held over [40, 42)");
        assertEquals(0.5, t.lateShare(), 1e-12, "data 4 and 5 given up, data 1 released 40 ms after sending");
    }

    @Test
    void nothingDeliveredLeavesTheDelaysEmpty() {
        LossSequence all = LossSequence.parse("1111");
        TimeMetrics t = TimeReplay.replay(List.of(all), List.of(new int[4]), Schedule.fixed(GroupLayout.of(2, 1, 0, 0,
                0, 0)), 4, MS, MS).orElseThrow();
        assertEquals(0, t.delivered());
        assertFalse(t.delayMeanMs().isPresent());
        assertFalse(t.ipdvMs().isPresent());
        assertFalse(t.reorderedShare().isPresent());
        assertEquals(1.0, t.lateShare());
        assertTrue(TimeReplay.replay(List.of(all), List.of(new int[4]), Schedule.fixed(GroupLayout.of(2, 1, 0, 0, 0,
                0, 0)), 5, MS, MS).isEmpty(), "no complete group");
    }

    @Test
    void agreesWithAnEventByEventReceiver() {
        SplittableRandom r = new SplittableRandom(42);
        for (int c = 0; c < 3000; c++) {
            int n = 1 + r.nextInt(3);
            int g = 2 + r.nextInt(7);
            int d = 1 + r.nextInt(g);
            // every 50th case long, with delays spread over many sending times (deep waits)
            boolean large = c % 50 == 0;
            int slots = g * (large ? 100 + r.nextInt(200) : 1 + r.nextInt(5)) + r.nextInt(g);
            double loss = r.nextDouble() * 0.5;
            List<LossSequence> paths = new ArrayList<>();
            List<int[]> delays = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                boolean[] lost = new boolean[slots];
                int[] delay = new int[slots];
                int base = r.nextInt(40);
                for (int j = 0; j < slots; j++) {
                    lost[j] = r.nextDouble() < loss;
                    delay[j] = base + r.nextInt(1 + r.nextInt(large ? 3000 : 30));
                }
                paths.add(LossSequence.of(lost));
                delays.add(delay);
            }
            int[] owner = new int[g];
            for (int s = 0; s < g; s++) {
                owner[s] = r.nextInt(n);
            }
            GroupLayout layout = new GroupLayout(d, owner, n);
            long spacing = r.nextInt(12);
            long deadline = r.nextInt(60);
            TimeMetrics fast = TimeReplay.replay(paths, delays, Schedule.fixed(layout), g, spacing, deadline)
                    .orElseThrow();
            TimeMetrics slow = EventReceiver.run(paths, delays, layout, slots / g, spacing, deadline);
            String where = "case " + c + ": " + paths + " " + Arrays.toString(owner) + " d=" + d + " spacing="
                    + spacing;
            assertEquals(slow.delivered(), fast.delivered(), where);
            same(slow.delayMeanMs(), fast.delayMeanMs(), where + " mean");
            same(slow.delayP50Ms(), fast.delayP50Ms(), where + " p50");
            same(slow.delayP95Ms(), fast.delayP95Ms(), where + " p95");
            same(slow.delayP99Ms(), fast.delayP99Ms(), where + " p99");
            same(slow.delayMaxMs(), fast.delayMaxMs(), where + " max");
            same(slow.inorderMeanMs(), fast.inorderMeanMs(), where + " in-order mean");
            same(slow.inorderP95Ms(), fast.inorderP95Ms(), where + " in-order p95");
            same(slow.inorderP99Ms(), fast.inorderP99Ms(), where + " in-order p99");
            same(slow.jitterMs(), fast.jitterMs(), where + " jitter");
            same(slow.ipdvMs(), fast.ipdvMs(), where + " ipdv");
            same(slow.reorderedShare(), fast.reorderedShare(), where + " reordered");
            assertEquals(slow.bufferMax(), fast.bufferMax(), where + " buffer");
            assertEquals(slow.lateShare(), fast.lateShare(), 1e-12, where + " late");
        }
    }

    private static void same(OptionalDouble expected, OptionalDouble actual, String what) {
        assertEquals(expected.isPresent(), actual.isPresent(), what);
        if (expected.isPresent()) {
            assertEquals(expected.getAsDouble(), actual.getAsDouble(), 1e-9, what);
        }
    }
}
