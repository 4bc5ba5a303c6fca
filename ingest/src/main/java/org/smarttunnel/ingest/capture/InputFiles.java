package org.smarttunnel.ingest.capture;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.smarttunnel.common.io.CountingInputStream;
import org.smarttunnel.ingest.Diagnostic;

/** Opens an input file, decompressing it when it is gzip-compressed (by content, not name). */
public final class InputFiles {
    private static final int GZIP_BUFFER = 1 << 16;

    private InputFiles() {
    }

    public static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1F && in.read() == 0x8B;
        }
    }

    /**
     * The file's content, decompressed if needed; where gzip data is damaged (cut short, a
     * corrupt block, a trailer whose checksum or length does not match) the content ends
     * there with a warning naming the compressed offset, so that everything decompressed
     * before it is read and kept.
     */
    public static InputStream open(Path file, String name, List<Diagnostic> diagnostics) throws IOException {
        InputStream raw = Files.newInputStream(file);
        if (!isGzip(file)) {
            return raw;
        }
        return new TolerantGzip(raw, name, diagnostics);
    }

    /**
     * The file's content as text lines ({@link #open}: gzip decompressed, damage warned about),
     * UTF-8 with malformed bytes replaced rather than fatal: a log's noise stays a line to skip.
     */
    public static java.io.BufferedReader text(Path file, String name, List<Diagnostic> diagnostics)
            throws IOException {
        return new java.io.BufferedReader(new java.io.InputStreamReader(open(file, name, diagnostics),
                java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)), 1 << 16);
    }

    /** Gzip content that ends, with a warning, where the compressed data is damaged. */
    private static final class TolerantGzip extends InputStream {
        private final CountingInputStream counted;
        private final GZIPInputStream gzip;
        private final String name;
        private final List<Diagnostic> diagnostics;
        private boolean ended;

        TolerantGzip(InputStream raw, String name, List<Diagnostic> diagnostics) throws IOException {
            this.counted = new CountingInputStream(new BufferedInputStream(raw, GZIP_BUFFER));
            this.gzip = new GZIPInputStream(counted, GZIP_BUFFER);
            this.name = name;
            this.diagnostics = diagnostics;
        }

        private final byte[] one = new byte[1];

        @Override
        public int read() throws IOException {
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            try {
                return gzip.read(b, off, len);
            } catch (EOFException | ZipException e) {
                ended = true;
                String what = e instanceof EOFException ? "gzip data cut short at this compressed offset"
                        : "damaged gzip data at this compressed offset (" + e.getMessage() + ")";
                diagnostics.add(Diagnostic.warningAtOffset(name, counted.count(), what
                        + "; everything decompressed before it is kept"));
                return -1;
            }
        }

        @Override
        public void close() throws IOException {
            gzip.close();
        }
    }

    /** The first {@code n} bytes of the (decompressed) content, fewer if it is shorter. */
    public static byte[] head(Path file, int n) throws IOException {
        // damage is reported by the read that follows, not by a look at the head
        try (InputStream in = open(file, file.toString(), new java.util.ArrayList<>())) {
            return in.readNBytes(n);
        }
    }

    /** Whether the content starts like a pcap or pcapng capture. */
    public static boolean looksLikeCapture(byte[] head) {
        if (head.length < 4) {
            return false;
        }
        int magic = ((head[0] & 0xFF) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        return PcapReader.isMagic(magic) || magic == PcapngReader.SECTION_HEADER;
    }
}
