package org.smarttunnel.ingest.trace;

/**
 * What a trace is: one run of one path. {@code src}/{@code dst} are the prober's and the
 * target's addresses ({@code src} is empty for ping logs, which do not show it); {@code ident}
 * is the ICMP echo identifier, empty when the input does not carry it; {@code direction} says
 * whether the probes' losses and delays are of the round trip or of one way.
 */
public record TraceInfo(String id, String host, String site, String src, String dst, String ident,
        Direction direction) {
    public TraceInfo {
        requireText(id, "id");
        requireText(host, "host");
        requireText(site, "site");
        if (src == null || dst == null || ident == null || direction == null) {
            throw new IllegalArgumentException("src, dst and ident may be empty but not null, direction is needed");
        }
    }

    /** A round-trip trace (echo and reply), as ping and captures measure. */
    public TraceInfo(String id, String host, String site, String src, String dst, String ident) {
        this(id, host, site, src, dst, ident, Direction.ROUND_TRIP);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("trace " + name + " must not be empty");
        }
    }

    public TraceInfo withId(String newId) {
        return new TraceInfo(newId, host, site, src, dst, ident, direction);
    }
}
