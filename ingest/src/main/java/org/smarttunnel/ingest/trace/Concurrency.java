package org.smarttunnel.ingest.trace;

import java.util.List;

/**
 * When traces were measured together: two traces are concurrent when their send-time ranges
 * overlap by at least one interval length. For ranges on a line, every pair of a set overlaps by
 * at least L exactly when the latest first send and the earliest last send are at least L apart,
 * so a whole tunnel is checked in one pass.
 */
public final class Concurrency {
    /** A trace's send-time range, first and last send in µs. */
    public record Span(String trace, long firstUs, long lastUs) {
        public static Span of(Trace t) {
            return new Span(t.id(), t.size() == 0 ? 0 : t.sendUs(0), t.size() == 0 ? -1 : t.sendUs(t.size() - 1));
        }
    }

    private Concurrency() {
    }

    /** How long two ranges overlap, negative when they do not. */
    public static long overlapUs(Span a, Span b) {
        return Math.min(a.lastUs(), b.lastUs()) - Math.max(a.firstUs(), b.firstUs());
    }

    public static boolean concurrent(Span a, Span b, long intervalUs) {
        return overlapUs(a, b) >= intervalUs;
    }

    /** Whether every pair of the spans overlaps by at least one interval. */
    public static boolean pairwise(List<Span> spans, long intervalUs) {
        long latestFirst = Long.MIN_VALUE;
        long earliestLast = Long.MAX_VALUE;
        for (Span s : spans) {
            latestFirst = Math.max(latestFirst, s.firstUs());
            earliestLast = Math.min(earliestLast, s.lastUs());
        }
        return spans.size() < 2 || earliestLast - latestFirst >= intervalUs;
    }

    /** The latest first send: where time-aligned intervals start. */
    public static long origin(List<Span> spans) {
        return spans.stream().mapToLong(Span::firstUs).max().orElse(0);
    }
}
