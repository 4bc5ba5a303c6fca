package org.smarttunnel.ingest.log;

import java.io.IOException;
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

/** The zing per-probe text format: probe number, send time, receive time or a loss mark; one trace per file. */
public final class ZingFormat implements InputFormat {
    @Override
    public String id() {
        return "zing";
    }

    @Override
    public String description() {
        return "zing's per-probe lines: number, send time, receive time or a loss mark; one trace per file";
    }

    @Override
    public boolean sniff(FileHead head) {
        return !head.binary() && ZingParser.looksLikeZing(head.lines());
    }

    @Override
    public FileReport read(InputFile file, ImportOptions options, TraceOpener traces, List<Diagnostic> diagnostics)
            throws IOException, IngestException {
        ZingParser.ZingTrace z = ZingParser.parse(file.path(), file.name(), diagnostics);
        String stem = file.stem();
        String src = z.meta("src");
        String dst = z.meta("dst");
        String host = options.host().orElse(firstNonEmpty(z.meta("host"), src, stem));
        String site = options.site().orElse(firstNonEmpty(z.meta("site"), dst, stem));
        int[] parts = {0};
        z.emit(() -> {
            parts[0]++;
            return traces.open(new TraceInfo(TraceIds.of(host, site, parts[0] == 1 ? "z" : "z" + parts[0]), host, site,
                    src, dst, ""));
        }, options.captureTimeoutNs(), (line, message) -> diagnostics.add(Diagnostic.warningAtLine(file.name(), line,
                message)));
        return new FileReport(file.name(), "zing", "", Map.of("duplicates", z.duplicates()), parts[0], false);
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "unknown";
    }
}
