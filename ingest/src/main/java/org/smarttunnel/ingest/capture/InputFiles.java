package org.smarttunnel.ingest.capture;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

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

    /** The file's content, decompressed if needed. */
    public static InputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        if (!isGzip(file)) {
            return raw;
        }
        return new GZIPInputStream(new BufferedInputStream(raw, GZIP_BUFFER), GZIP_BUFFER);
    }

    /** The first {@code n} bytes of the (decompressed) content, fewer if it is shorter. */
    public static byte[] head(Path file, int n) throws IOException {
        try (InputStream in = open(file)) {
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
