package org.smarttunnel.ingest;

import java.util.List;
import org.smarttunnel.ingest.dataset.CommitResult;

/** The outcome of one import: per-file reports, what the dataset gained, warnings and errors. */
public record ImportReport(List<FileReport> files, CommitResult commit, List<Diagnostic> diagnostics) {
    public ImportReport {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }
}
