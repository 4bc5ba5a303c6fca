package org.smarttunnel.ingest.trace;

/**
 * What a trace is: one run of one path. {@code src}/{@code dst} are the prober's and the
 * target's addresses ({@code src} is empty for ping logs, which do not show it); {@code ident}
 * is the ICMP echo identifier, empty when the input does not carry it.
 */
public record TraceInfo(String id, String host, String site, String src, String dst, String ident) {
    public TraceInfo {
        requireText(id, "id");
        requireText(host, "host");
        requireText(site, "site");
        if (src == null || dst == null || ident == null) {
            throw new IllegalArgumentException("src, dst and ident may be empty but not null");
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("trace " + name + " must not be empty");
        }
    }

    public TraceInfo withId(String newId) {
        return new TraceInfo(newId, host, site, src, dst, ident);
    }
}
