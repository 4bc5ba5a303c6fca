package org.smarttunnel.ingest.log;

import java.util.List;
import org.smarttunnel.ingest.Diagnostic;

/**
 * The lines (or records) of one input skipped for a field they cannot take: the first
 * {@value #TOLD} are warned about line by line, the rest counted in one warning at the first
 * of them.
 */
public final class SkippedLines {
    static final int TOLD = 20;

    private final String name;
    private final List<Diagnostic> diagnostics;
    private final String skipped;
    private final String more;
    private long count;
    private long firstUntold;

    SkippedLines(String name, List<Diagnostic> diagnostics) {
        this(name, diagnostics, "line skipped", "lines with a field out of range skipped");
    }

    /**
     * {@code skipped} ends each warning ("line skipped"), {@code more} says what the count of
     * the rest is ("lines with a field out of range skipped").
     */
    public SkippedLines(String name, List<Diagnostic> diagnostics, String skipped, String more) {
        this.name = name;
        this.diagnostics = diagnostics;
        this.skipped = skipped;
        this.more = more;
    }

    /** Line {@code line} is skipped for {@code e}. */
    void skip(long line, BadField e) {
        skip(line, e.getMessage());
    }

    /** Line {@code line} is skipped because of {@code reason}. */
    public void skip(long line, String reason) {
        if (count < TOLD) {
            diagnostics.add(Diagnostic.warningAtLine(name, line, reason + "; " + skipped));
        } else if (count == TOLD) {
            firstUntold = line;
        }
        count++;
    }

    public long count() {
        return count;
    }

    /** The warning for the lines not told one by one, if any. */
    public void finish() {
        if (count > TOLD) {
            diagnostics.add(Diagnostic.warningAtLine(name, firstUntold, (count - TOLD) + " more " + more
                    + ", the first here"));
        }
    }
}
