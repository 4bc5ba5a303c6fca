package org.smarttunnel.replay.time;

import java.util.Arrays;

/**
 * Order statistics of long values in linear time for the spreads replays produce: values are
 * counted into buckets of equal, power-of-two width from their minimum, and only the buckets
 * that hold a wanted rank are sorted. Skewed values (one far outlier, or nearly all values equal
 * with a few far away, as probe gaps are) make some buckets large: such a bucket is selected in
 * again over its narrower spread, down to equal values or few enough to sort.
 */
final class Ranks {
    private static final int SMALL = 48;
    /**
     * About this many values per bucket, and at most {@link #MAX_BUCKETS} buckets, so that the
     * counts stay in the first-level cache: only the few buckets holding a wanted rank are
     * sorted.
     */
    private static final int LOAD = 8;
    private static final int MAX_BUCKETS = 1 << 11;

    private int[] counts = new int[0];
    private long[] gathered = new long[0];
    /** A bucket too large to sort is selected in again by this instance, from its own copy. */
    private Ranks inner;
    private long[] input = new long[0];

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
        if (min == max) {
            Arrays.fill(out, 0, ranks.length, min);
            return;
        }
        if (n <= SMALL) {
            long[] copy = ensureGathered(n);
            System.arraycopy(a, 0, copy, 0, n);
            Arrays.sort(copy, 0, n);
            for (int r = 0; r < ranks.length; r++) {
                out[r] = copy[ranks[r] - 1];
            }
            return;
        }
        int shift = shift(max - min, Math.min(n / LOAD, MAX_BUCKETS));
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
        // each wanted bucket: sorted when small, else selected in again (its spread is narrower)
        for (int q = 0; q < ranks.length;) {
            int b = bucketOf[q];
            int from = startOf[q];
            int size = c[b] - from;
            int last = q;
            while (last < ranks.length && bucketOf[last] == b) {
                last++;
            }
            if (size <= SMALL) {
                Arrays.sort(g, from, from + size);
                for (int x = q; x < last; x++) {
                    out[x] = g[from + within[x] - 1];
                }
            } else {
                if (inner == null) {
                    inner = new Ranks();
                }
                long[] part = inner.ensureInput(size);
                System.arraycopy(g, from, part, 0, size);
                int[] wanted = Arrays.copyOfRange(within, q, last);
                long[] found = new long[wanted.length];
                inner.select(part, size, wanted, found);
                System.arraycopy(found, 0, out, q, wanted.length);
            }
            q = last;
        }
    }

    /**
     * The right shift that maps a spread of {@code range} to at most about {@code buckets}
     * buckets: buckets are powers of two wide, so a value's bucket is one subtraction and one
     * shift.
     */
    private static int shift(long range, int buckets) {
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(buckets, 1) - 1);
        int rangeBits = 64 - Long.numberOfLeadingZeros(range);
        return Math.max(0, rangeBits - bits);
    }

    private int[] ensureCounts(int n) {
        if (counts.length < n) {
            counts = new int[Math.max(n, MAX_BUCKETS + 1)];
        }
        Arrays.fill(counts, 0, n, 0);
        return counts;
    }

    private long[] ensureInput(int n) {
        if (input.length < n) {
            input = new long[Math.max(n, input.length * 2)];
        }
        return input;
    }

    private long[] ensureGathered(int n) {
        if (gathered.length < n) {
            gathered = new long[Math.max(n, gathered.length * 2)];
        }
        return gathered;
    }
}
