package org.smarttunnel.ingest.dataset;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.smarttunnel.ingest.probe.RecordingSink;

/**
 * Streams one trace to {@code index,seq,send_us,lost,rtt_us} CSV. Digits are written straight
 * into a byte buffer: this runs once per probe, billions of times on a paper-size dataset.
 */
public final class TraceCsvWriter extends RecordingSink implements AutoCloseable {
    public static final String HEADER = "index,seq,send_us,lost,rtt_us";

    private final Path file;
    private final OutputStream out;
    private final byte[] line = new byte[96];
    private boolean closed;

    public TraceCsvWriter(Path file, long intervalUs) throws IOException {
        super(intervalUs);
        this.file = file;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        out.write((HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    public Path file() {
        return file;
    }

    @Override
    protected void row(int index, int seq, long sendUs, boolean lost, int rttUs) {
        int p = 0;
        p = digits(index, p);
        line[p++] = ',';
        p = digits(seq, p);
        line[p++] = ',';
        p = digits(sendUs, p);
        line[p++] = ',';
        line[p++] = (byte) (lost ? '1' : '0');
        line[p++] = ',';
        if (rttUs >= 0) {
            p = digits(rttUs, p);
        }
        line[p++] = '\n';
        try {
            out.write(line, 0, p);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }

    private int digits(long v, int p) {
        if (v < 0) {
            line[p++] = '-';
            v = -v;
        }
        int start = p;
        do {
            line[p++] = (byte) ('0' + (v % 10));
            v /= 10;
        } while (v != 0);
        for (int i = start, j = p - 1; i < j; i++, j--) {
            byte t = line[i];
            line[i] = line[j];
            line[j] = t;
        }
        return p;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }
}
