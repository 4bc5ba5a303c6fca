package org.smarttunnel.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one input file went, whatever its format: the format (and how it was read), what the
 * format counted in it (named counts, in the order the format reports them), the traces it
 * gave, and whether it failed (its error is among the import's diagnostics; traces read before
 * the failure are kept). {@code summary} is the format's own one-line account of the counts.
 */
public record FileReport(String file, String format, String summary, Map<String, Long> counts, int traces,
        boolean failed) {
    public FileReport {
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** A file that failed before its format could say anything. */
    public static FileReport failed(String file, String format, int traces) {
        return new FileReport(file, format, "", Map.of(), traces, true);
    }

    public FileReport asFailed() {
        return new FileReport(file, format, summary, counts, traces, true);
    }

    /** One count, 0 when the format does not report it. */
    public long count(String name) {
        return counts.getOrDefault(name, 0L);
    }

    /** One line for the terminal. */
    public String describe() {
        return file + ": " + format + (summary.isEmpty() ? "" : ", " + summary) + "; " + traces
                + (traces == 1 ? " trace" : " traces") + (failed ? " (failed, see error)" : "");
    }
}
