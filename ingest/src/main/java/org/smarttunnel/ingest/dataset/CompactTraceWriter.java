package org.smarttunnel.ingest.dataset;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Streams one trace in the compact form: a gzip stream (a member per 64 KiB of records;
 * members concatenate) holding the magic {@code STTRACE} and version byte 2, then one record
 * per probe in send order:
 * <ul>
 * <li>a flags byte: bit 0 lost, bit 1 the sequence number is not the previous one plus one
 * (mod 2^16; the first probe's "previous" is 65535), bit 2 received without a known RTT, bit
 * 3 a one-way delay follows;</li>
 * <li>the 16-bit sequence number, big-endian, when bit 1 is set;</li>
 * <li>the send time's second difference in microseconds (send - previous send - previous
 * difference, all starting at 0), as a zigzag varint;</li>
 * <li>for a received probe with an RTT, the RTT minus the previous known RTT (starting at 0)
 * in microseconds, as a zigzag varint;</li>
 * <li>with bit 3, the one-way delay minus the previous known one (starting at 0) in
 * microseconds, as a zigzag varint.</li>
 * </ul>
 * Version 1, written before one-way delays existed, is the same without bit 3; both are read.
 * Regular probing makes most records two or three bytes before compression. Records gather
 * in memory and go to the file a member at a time, so the writer holds no file open between
 * members and needs no share of the open-file budget.
 */
public final class CompactTraceWriter extends TraceFileWriter {
    public static final byte[] MAGIC = "STTRACE".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 2;
    static final int LOST = 1;
    static final int SEQ = 2;
    static final int NO_RTT = 4;
    static final int OWD = 8;

    private final byte[] record = new byte[32];
    private int prevSeq = 0xFFFF;
    private long prevSend;
    private long prevDelta;
    private int prevRtt;
    private int prevOwd;

    public CompactTraceWriter(Path file, long intervalUs, OpenFiles budget) {
        super(file, intervalUs, budget);
    }

    @Override
    protected OutputStream openStream(Path file, boolean append) throws IOException {
        if (!append) {
            Files.newOutputStream(file).close();
        }
        return new Members(file);
    }

    @Override
    protected boolean holdsFile() {
        return false;
    }

    /** Gathers bytes and appends them to the file as a gzip member whenever 64 KiB are ready, and on close. */
    private static final class Members extends OutputStream {
        private final Path file;
        private final byte[] buffer = new byte[1 << 16];
        private int size;

        Members(Path file) {
            this.file = file;
        }

        @Override
        public void write(int b) throws IOException {
            if (size == buffer.length) {
                flushMember();
            }
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (size == buffer.length) {
                    flushMember();
                }
                int n = Math.min(len, buffer.length - size);
                System.arraycopy(b, off, buffer, size, n);
                size += n;
                off += n;
                len -= n;
            }
        }

        private void flushMember() throws IOException {
            if (size == 0) {
                return;
            }
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.APPEND),
                    1 << 16); GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16) {
                        {
                            def.setLevel(Deflater.BEST_COMPRESSION);
                        }
                    }) {
                gz.write(buffer, 0, size);
            }
            size = 0;
        }

        @Override
        public void close() throws IOException {
            flushMember();
        }
    }

    @Override
    protected byte[] header() {
        byte[] h = new byte[MAGIC.length + 1];
        System.arraycopy(MAGIC, 0, h, 0, MAGIC.length);
        h[MAGIC.length] = VERSION;
        return h;
    }

    @Override
    protected void row(int index, int seq, long sendUs, boolean lost, int rttUs, int owdUs) {
        boolean regular = seq == ((prevSeq + 1) & 0xFFFF);
        boolean withRtt = !lost && rttUs >= 0;
        boolean withOwd = !lost && owdUs != org.smarttunnel.ingest.trace.Probe.NO_OWD;
        int flags = (lost ? LOST : 0) | (regular ? 0 : SEQ) | (!lost && !withRtt ? NO_RTT : 0) | (withOwd ? OWD : 0);
        int p = 0;
        record[p++] = (byte) flags;
        if (!regular) {
            record[p++] = (byte) (seq >>> 8);
            record[p++] = (byte) seq;
        }
        long delta = sendUs - prevSend;
        p = varint(zigzag(delta - prevDelta), p);
        prevDelta = delta;
        prevSend = sendUs;
        prevSeq = seq;
        if (withRtt) {
            p = varint(zigzag((long) rttUs - prevRtt), p);
            prevRtt = rttUs;
        }
        if (withOwd) {
            p = varint(zigzag((long) owdUs - prevOwd), p);
            prevOwd = owdUs;
        }
        try {
            stream().write(record, 0, p);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private int varint(long v, int p) {
        while ((v & ~0x7FL) != 0) {
            record[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        record[p++] = (byte) v;
        return p;
    }
}
