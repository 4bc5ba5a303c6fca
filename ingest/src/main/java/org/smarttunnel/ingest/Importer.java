package org.smarttunnel.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smarttunnel.ingest.capture.CaptureIngest;
import org.smarttunnel.ingest.capture.CaptureReader;
import org.smarttunnel.ingest.dataset.DatasetWriter;
import org.smarttunnel.ingest.dataset.OpenFiles;
import org.smarttunnel.ingest.dataset.PendingTrace;
import org.smarttunnel.ingest.dataset.TraceFileWriter;
import org.smarttunnel.ingest.log.LogOptions;
import org.smarttunnel.ingest.log.LogStats;
import org.smarttunnel.ingest.log.PingLogParser;
import org.smarttunnel.ingest.log.ZingParser;
import org.smarttunnel.ingest.probe.RunKey;
import org.smarttunnel.ingest.trace.TraceInfo;

/**
 * Imports captures and logs into a trace dataset. Each file is read on its own: a bad file
 * yields an error naming it and where, keeps the traces read before the damage, and does not
 * stop the other files. The dataset changes only at the end, all at once.
 */
public final class Importer {
    private final ImportOptions options;

    public Importer(ImportOptions options) {
        this.options = options;
    }

    public ImportReport importFiles(List<Path> files, Path dir) throws IOException, IngestException {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<FileReport> reports = new ArrayList<>();
        List<PendingTrace> pending = new ArrayList<>();
        try (DatasetWriter writer = DatasetWriter.open(dir, options.intervalUs())) {
            OpenFiles budget = new OpenFiles(OpenFiles.DEFAULT_CAPACITY);
            for (Path file : files) {
                reports.add(importFile(file, new Traces(writer, budget), pending, diagnostics));
            }
            return new ImportReport(reports, writer.commit(pending), diagnostics);
        }
    }

    private FileReport importFile(Path file, Traces traces, List<PendingTrace> pending,
            List<Diagnostic> diagnostics) throws IOException {
        String name = file.toString();
        String format = options.format().id();
        try {
            InputFormat f = options.format() == InputFormat.AUTO ? InputFormat.detect(file, name) : options.format();
            format = f.id();
            return switch (f) {
                case PCAP -> capture(file, name, traces, diagnostics);
                case PINGLOG -> log(file, name, traces, diagnostics);
                case ZING -> zing(file, name, traces, diagnostics);
                case AUTO -> throw new IllegalStateException("format not detected");
            };
        } catch (IngestException e) {
            diagnostics.add(e.toDiagnostic());
        } catch (NoSuchFileException e) {
            diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, name, "file", "no such file"));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (IOException e) {
            diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, name, "file", "cannot read: " + e.getMessage()));
        } catch (IllegalStateException e) {
            diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, name, "file", e.getMessage()));
        } finally {
            pending.addAll(traces.finish(name, diagnostics));
        }
        return new FileReport(name, format, traces.count(), true, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private FileReport capture(Path file, String name, Traces traces, List<Diagnostic> diagnostics)
            throws IOException, IngestException {
        CaptureIngest ingest = new CaptureIngest(options.reader(), options.captureTimeoutNs(),
                (key, part) -> traces.open(captureInfo(key, part)));
        boolean failed = false;
        try {
            ingest.read(file, name, diagnostics);
        } catch (IngestException e) {
            diagnostics.add(e.toDiagnostic());
            failed = true;
        }
        String reader = options.reader() == CaptureReader.FAST ? "fast reader" : "pcap4j reader";
        return new FileReport(name, ingest.container() + ", " + reader, traces.count(), failed,
                Optional.of(ingest.captureStats()), Optional.of(ingest.matchStats()), Optional.empty());
    }

    private TraceInfo captureInfo(RunKey key, int part) {
        String src = key.requester().toString();
        String dst = key.target().toString();
        String host = options.host().orElse(src);
        String site = options.site().orElse(dst);
        String id = TraceIds.of(host, site, String.valueOf(key.ident())) + (part > 0 ? "-run" + (part + 1) : "");
        return new TraceInfo(id, host, site, src, dst, String.valueOf(key.ident()));
    }

    private FileReport log(Path file, String name, Traces traces, List<Diagnostic> diagnostics)
            throws IOException, IngestException {
        LogOptions logOptions = new LogOptions(options.spacingNs(), options.logTimeoutNs(), options.zone());
        String stem = TraceIds.stem(file);
        LogStats stats = new PingLogParser(logOptions).parse(file, name, (run, target, address) -> {
            String host = options.host().orElse(stem);
            String site = options.site().orElse(target);
            return traces.open(new TraceInfo(TraceIds.of(host, site, "r" + run), host, site, "", address, ""));
        }, diagnostics);
        return new FileReport(name, "ping log", traces.count(), false, Optional.empty(), Optional.empty(),
                Optional.of(stats));
    }

    private FileReport zing(Path file, String name, Traces traces, List<Diagnostic> diagnostics)
            throws IOException, IngestException {
        ZingParser.ZingTrace z = ZingParser.parse(file, name, diagnostics);
        String stem = TraceIds.stem(file);
        String src = z.meta("src");
        String dst = z.meta("dst");
        String host = options.host().orElse(firstNonEmpty(z.meta("host"), src, stem));
        String site = options.site().orElse(firstNonEmpty(z.meta("site"), dst, stem));
        z.emit(traces.open(new TraceInfo(TraceIds.of(host, site, "z"), host, site, src, dst, "")),
                options.captureTimeoutNs());
        return new FileReport(name, "zing", traces.count(), false, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "unknown";
    }

    /** The traces one file opens, each streaming to its own staging file. */
    private final class Traces {
        private final DatasetWriter writer;
        private final OpenFiles budget;
        private final List<TraceInfo> infos = new ArrayList<>();
        private final List<TraceFileWriter> sinks = new ArrayList<>();

        Traces(DatasetWriter writer, OpenFiles budget) {
            this.writer = writer;
            this.budget = budget;
        }

        TraceFileWriter open(TraceInfo info) {
            try {
                TraceFileWriter sink = TraceFileWriter.of(options.traceFormat(),
                        writer.stagingFile(options.traceFormat()), options.intervalUs(), budget);
                infos.add(info);
                sinks.add(sink);
                return sink;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int count() {
            return sinks.size();
        }

        /** Closes every trace; says how many estimated send times had to be raised to keep send order. */
        List<PendingTrace> finish(String name, List<Diagnostic> diagnostics) throws IOException {
            List<PendingTrace> out = new ArrayList<>();
            for (int i = 0; i < sinks.size(); i++) {
                TraceFileWriter sink = sinks.get(i);
                sink.close();
                TraceInfo info = infos.get(i);
                long raised = sink.stats().raisedSendTimes();
                if (raised > 0) {
                    diagnostics.add(Diagnostic.warning(name, info.host() + " -> " + info.site() + ": " + raised
                            + " send times raised to their predecessor's to keep send order"));
                }
                out.add(new PendingTrace(info, sink.file(), sink.stats()));
            }
            return out;
        }
    }
}
