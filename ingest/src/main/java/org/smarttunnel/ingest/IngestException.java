package org.smarttunnel.ingest;

/**
 * Bad input: names the file and where in it (byte offset or line) the problem is, so the
 * command line can print it as one line. Parsers throw it; only the command line turns it
 * into a message and an exit status.
 */
public final class IngestException extends Exception {
    private final String file;
    private final String where;
    private final String reason;

    private IngestException(String file, String where, String reason) {
        super(file + ": " + where + ": " + reason);
        this.file = file;
        this.where = where;
        this.reason = reason;
    }

    public static IngestException atOffset(String file, long offset, String reason) {
        return new IngestException(file, "offset " + offset, reason);
    }

    public static IngestException atLine(String file, long line, String reason) {
        return new IngestException(file, "line " + line, reason);
    }

    public static IngestException inFile(String file, String reason) {
        return new IngestException(file, "file", reason);
    }

    public Diagnostic toDiagnostic() {
        return new Diagnostic(Diagnostic.Severity.ERROR, file, where, reason);
    }
}
