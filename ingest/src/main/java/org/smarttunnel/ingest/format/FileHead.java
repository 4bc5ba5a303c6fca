package org.smarttunnel.ingest.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The first bytes of a file (decompressed when it is gzip), for formats to recognise it:
 * {@code whole} when they are all of it.
 */
public record FileHead(byte[] bytes, boolean whole) {
    public FileHead {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The first {@code n} bytes (fewer when the file is shorter). */
    public byte[] first(int n) {
        return Arrays.copyOf(bytes, Math.min(n, bytes.length));
    }

    /**
     * Whether the head looks binary, not text: more than one byte in 64 of its first 512 is a
     * NUL or a control character other than tab, CR and LF. (A stray NUL in a log — a
     * damaged disk block, a terminal's noise — leaves it text; every capture magic and
     * header is far past that share.)
     */
    public boolean binary() {
        int n = Math.min(bytes.length, 512);
        int odd = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                odd++;
            }
        }
        return odd > n / 64;
    }

    /** The text lines, the last one left out when the head may have cut it. */
    public List<String> lines() {
        List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n"));
        return !whole && lines.size() > 1 ? lines.subList(0, lines.size() - 1) : lines;
    }
}
