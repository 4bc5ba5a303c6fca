package org.smarttunnel.ingest.log;

import java.util.List;
import org.smarttunnel.ingest.Diagnostic;

/**
 * The lines of one log skipped for a field they cannot take: the first {@value #TOLD} are
 * warned about line by line, the rest counted in one warning at the first of them.
 */
final class SkippedLines {
    static final int TOLD = 20;

    private final String name;
    private final List<Diagnostic> diagnostics;
    private long count;
    private long firstUntold;

    SkippedLines(String name, List<Diagnostic> diagnostics) {
        this.name = name;
        this.diagnostics = diagnostics;
    }

    /** Line {@code line} is skipped for {@code e}. */
    void skip(long line, BadField e) {
        if (count < TOLD) {
            diagnostics.add(Diagnostic.warningAtLine(name, line, e.getMessage() + "; line skipped"));
        } else if (count == TOLD) {
            firstUntold = line;
        }
        count++;
    }

    /** The warning for the lines not told one by one, if any. */
    void finish() {
        if (count > TOLD) {
            diagnostics.add(Diagnostic.warningAtLine(name, firstUntold, (count - TOLD) + " more lines with a field "
                    + "out of range skipped, the first here"));
        }
    }
}
