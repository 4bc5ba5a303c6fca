package org.smarttunnel.ingest.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smarttunnel.ingest.Diagnostic;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.probe.TraceCollector;
import org.smarttunnel.ingest.trace.Trace;
import org.smarttunnel.ingest.trace.TraceInfo;

/** Parses a log into in-memory traces (id = run number, site = target, dst = address). */
final class LogHarness {
    final List<Trace> traces = new ArrayList<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    LogStats stats;

    static LogHarness parse(Path file, long spacingNs, long timeoutNs, Optional<ZoneId> zone) throws IngestException {
        LogHarness h = new LogHarness();
        List<TraceCollector> collectors = new ArrayList<>();
        List<TraceInfo> infos = new ArrayList<>();
        try {
            h.stats = new PingLogParser(new LogOptions(spacingNs, timeoutNs, zone)).parse(file,
                    file.getFileName().toString(), (run, target, address) -> {
                        TraceCollector c = new TraceCollector(40_000_000L);
                        collectors.add(c);
                        infos.add(new TraceInfo("r" + run, "local", target, "", address, ""));
                        return c;
                    }, h.diagnostics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < collectors.size(); i++) {
            h.traces.add(collectors.get(i).toTrace(infos.get(i)));
        }
        return h;
    }

    static LogHarness parse(Path dir, String text, long spacingNs, long timeoutNs) throws IngestException {
        try {
            Path f = Files.writeString(dir.resolve("ping.log"), text, StandardCharsets.UTF_8);
            return parse(f, spacingNs, timeoutNs, Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
