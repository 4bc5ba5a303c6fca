package org.smarttunnel.ingest.format;

import java.io.IOException;
import java.util.List;
import org.smarttunnel.ingest.Diagnostic;
import org.smarttunnel.ingest.FileReport;
import org.smarttunnel.ingest.ImportOptions;
import org.smarttunnel.ingest.IngestException;

/**
 * A measurement format {@code import} reads, listed in {@link InputFormats}. It recognises its
 * files by their first bytes, and reads a file into probe runs, each opened as a trace through
 * {@link TraceOpener} and streamed probe by probe. Damage is an {@link IngestException} naming
 * the file and the byte offset or line; whatever was read before it is kept.
 */
public interface InputFormat {
    /** Short name used on the command line. */
    String id();

    /** One line for the format list. */
    String description();

    /** Whether a file starting this way is in this format. */
    boolean sniff(FileHead head);

    /** Reads the whole file; the report says what it held. */
    FileReport read(InputFile file, ImportOptions options, TraceOpener traces, List<Diagnostic> diagnostics)
            throws IOException, IngestException;
}
