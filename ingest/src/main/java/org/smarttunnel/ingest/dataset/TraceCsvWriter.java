package org.smarttunnel.ingest.dataset;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.ingest.trace.Probe;

/**
 * Streams one trace to CSV in the columns of {@link #TABLE}. Digits are written straight into
 * a byte buffer: this runs once per probe, billions of times on a paper-size dataset, where
 * commons-csv's printer would be several times slower (docs/performance.md). A test holds the
 * bytes to what commons-csv writes for the same probes through {@link #TABLE}.
 */
public final class TraceCsvWriter extends TraceFileWriter {
    /** A trace file: one row per probe, in send order. */
    public static final TableSpec<Probe> TABLE = TableSpec.<Probe>named("traces/ID.csv")
            .about("one row per probe of a trace, in send order (the CSV form of a trace file)")
            .column(Column.integer("index", "", Probe::index))
            .column(Column.integer("seq", "", Probe::seq))
            .column(Column.integer("send_us", "µs since the epoch", Probe::sendUs))
            .column(Column.integer("lost", "0/1", p -> p.lost() ? 1 : 0))
            .column(Column.formatted("rtt_us", "µs", p -> p.hasRtt() ? Integer.toString(p.rttUs()) : ""))
            .column(Column.formatted("owd_us", "µs", p -> p.hasOwd() ? Integer.toString(p.owdUs()) : ""))
            .build();
    /** The columns of files written before one-way delays existed, which are still read. */
    public static final int COLUMNS_BEFORE_OWD = 5;

    private static final byte[] TENS = new byte[100];
    private static final byte[] ONES = new byte[100];

    static {
        for (int i = 0; i < 100; i++) {
            TENS[i] = (byte) ('0' + i / 10);
            ONES[i] = (byte) ('0' + i % 10);
        }
    }

    private final byte[] line = new byte[96];
    private final byte[] secondsDigits = new byte[20];
    private long cachedSeconds = -1;
    private int cachedLength;

    public TraceCsvWriter(Path file, long intervalUs, OpenFiles budget) {
        super(file, intervalUs, budget);
    }

    @Override
    protected OutputStream openStream(Path file, boolean append) throws IOException {
        return new BufferedOutputStream(append ? Files.newOutputStream(file, StandardOpenOption.APPEND)
                : Files.newOutputStream(file), 1 << 16);
    }

    @Override
    protected byte[] header() {
        return (String.join(",", TABLE.header()) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    protected void row(int index, int seq, long sendUs, boolean lost, int rttUs, int owdUs) {
        int p = digits(index, 0);
        line[p++] = ',';
        p = digits(seq, p);
        line[p++] = ',';
        p = micros(sendUs, p);
        line[p++] = ',';
        line[p++] = (byte) (lost ? '1' : '0');
        line[p++] = ',';
        if (rttUs >= 0) {
            p = digits(rttUs, p);
        }
        line[p++] = ',';
        if (owdUs != Probe.NO_OWD) {
            p = digits(owdUs, p);
        }
        line[p++] = '\n';
        try {
            stream().write(line, 0, p);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * Epoch microseconds: consecutive probes share their seconds, whose digits are kept from
     * the previous row; only the six sub-second digits are formatted anew.
     */
    private int micros(long us, int p) {
        if (us < 1_000_000L) {
            return digits(us, p);
        }
        long seconds = us / 1_000_000L;
        if (seconds != cachedSeconds) {
            cachedSeconds = seconds;
            cachedLength = digits(seconds, 0, secondsDigits);
        }
        System.arraycopy(secondsDigits, 0, line, p, cachedLength);
        p += cachedLength;
        int fraction = (int) (us - seconds * 1_000_000L);
        for (int q = p + 4; q >= p; q -= 2) {
            int pair = fraction % 100;
            fraction /= 100;
            line[q] = TENS[pair];
            line[q + 1] = ONES[pair];
        }
        return p + 6;
    }

    private int digits(long v, int p) {
        return digits(v, p, line);
    }

    /** Writes non-negative {@code v} at {@code p}, two digits per division; returns the end. */
    private static int digits(long v, int p, byte[] out) {
        if (v < 0) {
            out[p++] = '-';
            v = -v;
        }
        int end = p + length(v);
        int q = end;
        while (v >= 100) {
            int pair = (int) (v % 100);
            v /= 100;
            out[--q] = ONES[pair];
            out[--q] = TENS[pair];
        }
        if (v >= 10) {
            out[--q] = ONES[(int) v];
            out[--q] = TENS[(int) v];
        } else {
            out[--q] = (byte) ('0' + v);
        }
        return end;
    }

    private static int length(long v) {
        long bound = 10;
        for (int n = 1; n < 19; n++) {
            if (v < bound) {
                return n;
            }
            bound *= 10;
        }
        return 19;
    }
}
