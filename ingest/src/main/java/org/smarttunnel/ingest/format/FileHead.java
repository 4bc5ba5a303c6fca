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

    /** Whether a NUL byte appears early on: the file is binary, not text. */
    public boolean binary() {
        for (int i = 0; i < Math.min(bytes.length, 512); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** The text lines, the last one left out when the head may have cut it. */
    public List<String> lines() {
        List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n"));
        return !whole && lines.size() > 1 ? lines.subList(0, lines.size() - 1) : lines;
    }
}
