package org.smarttunnel.replay.time;

import java.util.Arrays;

/**
 * Order statistics of long values in linear time for the spreads replays produce: values are
 * counted into buckets of equal, power-of-two width from their minimum, and only the buckets
 * that hold a wanted rank are sorted ({@link #select}); a whole range is sorted by scattering
 * into the buckets and sorting each ({@link #sort}). Skewed values (one far outlier) only make
 * some buckets large, which are then sorted like any range.
 */
final class Ranks {
    private static final int MAX_BUCKETS = 1 << 14;
    private static final int SMALL = 48;

    private int[] counts = new int[0];
    private long[] gathered = new long[0];
    private long[] spare = new long[0];

    /**
     * Writes into {@code out[i]} the value of 1-based rank {@code ranks[i]} among a[0..n) (ranks
     * ascending, each in 1..n); {@code a} is left as it was.
     */
    void select(long[] a, int n, int[] ranks, long[] out) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, a[i]);
            max = Math.max(max, a[i]);
        }
        select(a, n, min, max, ranks, out);
    }

    /** {@link #select(long[], int, int[], long[])} when the caller knows the minimum and maximum. */
    void select(long[] a, int n, long min, long max, int[] ranks, long[] out) {
        if (n <= SMALL || min == max) {
            long[] copy = ensureGathered(n);
            System.arraycopy(a, 0, copy, 0, n);
            Arrays.sort(copy, 0, n);
            for (int r = 0; r < ranks.length; r++) {
                out[r] = copy[ranks[r] - 1];
            }
            return;
        }
        int shift = shift(max - min, n);
        int buckets = (int) ((max - min) >>> shift) + 1;
        int[] c = ensureCounts(buckets);
        for (int i = 0; i < n; i++) {
            c[(int) ((a[i] - min) >>> shift)]++;
        }
        // the bucket of every rank and the rank within it
        int[] bucketOf = new int[ranks.length];
        int[] within = new int[ranks.length];
        int r = 0;
        int before = 0;
        for (int b = 0; b < buckets && r < ranks.length; b++) {
            while (r < ranks.length && ranks[r] <= before + c[b]) {
                bucketOf[r] = b;
                within[r] = ranks[r] - before;
                r++;
            }
            before += c[b];
        }
        // one pass gathers every wanted bucket into its own stretch; c[b] becomes its write position
        int total = 0;
        int[] startOf = new int[ranks.length];
        for (int q = 0; q < ranks.length; q++) {
            if (q == 0 || bucketOf[q] != bucketOf[q - 1]) {
                startOf[q] = total;
                total += c[bucketOf[q]];
            } else {
                startOf[q] = startOf[q - 1];
            }
        }
        long[] g = ensureGathered(total);
        Arrays.fill(c, 0, buckets, -1);
        for (int q = 0; q < ranks.length; q++) {
            c[bucketOf[q]] = startOf[q];
        }
        for (int i = 0; i < n; i++) {
            int b = (int) ((a[i] - min) >>> shift);
            if (c[b] >= 0) {
                g[c[b]++] = a[i];
            }
        }
        for (int q = 0; q < ranks.length; q++) {
            if (q == 0 || bucketOf[q] != bucketOf[q - 1]) {
                Arrays.sort(g, startOf[q], c[bucketOf[q]]);
            }
            out[q] = g[startOf[q] + within[q] - 1];
        }
    }

    /** Sorts a[0..n) ascending. */
    void sort(long[] a, int n) {
        if (n <= SMALL) {
            Arrays.sort(a, 0, n);
            return;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, a[i]);
            max = Math.max(max, a[i]);
        }
        if (min == max) {
            return;
        }
        int shift = shift(max - min, n);
        int buckets = (int) ((max - min) >>> shift) + 1;
        int[] c = ensureCounts(buckets + 1);
        for (int i = 0; i < n; i++) {
            c[(int) ((a[i] - min) >>> shift) + 1]++;
        }
        for (int b = 1; b <= buckets; b++) {
            c[b] += c[b - 1];
        }
        if (spare.length < n) {
            spare = new long[Math.max(n, spare.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            spare[c[(int) ((a[i] - min) >>> shift)]++] = a[i];
        }
        // c[b] is now the end of bucket b, the start of bucket b + 1
        int start = 0;
        for (int b = 0; b < buckets; b++) {
            int end = c[b];
            if (end - start > 1) {
                if (end - start <= 16) {
                    insertion(spare, start, end);
                } else {
                    Arrays.sort(spare, start, end);
                }
            }
            start = end;
        }
        System.arraycopy(spare, 0, a, 0, n);
    }

    /**
     * The right shift that maps a spread of {@code range} to at most about n buckets (and never
     * more than {@link #MAX_BUCKETS}): buckets are powers of two wide, so a value's bucket is
     * one subtraction and one shift.
     */
    private static int shift(long range, int n) {
        int bits = 32 - Integer.numberOfLeadingZeros(Math.min(n, MAX_BUCKETS) - 1);
        int rangeBits = 64 - Long.numberOfLeadingZeros(range);
        return Math.max(0, rangeBits - bits);
    }

    private static void insertion(long[] a, int from, int to) {
        for (int x = from + 1; x < to; x++) {
            long v = a[x];
            int y = x - 1;
            while (y >= from && a[y] > v) {
                a[y + 1] = a[y];
                y--;
            }
            a[y + 1] = v;
        }
    }

    private int[] ensureCounts(int n) {
        if (counts.length < n) {
            counts = new int[Math.max(n, MAX_BUCKETS + 1)];
        }
        Arrays.fill(counts, 0, n, 0);
        return counts;
    }

    private long[] ensureGathered(int n) {
        if (gathered.length < n) {
            gathered = new long[Math.max(n, gathered.length * 2)];
        }
        return gathered;
    }
}
