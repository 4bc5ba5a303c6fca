package org.smarttunnel.ingest.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.smarttunnel.ingest.trace.Probe;
import org.smarttunnel.ingest.trace.Trace;
import org.smarttunnel.ingest.trace.TraceInfo;

/**
 * The fast path of reading a CSV trace file: bytes parsed straight into the probe columns, no
 * strings, no records. It accepts only what {@link TraceCsvWriter} writes — the header (or the
 * one before one-way delays, without {@code owd_us}), then rows of plain decimal digits (index
 * counting from 0, lost 0 or 1, rtt_us possibly empty, owd_us possibly empty or negative)
 * ended by LF or CRLF, empty lines anywhere — and declines everything else (a quote, a sign, a
 * space, a number too long to be sure it fits, a wrong field count, an index out of order) by
 * returning empty, so that the caller reads the file again through commons-csv, which gives
 * the values or the error naming the line. What it accepts it reads exactly as that reader
 * does; a test holds the two equal on valid and damaged files.
 */
final class TraceCsvFastReader {
    private static final byte[] HEADER = String.join(",", TraceCsvWriter.TABLE.header())
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OLD_HEADER = String.join(",", TraceCsvWriter.TABLE.header()
            .subList(0, TraceCsvWriter.COLUMNS_BEFORE_OWD)).getBytes(StandardCharsets.US_ASCII);
    /** Longer rows are declined: no row the writer produces comes close. */
    private static final int MAX_ROW = 128;
    private static final int BUFFER = 1 << 16;
    private static final int MAX_INT_DIGITS = 9;
    private static final int MAX_LONG_DIGITS = 18;

    private final InputStream in;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    /** The value of the last {@link #digits} call. */
    private long value;
    /** Whether rows have the owd_us column. */
    private boolean withOwd;

    private TraceCsvFastReader(InputStream in) {
        this.in = in;
    }

    /**
     * The trace, or empty when the file needs the general reader. {@code probes} is the count
     * the dataset's index gives (-1 when unknown): the columns are allocated at that size, so
     * that a file that holds as many needs no copy; otherwise they grow as needed.
     */
    static Optional<Trace> read(Path file, TraceInfo info, long probes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            TraceCsvFastReader r = new TraceCsvFastReader(in);
            r.fill();
            int expected = probes >= 0 && probes < Integer.MAX_VALUE - 16 ? (int) probes
                    : r.expectedRows(Files.size(file));
            TraceDataset.ProbeColumns columns = new TraceDataset.ProbeColumns(expected);
            if (!r.rows(columns)) {
                return Optional.empty();
            }
            try {
                return Optional.of(columns.trace(info));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /** Reads every row into {@code probes}; false at the first thing it does not take. */
    private boolean rows(TraceDataset.ProbeColumns probes) throws IOException {
        fill();
        if (startsWith(HEADER)) {
            withOwd = true;
            pos += HEADER.length;
        } else if (startsWith(OLD_HEADER)) {
            pos += OLD_HEADER.length;
        } else {
            return false;
        }
        if (!endOfLine()) {
            return false;
        }
        int index = 0;
        while (true) {
            fill();
            if (pos == limit) {
                return true;
            }
            byte b = buf[pos];
            if (b == '\n' || b == '\r') {
                if (!endOfLine()) {
                    return false;
                }
                continue;
            }
            if (!row(index, probes)) {
                return false;
            }
            index++;
        }
    }

    /**
     * The row at {@link #pos} (number {@code index}) into {@code probes}; false when it is not
     * plain. A method of its own, called once per row, so that the JIT compiles it fully within
     * the first file rather than after several (a loop running once per file is compiled late).
     */
    private boolean row(int index, TraceDataset.ProbeColumns probes) {
        int rowEnd = Math.min(limit, pos + MAX_ROW);
        if (!digits(MAX_INT_DIGITS, rowEnd) || value != index || !comma(rowEnd)) {
            return false;
        }
        if (!digits(MAX_INT_DIGITS, rowEnd) || !comma(rowEnd)) {
            return false;
        }
        int seq = (int) value;
        if (!digits(MAX_LONG_DIGITS, rowEnd) || !comma(rowEnd)) {
            return false;
        }
        long send = value;
        if (pos + 2 > rowEnd || (buf[pos] != '0' && buf[pos] != '1') || buf[pos + 1] != ',') {
            return false;
        }
        boolean lost = buf[pos] == '1';
        pos += 2;
        int rtt = Probe.NO_RTT;
        if (pos < rowEnd && isDigit(buf[pos])) {
            if (!digits(MAX_INT_DIGITS, rowEnd)) {
                return false;
            }
            rtt = (int) value;
        }
        int owd = Probe.NO_OWD;
        if (withOwd) {
            if (!comma(rowEnd)) {
                return false;
            }
            boolean negative = pos < rowEnd && buf[pos] == '-';
            if (negative) {
                pos++;
            }
            if (pos < rowEnd && isDigit(buf[pos])) {
                if (!digits(MAX_INT_DIGITS, rowEnd)) {
                    return false;
                }
                owd = (int) (negative ? -value : value);
                if (lost) {
                    return false;
                }
            } else if (negative) {
                return false;
            }
        }
        if (pos == rowEnd && rowEnd < limit) {
            return false;
        }
        if (!endOfLine()) {
            return false;
        }
        probes.add(seq, send, lost, rtt, owd);
        return true;
    }

    private boolean startsWith(byte[] header) {
        if (limit - pos < header.length) {
            return false;
        }
        for (int i = 0; i < header.length; i++) {
            if (buf[pos + i] != header[i]) {
                return false;
            }
        }
        // a longer header (another column) is not this one
        return pos + header.length == limit || buf[pos + header.length] == '\n' || buf[pos + header.length] == '\r';
    }

    /**
     * The rows a file of {@code size} bytes holds, judged by the lines in the buffer's first
     * fill, slightly over: the columns are allocated once at about the right size and cut to
     * the exact count at the end (a trace's arrays are its largest allocation).
     */
    private int expectedRows(long size) {
        int lines = 0;
        for (int i = 0; i < limit; i++) {
            if (buf[i] == '\n') {
                lines++;
            }
        }
        if (lines < 2 || eof) {
            return Math.max(16, lines);
        }
        double perRow = (double) limit / lines;
        return (int) Math.min(Integer.MAX_VALUE - 16, size / perRow * 1.01 + 16);
    }

    /** 1 to {@code max} digits before {@code end} into {@link #value}; false when there are none or more. */
    private boolean digits(int max, int end) {
        int start = pos;
        long v = 0;
        while (pos < end && isDigit(buf[pos])) {
            v = v * 10 + (buf[pos] - '0');
            pos++;
        }
        int n = pos - start;
        value = v;
        return n >= 1 && n <= max;
    }

    private boolean comma(int end) {
        if (pos < end && buf[pos] == ',') {
            pos++;
            return true;
        }
        return false;
    }

    /** LF, CRLF or the end of the file; false for anything else (a bare CR too). */
    private boolean endOfLine() {
        if (pos == limit) {
            return eof;
        }
        if (buf[pos] == '\n') {
            pos++;
            return true;
        }
        if (buf[pos] == '\r' && pos + 1 < limit && buf[pos + 1] == '\n') {
            pos += 2;
            return true;
        }
        return false;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** At least {@link #MAX_ROW} bytes ahead of pos unless the file ends sooner. */
    private void fill() throws IOException {
        if (eof || limit - pos >= MAX_ROW) {
            return;
        }
        System.arraycopy(buf, pos, buf, 0, limit - pos);
        limit -= pos;
        pos = 0;
        while (limit < buf.length) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
                return;
            }
            limit += n;
        }
    }
}
