package org.smarttunnel.ingest.log;

/** What a log held: lines, runs, probes emitted, reply and marker lines, duplicates, lines not understood. */
public record LogStats(long lines, int runs, long probes, long replyLines, long markerLines, long duplicates,
        long unrecognisedLines) {
}
