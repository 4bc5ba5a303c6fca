package org.smarttunnel.ingest;

/** A warning or error about one input, located by byte offset or line. */
public record Diagnostic(Severity severity, String file, String where, String message) {

    public enum Severity { WARNING, ERROR }

    public static Diagnostic warningAtOffset(String file, long offset, String message) {
        return new Diagnostic(Severity.WARNING, file, "offset " + offset, message);
    }

    public static Diagnostic warningAtLine(String file, long line, String message) {
        return new Diagnostic(Severity.WARNING, file, "line " + line, message);
    }

    public static Diagnostic warning(String file, String message) {
        return new Diagnostic(Severity.WARNING, file, "file", message);
    }

    /** One line, e.g. {@code warning: a.pcap: offset 4096: truncated record}. */
    @Override
    public String toString() {
        String level = severity == Severity.ERROR ? "error" : "warning";
        return level + ": " + file + ": " + where + ": " + message;
    }
}
