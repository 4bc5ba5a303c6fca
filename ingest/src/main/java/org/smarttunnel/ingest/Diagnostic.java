package org.smarttunnel.ingest;

import java.util.Optional;
import java.util.function.Function;
import org.smarttunnel.common.options.Setting;

/**
 * A warning or error about one input, located by byte offset or line; {@code remedy} names the
 * setting that would change the outcome (the command line names its flag).
 */
public record Diagnostic(Severity severity, String file, String where, String message, Optional<Setting> remedy) {

    public enum Severity { WARNING, ERROR }

    public Diagnostic(Severity severity, String file, String where, String message) {
        this(severity, file, where, message, Optional.empty());
    }

    public static Diagnostic warningAtOffset(String file, long offset, String message) {
        return new Diagnostic(Severity.WARNING, file, "offset " + offset, message);
    }

    public static Diagnostic warningAtLine(String file, long line, String message) {
        return new Diagnostic(Severity.WARNING, file, "line " + line, message);
    }

    public static Diagnostic warning(String file, String message) {
        return new Diagnostic(Severity.WARNING, file, "file", message);
    }

    /** The same, pointing at the setting that would change it. */
    public Diagnostic withRemedy(Setting setting) {
        return new Diagnostic(severity, file, where, message, Optional.of(setting));
    }

    /** One line, e.g. {@code warning: a.pcap: offset 4096: truncated record}, the remedy named by {@code name}. */
    public String line(Function<Setting, String> name) {
        String level = severity == Severity.ERROR ? "error" : "warning";
        return level + ": " + file + ": " + where + ": " + message
                + remedy.map(s -> "; set the " + s.words() + " with " + name.apply(s)).orElse("");
    }

    /** One line, the remedy named in words. */
    @Override
    public String toString() {
        return line(s -> "its setting");
    }
}
