package org.smarttunnel.ingest;

import java.nio.file.Path;

/** Readable trace ids: host, site and run, reduced to characters safe in file names. */
public final class TraceIds {
    private TraceIds() {
    }

    public static String of(String host, String site, String run) {
        return clean(host) + "_" + clean(site) + "_" + clean(run);
    }

    public static String clean(String s) {
        String c = s.replaceAll("[^A-Za-z0-9.-]+", "-").replaceAll("^-+|-+$", "");
        if (c.isEmpty()) {
            c = "x";
        }
        return c.length() > 60 ? c.substring(0, 60) : c;
    }

    /** A file's name without directory and without .gz/.txt/.log/.zing/.pcap/.pcapng/.json. */
    public static String stem(Path file) {
        String n = file.getFileName().toString();
        n = n.replaceAll("(?i)\\.gz$", "");
        return n.replaceAll("(?i)\\.(txt|log|zing|pcap|pcapng|cap|out|json)$", "");
    }
}
