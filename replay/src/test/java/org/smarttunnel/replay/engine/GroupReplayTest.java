package org.smarttunnel.replay.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.smarttunnel.fitting.stats.GroupLayout;
import org.smarttunnel.ingest.trace.LossSequence;
import org.smarttunnel.replay.schedule.RandomSchedule;
import org.smarttunnel.replay.schedule.Schedule;

class GroupReplayTest {
    /**
     * G = 4 (D = 3, R = 1), two paths alternating 0,1,0,1; path 0: 1000 0000 1010 10,
     * path 1: 0100 0001 0000 01 (14 probes: 3 groups, 2 slots dropped).
     * Group 0: slot 0 (p0 lost) data, slot 1 (p1 lost) data: X = 2 > R: 2 lost.
     * Group 1: slot 7 (p1, redundancy) lost only: recovered.
     * Group 2: slots 8 and 10 on p0 lost, both data: X = 2: 2 lost.
     */
    @Test
    void handMadeSequences() {
        List<LossSequence> paths = List.of(LossSequence.parse("10000000101010"), LossSequence.parse("01000001000001"));
        Schedule s = Schedule.fixed(GroupLayout.of(3, 2, 0, 1, 0, 1));
        assertEquals(new IntervalResult(3, 2, 9, 4), GroupReplay.replay(paths, s, 4));
        assertEquals(new IntervalResult(0, 0, 0, 0), GroupReplay.replay(paths, s, 20));
    }

    /**
     * The same loss sequence under two layouts that give its path the same data slots but other
     * redundant ones: the per-group counts kept from the first replay must not serve the second.
     * Groups of 4, D = 3; path 0 loses slot 3 of every group, path 1 slot 1. Layout A (path 0
     * carries slots 0 and 3): 2 losses > R = 1 in every group, one data packet lost each. Layout
     * B (path 0 carries slot 0 only): one loss per group, none fails.
     */
    @Test
    void keptCountsTellRedundantSlotsApart() {
        LossSequence zero = LossSequence.parse("0001".repeat(10));
        LossSequence one = LossSequence.parse("0100".repeat(10));
        List<LossSequence> paths = List.of(zero, one);
        Schedule a = Schedule.fixed(new GroupLayout(3, new int[] {0, 1, 1, 0}, 2));
        Schedule b = Schedule.fixed(new GroupLayout(3, new int[] {0, 1, 1, 1}, 2));
        assertEquals(new IntervalResult(10, 10, 30, 10), GroupReplay.replay(paths, a, 4));
        assertEquals(new IntervalResult(10, 0, 30, 0), GroupReplay.replay(paths, b, 4));
        assertEquals(new IntervalResult(10, 10, 30, 10), GroupReplay.replay(paths, a, 4));
    }

    @Test
    void agreesWithAPlainSlotBySlotReplay() {
        Random r = new Random(5);
        boolean[][] previous = null;
        for (int round = 0; round < 300; round++) {
            // every third round replays the last round's sequences again (equal values, new objects)
            // under another group size and layout, as the thread's kept per-group counts must allow
            boolean again = round % 3 == 1 && previous != null;
            int n = again ? previous.length : 1 + r.nextInt(5);
            int g = 2 + r.nextInt(round % 3 == 0 ? 150 : 60);
            int d = 1 + r.nextInt(g - 1);
            int len = r.nextInt(3000);
            boolean[][] lost = new boolean[n][];
            List<LossSequence> seqs = new java.util.ArrayList<>();
            for (int p = 0; p < n; p++) {
                int plen = len + r.nextInt(50);
                lost[p] = again ? previous[p] : new boolean[plen];
                for (int i = 0; !again && i < plen; i++) {
                    lost[p][i] = r.nextDouble() < 0.1;
                }
                seqs.add(LossSequence.of(lost[p]));
            }
            previous = lost;
            Schedule s = round % 2 == 0 ? Schedule.fixed(randomLayout(r, g, d, n))
                    : new RandomSchedule(new double[n].length == 0 ? null : weights(r, n), g, d, r.nextLong());
            IntervalResult fast = GroupReplay.replay(seqs, s, g);
            int m = Integer.MAX_VALUE;
            for (boolean[] l : lost) {
                m = Math.min(m, l.length);
            }
            long groups = m / g;
            long failed = 0;
            long lostData = 0;
            for (long k = 0; k < groups; k++) {
                GroupLayout layout = s.group(k);
                int x = 0;
                int y = 0;
                for (int j = 0; j < g; j++) {
                    if (lost[layout.pathOf(j)][(int) (k * g + j)]) {
                        if (j < d) {
                            x++;
                        } else {
                            y++;
                        }
                    }
                }
                if (x + y > g - d) {
                    failed++;
                    lostData += x;
                }
            }
            assertEquals(new IntervalResult(groups, failed, groups * d, lostData), fast, "round " + round);
            assertEquals(fast, GroupReplay.replay(seqs, s, g), "round " + round + " replayed again");
            assertEquals(fast, GroupReplay.replayBits(seqs, s, g), "round " + round + " from the bits");
        }
    }

    private static double[] weights(Random r, int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.1 + r.nextDouble();
        }
        return w;
    }

    private static GroupLayout randomLayout(Random r, int g, int d, int n) {
        int[] owner = new int[g];
        for (int j = 0; j < g; j++) {
            owner[j] = r.nextInt(n);
        }
        return new GroupLayout(d, owner, n);
    }
}
