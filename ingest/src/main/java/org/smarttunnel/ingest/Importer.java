package org.smarttunnel.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.smarttunnel.common.io.IoErrors;
import org.smarttunnel.ingest.dataset.DatasetWriter;
import org.smarttunnel.ingest.dataset.OpenFiles;
import org.smarttunnel.ingest.dataset.PendingTrace;
import org.smarttunnel.ingest.dataset.TraceFileWriter;
import org.smarttunnel.ingest.format.InputFile;
import org.smarttunnel.ingest.format.InputFormat;
import org.smarttunnel.ingest.format.InputFormats;
import org.smarttunnel.ingest.probe.ProbeSink;
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
        try (DatasetWriter writer = DatasetWriter.open(dir, options.intervalUs(), options.origin())) {
            OpenFiles budget = new OpenFiles(OpenFiles.DEFAULT_CAPACITY);
            for (Path file : files) {
                reports.add(importFile(file, new Traces(writer, budget), pending, diagnostics));
            }
            return new ImportReport(reports, writer.commit(pending), diagnostics);
        } catch (TraceFileWriter.WriteFailure e) {
            throw new IoErrors.Explained("cannot write the dataset " + dir + ": " + IoErrors.reason(e.getCause())
                    + "; it is as it was before this import", e);
        } catch (DatasetWriter.CommitFailure e) {
            throw new IoErrors.Explained("cannot write the dataset " + dir + ": " + IoErrors.reason((IOException) e
                    .getCause()) + (e.planned() ? "; the import is committed and the next command that opens the dataset puts "
                            + "its last files in place" : "; it is as it was before this import"), e);
        }
    }

    private FileReport importFile(Path file, Traces traces, List<PendingTrace> pending,
            List<Diagnostic> diagnostics) throws IOException {
        String name = file.toString();
        String format = options.format().map(InputFormat::id).orElse(InputFormats.AUTO);
        try {
            InputFormat f = options.format().isPresent() ? options.format().get() : InputFormats.detect(file, name);
            format = f.id();
            return f.read(new InputFile(file, name), options, traces::open, diagnostics);
        } catch (TraceFileWriter.WriteFailure e) {
            throw e;
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
        return FileReport.failed(name, format, traces.count());
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

        ProbeSink open(TraceInfo info) {
            TraceFileWriter sink = TraceFileWriter.of(options.traceFormat(), writer.stagingFile(options.traceFormat()),
                    options.intervalUs(), budget);
            infos.add(info);
            sinks.add(sink);
            return sink;
        }

        int count() {
            return sinks.size();
        }

        /** Closes every trace; says how many estimated send times had to be raised to keep send order. */
        List<PendingTrace> finish(String name, List<Diagnostic> diagnostics) {
            List<PendingTrace> out = new ArrayList<>();
            for (int i = 0; i < sinks.size(); i++) {
                TraceFileWriter sink = sinks.get(i);
                sink.close();
                TraceInfo info = infos.get(i);
                long raised = sink.stats().raisedSendTimes();
                if (raised > 0) {
                    String what = info.host() + " -> " + info.site() + ": " + raised + " send time"
                            + (raised == 1 ? "" : "s") + " raised to the one before to keep send order";
                    String where = sink.stats().firstRaisedWhere();
                    diagnostics.add(where.isEmpty() ? Diagnostic.warning(name, what) : new Diagnostic(
                            Diagnostic.Severity.WARNING, name, where, what + (raised == 1 ? "" : ", the first here")));
                }
                out.add(new PendingTrace(info, sink.file(), sink.stats()));
            }
            return out;
        }
    }
}
