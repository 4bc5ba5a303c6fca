package org.smarttunnel.ingest.log;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smarttunnel.ingest.Diagnostic;
import org.smarttunnel.ingest.FileReport;
import org.smarttunnel.ingest.ImportOptions;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.TraceIds;
import org.smarttunnel.ingest.format.FileHead;
import org.smarttunnel.ingest.format.InputFile;
import org.smarttunnel.ingest.format.InputFormat;
import org.smarttunnel.ingest.format.TraceOpener;
import org.smarttunnel.ingest.trace.TraceInfo;

/** Text output of iputils and macOS/BSD ping, with or without time stamps: one trace per run. */
public final class PingLogFormat implements InputFormat {
    @Override
    public String id() {
        return "pinglog";
    }

    @Override
    public String description() {
        return "ping's text output (iputils, macOS/BSD; -D, ts stamps, several runs per file)";
    }

    @Override
    public boolean sniff(FileHead head) {
        return !head.binary() && PingLogParser.looksLikePing(head.lines());
    }

    @Override
    public FileReport read(InputFile file, ImportOptions options, TraceOpener traces, List<Diagnostic> diagnostics)
            throws IOException, IngestException {
        LogOptions logOptions = new LogOptions(options.spacingNs(), options.logTimeoutNs(), options.zone());
        String stem = file.stem();
        int[] opened = {0};
        LogStats stats = new PingLogParser(logOptions).parse(file.path(), file.name(), (run, target, address) -> {
            opened[0]++;
            String host = options.host().orElse(stem);
            String site = options.site().orElse(target);
            return traces.open(new TraceInfo(TraceIds.of(host, site, "r" + run), host, site, "", address, ""));
        }, diagnostics);
        if (opened[0] == 0) {
            throw IngestException.inFile(file.name(), "no ping run with a reply or an unanswered probe in its "
                    + stats.lines() + " lines: nothing to import");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("lines", stats.lines());
        counts.put("runs", (long) stats.runs());
        counts.put("duplicate replies", stats.duplicates());
        counts.put("lines not understood", stats.unrecognisedLines());
        String summary = stats.lines() + " lines, " + stats.runs() + " runs"
                + (stats.duplicates() > 0 ? ", " + stats.duplicates() + " duplicate replies" : "")
                + (stats.unrecognisedLines() > 0 ? ", " + stats.unrecognisedLines() + " lines not understood" : "");
        return new FileReport(file.name(), "ping log", summary, counts, opened[0], false);
    }
}
