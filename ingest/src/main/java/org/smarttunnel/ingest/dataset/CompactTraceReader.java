package org.smarttunnel.ingest.dataset;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.trace.LossSequence;
import org.smarttunnel.ingest.trace.Probe;
import org.smarttunnel.ingest.trace.Trace;
import org.smarttunnel.ingest.trace.TraceInfo;

/** Reads a compact trace file ({@link CompactTraceWriter}); offsets in errors count decompressed bytes. */
final class CompactTraceReader {
    private static final int MAX_PROBES = Integer.MAX_VALUE - 64;

    private final InputStream in;
    private final String name;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long offset;

    private CompactTraceReader(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    static Trace read(Path file, TraceInfo info) throws IOException, IngestException {
        String name = file.toString();
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                1 << 16)) {
            return new CompactTraceReader(in, name).trace(info);
        } catch (ZipException | EOFException e) {
            throw IngestException.inFile(name, "not a compact trace (bad gzip stream: " + e.getMessage() + ")");
        }
    }

    private Trace trace(TraceInfo info) throws IOException, IngestException {
        for (byte m : CompactTraceWriter.MAGIC) {
            if (next() != (m & 0xFF)) {
                throw IngestException.atOffset(name, offset - 1, "not a compact trace (no STTRACE magic)");
            }
        }
        int version = next();
        if (version != 1 && version != CompactTraceWriter.VERSION) {
            throw IngestException.atOffset(name, offset - 1, "compact trace version " + version + " is not supported");
        }
        int capacity = 1 << 12;
        int[] seq = new int[capacity];
        long[] send = new long[capacity];
        int[] rtt = new int[capacity];
        int[] owd = null;
        boolean[] lost = new boolean[capacity];
        int n = 0;
        int prevSeq = 0xFFFF;
        long prevSend = 0;
        long prevDelta = 0;
        int prevRtt = 0;
        int prevOwd = 0;
        int known = version == 1 ? 7 : 15;
        int flags;
        while ((flags = read()) >= 0) {
            long start = offset++;
            if ((flags & ~known) != 0) {
                throw IngestException.atOffset(name, start, "record has unknown flags " + flags);
            }
            if (n == capacity) {
                if (capacity >= MAX_PROBES) {
                    throw IngestException.atOffset(name, start, "more probes than a trace can hold");
                }
                capacity = (int) Math.min(MAX_PROBES, 2L * capacity);
                seq = Arrays.copyOf(seq, capacity);
                send = Arrays.copyOf(send, capacity);
                rtt = Arrays.copyOf(rtt, capacity);
                owd = owd == null ? null : Arrays.copyOf(owd, capacity);
                lost = Arrays.copyOf(lost, capacity);
            }
            int s = (flags & CompactTraceWriter.SEQ) != 0 ? (next(start) << 8) | next(start) : (prevSeq + 1) & 0xFFFF;
            long delta = prevDelta + unzigzag(varint(start));
            long t = prevSend + delta;
            boolean isLost = (flags & CompactTraceWriter.LOST) != 0;
            int r = Probe.NO_RTT;
            if (!isLost && (flags & CompactTraceWriter.NO_RTT) == 0) {
                long v = prevRtt + unzigzag(varint(start));
                if (v < 0 || v > Integer.MAX_VALUE) {
                    throw IngestException.atOffset(name, start, "RTT " + v + " us is impossible");
                }
                r = (int) v;
                prevRtt = r;
            }
            if ((flags & CompactTraceWriter.OWD) != 0) {
                if (isLost) {
                    throw IngestException.atOffset(name, start, "a lost probe with a one-way delay");
                }
                long v = prevOwd + unzigzag(varint(start));
                if (v <= Probe.NO_OWD || v > Integer.MAX_VALUE) {
                    throw IngestException.atOffset(name, start, "one-way delay " + v + " us is impossible");
                }
                if (owd == null) {
                    owd = new int[capacity];
                    Arrays.fill(owd, 0, n, Probe.NO_OWD);
                }
                owd[n] = (int) v;
                prevOwd = (int) v;
            } else if (owd != null) {
                owd[n] = Probe.NO_OWD;
            }
            seq[n] = s;
            send[n] = t;
            rtt[n] = r;
            lost[n] = isLost;
            n++;
            prevSeq = s;
            prevSend = t;
            prevDelta = delta;
        }
        LossSequence.Builder loss = new LossSequence.Builder(n);
        for (int i = 0; i < n; i++) {
            loss.add(lost[i]);
        }
        try {
            return new Trace(info, Arrays.copyOf(seq, n), Arrays.copyOf(send, n), loss.build(), Arrays.copyOf(rtt, n),
                    owd == null ? null : Arrays.copyOf(owd, n));
        } catch (IllegalArgumentException e) {
            throw IngestException.inFile(name, e.getMessage());
        }
    }

    private int next() throws IOException, IngestException {
        return next(offset);
    }

    /** The next byte of the record that started at {@code start}. */
    private int next(long start) throws IOException, IngestException {
        int b = read();
        if (b < 0) {
            throw IngestException.atOffset(name, start, "truncated record");
        }
        offset++;
        return b;
    }

    /** The next decompressed byte, -1 at the end. */
    private int read() throws IOException, IngestException {
        if (position == limit) {
            try {
                limit = in.readNBytes(buffer, 0, buffer.length);
            } catch (EOFException e) {
                throw IngestException.atOffset(name, offset, "truncated: the compressed stream ends early "
                        + "(offset counts decompressed bytes)");
            }
            position = 0;
            if (limit == 0) {
                return -1;
            }
        }
        return buffer[position++] & 0xFF;
    }

    private long varint(long start) throws IOException, IngestException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = next(start);
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw IngestException.atOffset(name, start, "number longer than 64 bits");
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }
}
