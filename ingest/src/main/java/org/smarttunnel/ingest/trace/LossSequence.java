package org.smarttunnel.ingest.trace;

import java.util.Arrays;

/**
 * An immutable bit-packed loss sequence: bit i is set when probe i was lost. Bit i lives in
 * word i / 64 at position i % 64, so replay code can read 64 slots at a time.
 */
public final class LossSequence {
    private final long[] words;
    private final int length;
    private final int lossCount;
    /** The hash code once computed (0 before; the words never change). */
    private int hash;

    private LossSequence(long[] words, int length) {
        this.words = words;
        this.length = length;
        int count = 0;
        for (long w : words) {
            count += Long.bitCount(w);
        }
        this.lossCount = count;
    }

    public static LossSequence of(boolean... lost) {
        Builder b = new Builder(lost.length);
        for (boolean l : lost) {
            b.add(l);
        }
        return b.build();
    }

    /** Parses a string of '0' (received) and '1' (lost), the form {@link #toString()} writes. */
    /** The parts one after the other. */
    public static LossSequence concat(java.util.List<LossSequence> parts) {
        int length = 0;
        for (LossSequence p : parts) {
            length += p.length();
        }
        Builder b = new Builder(length);
        for (LossSequence p : parts) {
            for (int i = 0; i < p.length(); i++) {
                b.add(p.lost(i));
            }
        }
        return b.build();
    }

    public static LossSequence parse(String bits) {
        Builder b = new Builder(bits.length());
        for (int i = 0; i < bits.length(); i++) {
            char c = bits.charAt(i);
            if (c != '0' && c != '1') {
                throw new IllegalArgumentException("loss sequence holds '" + c + "' at " + i + "; only 0 and 1 are allowed");
            }
            b.add(c == '1');
        }
        return b.build();
    }

    public int length() {
        return length;
    }

    public boolean lost(int i) {
        if (i < 0 || i >= length) {
            throw new IndexOutOfBoundsException("probe " + i + " of " + length);
        }
        return (words[i >>> 6] & (1L << i)) != 0;
    }

    public int lossCount() {
        return lossCount;
    }

    public double lossRate() {
        return length == 0 ? Double.NaN : (double) lossCount / length;
    }

    /** Number of 64-bit words; the last one is padded with zero bits. */
    public int wordCount() {
        return words.length;
    }

    /** Bits 64k..64k+63; bits past the end are zero. */
    public long word(int k) {
        return words[k];
    }

    /** The probes from (inclusive) to (exclusive), renumbered from 0. */
    public LossSequence slice(int from, int to) {
        if (from < 0 || to > length || from > to) {
            throw new IndexOutOfBoundsException("slice " + from + ".." + to + " of " + length);
        }
        int n = to - from;
        long[] out = new long[(n + 63) >>> 6];
        int shift = from & 63;
        int base = from >>> 6;
        for (int k = 0; k < out.length; k++) {
            long lo = words[base + k] >>> shift;
            long hi = shift != 0 && base + k + 1 < words.length ? words[base + k + 1] << (64 - shift) : 0L;
            out[k] = lo | hi;
        }
        int tail = n & 63;
        if (tail != 0) {
            out[out.length - 1] &= (1L << tail) - 1;
        }
        return new LossSequence(out, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LossSequence other && other.length == length && Arrays.equals(other.words, words);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 31 * length + Arrays.hashCode(words);
            hash = h;
        }
        return h;
    }

    /** '0' for received, '1' for lost, one character per probe. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(lost(i) ? '1' : '0');
        }
        return sb.toString();
    }

    /** Appends bits one at a time; the sequence is frozen by {@link #build()}. */
    public static final class Builder {
        private long[] words;
        private int length;

        public Builder(int expectedLength) {
            words = new long[Math.max(1, (expectedLength + 63) >>> 6)];
        }

        public Builder add(boolean lost) {
            if ((length >>> 6) == words.length) {
                words = Arrays.copyOf(words, words.length * 2);
            }
            if (lost) {
                words[length >>> 6] |= 1L << length;
            }
            length++;
            return this;
        }

        public int length() {
            return length;
        }

        public LossSequence build() {
            return new LossSequence(Arrays.copyOf(words, (length + 63) >>> 6), length);
        }
    }
}
