package org.smarttunnel.ingest.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.smarttunnel.ingest.Diagnostic;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.capture.CaptureIngest;
import org.smarttunnel.ingest.capture.CaptureReader;
import org.smarttunnel.ingest.probe.TraceCollector;
import org.smarttunnel.ingest.trace.Probe;
import org.smarttunnel.ingest.trace.Trace;
import org.smarttunnel.ingest.trace.TraceInfo;

/** Reads a capture into traces in memory, keeping the diagnostics and any error. */
public final class InMemoryImport {
    public final List<Trace> traces = new ArrayList<>();
    public final List<Diagnostic> diagnostics = new ArrayList<>();
    public IngestException error;
    public CaptureIngest ingest;

    public static InMemoryImport capture(Path file, CaptureReader reader, long timeoutNs) {
        InMemoryImport result = new InMemoryImport();
        List<TraceCollector> collectors = new ArrayList<>();
        List<TraceInfo> infos = new ArrayList<>();
        result.ingest = new CaptureIngest(reader, timeoutNs, (key, part) -> {
            TraceCollector c = new TraceCollector(40_000_000L);
            collectors.add(c);
            String id = key.requester() + ">" + key.target() + "#" + key.ident() + (part > 0 ? "/" + part : "");
            infos.add(new TraceInfo(id, key.requester().toString(), key.target().toString(),
                    key.requester().toString(), key.target().toString(), String.valueOf(key.ident())));
            return c;
        });
        try {
            result.ingest.read(file, file.getFileName().toString(), result.diagnostics);
        } catch (IngestException e) {
            result.error = e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < collectors.size(); i++) {
            result.traces.add(collectors.get(i).toTrace(infos.get(i)));
        }
        return result;
    }

    /** Reads any file with {@code format} into traces in memory. */
    public static InMemoryImport format(org.smarttunnel.ingest.format.InputFormat format, Path file,
            org.smarttunnel.ingest.ImportOptions options) {
        InMemoryImport result = new InMemoryImport();
        List<TraceCollector> collectors = new ArrayList<>();
        List<TraceInfo> infos = new ArrayList<>();
        try {
            format.read(new org.smarttunnel.ingest.format.InputFile(file, file.getFileName().toString()), options,
                    info -> {
                        TraceCollector c = new TraceCollector(options.intervalUs());
                        collectors.add(c);
                        infos.add(info);
                        return c;
                    }, result.diagnostics);
        } catch (IngestException e) {
            result.error = e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < collectors.size(); i++) {
            result.traces.add(collectors.get(i).toTrace(infos.get(i)));
        }
        return result;
    }

    public static List<Probe> probes(Trace t) {
        List<Probe> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(t.probe(i));
        }
        return out;
    }
}
