package org.smarttunnel.replay.engine;

import java.util.List;
import org.smarttunnel.common.cache.Lru;
import org.smarttunnel.fitting.stats.GroupLayout;
import org.smarttunnel.ingest.trace.LossSequence;
import org.smarttunnel.replay.schedule.Schedule;

/**
 * Replays one interval of N aligned paths under a schedule (METHOD section 3): slot j of the
 * interval is probe j of every path; only the first m slots are used, m the shortest path's
 * probe count; consecutive groups of G slots, a last partial group dropped. The packet in slot
 * j on path p is lost iff probe j of path p was lost. A group loses its X lost data packets
 * when X + Y > R. Per group and path the G loss bits are cut out of the bit-packed sequence
 * with two shifts and counted against the path's data and redundancy masks by popcount; a
 * fixed schedule's masks are built once.
 */
public final class GroupReplay {
    private GroupReplay() {
    }

    public static IntervalResult replay(List<LossSequence> paths, Schedule schedule, int groupSize) {
        return replay(paths, schedule, groupSize, true);
    }

    /**
     * The same replay without the thread's kept per-group counts: every group's bits read from
     * the sequences (what the first replay of a trace interval costs; benchmarks time it).
     */
    public static IntervalResult replayBits(List<LossSequence> paths, Schedule schedule, int groupSize) {
        return replay(paths, schedule, groupSize, false);
    }

    private static IntervalResult replay(List<LossSequence> paths, Schedule schedule, int groupSize, boolean kept) {
        int n = paths.size();
        int m = Integer.MAX_VALUE;
        for (LossSequence s : paths) {
            m = Math.min(m, s.length());
        }
        long groups = m / groupSize;
        if (groups == 0) {
            return new IntervalResult(0, 0, 0, 0);
        }
        int words = (groupSize + 63) >>> 6;
        long[][] dataMask = new long[n][words];
        long[][] redMask = new long[n][words];
        GroupLayout layout = schedule.group(0);
        checkLayout(layout, n, groupSize);
        masks(layout, dataMask, redMask);
        int redundancy = layout.redundancy();
        int data = layout.data();
        if (kept && schedule.fixed() && words == 1) {
            return fixed(paths, dataMask, redMask, (int) groups, groupSize, redundancy, data);
        }
        long failed = 0;
        long lost = 0;
        long[] bits = new long[words];
        for (long g = 0; g < groups; g++) {
            if (!schedule.fixed() && g > 0) {
                layout = schedule.group(g);
                checkLayout(layout, n, groupSize);
                masks(layout, dataMask, redMask);
            }
            long start = g * groupSize;
            int x = 0;
            int y = 0;
            for (int p = 0; p < n; p++) {
                extract(paths.get(p), start, groupSize, bits);
                for (int w = 0; w < words; w++) {
                    x += Long.bitCount(bits[w] & dataMask[p][w]);
                    y += Long.bitCount(bits[w] & redMask[p][w]);
                }
            }
            if (x + y > redundancy) {
                failed++;
                lost += x;
            }
        }
        return new IntervalResult(groups, failed, groups * data, lost);
    }

    /**
     * A fixed schedule of at most 64 slots: each path's lost data and redundant packets per group
     * (x + 256 y, at most 64 each) under its masks, kept per thread for the next replay of the
     * same loss sequence and masks — the same trace interval in other tunnels, modes or
     * allocators; the tunnel's counts per group are their sums.
     */
    private static IntervalResult fixed(List<LossSequence> paths, long[][] dataMask, long[][] redMask, int groups,
            int groupSize, int redundancy, int data) {
        int n = paths.size();
        char[][] counts = new char[n][];
        PathCounts cache = COUNTS.get();
        for (int p = 0; p < n; p++) {
            counts[p] = cache.counts(paths.get(p), dataMask[p][0], redMask[p][0], groupSize, groups);
        }
        long failed = 0;
        long lost = 0;
        for (int g = 0; g < groups; g++) {
            int c = 0;
            for (int p = 0; p < n; p++) {
                c += counts[p][g];
            }
            int x = c & 0xFF;
            if (x + (c >>> 8) > redundancy) {
                failed++;
                lost += x;
            }
        }
        return new IntervalResult(groups, failed, (long) groups * data, lost);
    }

    /** Per-group counts of loss sequences under mask pairs, least recently used first, within a budget. */
    private static final class PathCounts {
        private static final long BUDGET_CHARS = 8L << 20;

        private record Key(LossSequence loss, long data, long red, int groupSize) {
        }

        private final Lru<Key, char[]> kept = Lru.weighted(BUDGET_CHARS, c -> c.length);

        char[] counts(LossSequence s, long data, long red, int groupSize, int groups) {
            if (data == 0 && red == 0) {
                return new char[groups];
            }
            Key key = new Key(s, data, red, groupSize);
            char[] c = kept.get(key);
            if (c != null && c.length >= groups) {
                return c;
            }
            c = new char[groups];
            long[] bits = new long[1];
            for (int g = 0; g < groups; g++) {
                extract(s, (long) g * groupSize, groupSize, bits);
                c[g] = (char) (Long.bitCount(bits[0] & data) + (Long.bitCount(bits[0] & red) << 8));
            }
            kept.put(key, c);
            return c;
        }
    }

    private static final ThreadLocal<PathCounts> COUNTS = ThreadLocal.withInitial(PathCounts::new);

    private static void checkLayout(GroupLayout layout, int paths, int groupSize) {
        if (layout.groupSize() != groupSize || layout.paths() != paths) {
            throw new IllegalArgumentException("schedule of " + layout.groupSize() + " slots on " + layout.paths()
                    + " paths for groups of " + groupSize + " on " + paths);
        }
    }

    private static void masks(GroupLayout layout, long[][] data, long[][] red) {
        for (long[] row : data) {
            java.util.Arrays.fill(row, 0);
        }
        for (long[] row : red) {
            java.util.Arrays.fill(row, 0);
        }
        for (int s = 0; s < layout.groupSize(); s++) {
            long bit = 1L << (s & 63);
            if (s < layout.data()) {
                data[layout.pathOf(s)][s >>> 6] |= bit;
            } else {
                red[layout.pathOf(s)][s >>> 6] |= bit;
            }
        }
    }

    /** Bits start..start+count-1 of the sequence into {@code out} (bit i of word i/64), zero beyond. */
    static void extract(LossSequence s, long start, int count, long[] out) {
        int words = (count + 63) >>> 6;
        int shift = (int) (start & 63);
        int base = (int) (start >>> 6);
        int available = s.wordCount();
        for (int w = 0; w < words; w++) {
            int k = base + w;
            long lo = k < available ? s.word(k) >>> shift : 0;
            long hi = shift != 0 && k + 1 < available ? s.word(k + 1) << (64 - shift) : 0;
            out[w] = lo | hi;
        }
        int tail = count & 63;
        if (tail != 0) {
            out[words - 1] &= (1L << tail) - 1;
        }
    }
}
