package org.smarttunnel.ingest;

import java.util.Optional;
import org.smarttunnel.ingest.capture.CaptureStats;
import org.smarttunnel.ingest.log.LogStats;
import org.smarttunnel.ingest.probe.MatchStats;

/**
 * How one input file went: its format, the traces it gave, the statistics of the reader that
 * read it, and whether it failed (its error is among the import's diagnostics; traces read
 * before the failure are kept).
 */
public record FileReport(String file, String format, int traces, boolean failed, Optional<CaptureStats> capture,
        Optional<MatchStats> match, Optional<LogStats> log) {

    /** One line for the terminal. */
    public String describe() {
        StringBuilder sb = new StringBuilder(file).append(": ").append(format);
        capture.ifPresent(c -> sb.append(", ").append(c.frames()).append(" frames (")
                .append(c.echoRequests()).append(" echo requests, ").append(c.echoReplies()).append(" replies, ")
                .append(c.other()).append(" other packets ignored")
                .append(c.tooShort() > 0 ? ", " + c.tooShort() + " cut short" : "")
                .append(c.skipped() > 0 ? ", " + c.skipped() + " skipped" : "").append(')'));
        match.ifPresent(m -> {
            long dup = m.duplicateRequests() + m.duplicateReplies();
            if (dup > 0) {
                sb.append(", ").append(dup).append(" duplicates");
            }
            if (m.lateReplies() > 0) {
                sb.append(", ").append(m.lateReplies()).append(" late replies");
            }
            if (m.restarts() > 0) {
                sb.append(", ").append(m.restarts()).append(" restarts");
            }
        });
        log.ifPresent(l -> sb.append(", ").append(l.lines()).append(" lines, ").append(l.runs()).append(" runs")
                .append(l.duplicates() > 0 ? ", " + l.duplicates() + " duplicate replies" : "")
                .append(l.unrecognisedLines() > 0 ? ", " + l.unrecognisedLines() + " lines not understood" : ""));
        sb.append("; ").append(traces).append(traces == 1 ? " trace" : " traces");
        if (failed) {
            sb.append(" (failed, see error)");
        }
        return sb.toString();
    }
}
