package org.smarttunnel.ingest.dataset;

import java.nio.file.Path;

/**
 * How a dataset stores a trace's probes: CSV ({@code ID.csv}, the interchange format) or the
 * compact binary form ({@code ID.trace.gz}, about a tenth of the size; see
 * {@link CompactTraceWriter}). Readers accept both, by file name.
 */
public enum TraceFormat {
    CSV(".csv"),
    COMPACT(".trace.gz");

    private final String extension;

    TraceFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format of a trace file, by its name. */
    public static TraceFormat of(Path file) {
        return file.getFileName().toString().endsWith(COMPACT.extension) ? COMPACT : CSV;
    }
}
