package org.smarttunnel.ingest;

import java.util.Optional;
import org.smarttunnel.common.options.Setting;

/**
 * Bad input: names the file and where in it (byte offset or line) the problem is, so the
 * command line can print it as one line. Parsers throw it; only the command line turns it
 * into a message and an exit status. {@link #remedy()} names the setting that would help, if one would.
 */
public final class IngestException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String where;
    private final String reason;
    private final Setting remedy;

    private IngestException(String file, String where, String reason, Setting remedy) {
        super(file + ": " + where + ": " + reason);
        this.file = file;
        this.where = where;
        this.reason = reason;
        this.remedy = remedy;
    }

    public static IngestException atOffset(String file, long offset, String reason) {
        return new IngestException(file, "offset " + offset, reason, null);
    }

    public static IngestException atLine(String file, long line, String reason) {
        return new IngestException(file, "line " + line, reason, null);
    }

    public static IngestException inFile(String file, String reason) {
        return new IngestException(file, "file", reason, null);
    }

    /** The same problem, pointing at the setting that would solve it. */
    public IngestException withRemedy(Setting setting) {
        return new IngestException(file, where, reason, setting);
    }

    public Optional<Setting> remedy() {
        return Optional.ofNullable(remedy);
    }

    public Diagnostic toDiagnostic() {
        return new Diagnostic(Diagnostic.Severity.ERROR, file, where, reason, remedy());
    }
}
