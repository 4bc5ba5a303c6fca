package org.smarttunnel.ingest.dataset;

import java.io.IOException;
import java.util.ArrayDeque;

/**
 * Keeps at most {@code capacity} trace files open at once. A capture may hold thousands of
 * runs (restarted pings, many targets); the writer opened longest ago is closed first and
 * re-opens in append mode when its run produces more probes.
 */
public final class OpenFiles {
    public static final int DEFAULT_CAPACITY = 256;

    private final int capacity;
    private final ArrayDeque<TraceFileWriter> open = new ArrayDeque<>();

    public OpenFiles(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    void opened(TraceFileWriter writer) throws IOException {
        open.addLast(writer);
        while (open.size() > capacity) {
            open.pollFirst().park();
        }
    }

    void closed(TraceFileWriter writer) {
        open.remove(writer);
    }
}
