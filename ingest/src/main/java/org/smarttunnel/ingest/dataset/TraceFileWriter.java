package org.smarttunnel.ingest.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.smarttunnel.ingest.probe.RecordingSink;

/**
 * Streams one trace to its file in the dataset's trace format. Writers that hold their file
 * open count against a budget ({@link OpenFiles}): a parked writer closes its stream and
 * re-opens it in append mode when more probes arrive.
 */
public abstract class TraceFileWriter extends RecordingSink implements AutoCloseable {
    /**
     * Writing a trace into the dataset's staging failed (a full disk, say): not a problem of
     * the input being read, and the end of the whole import.
     */
    public static final class WriteFailure extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        public WriteFailure(Path file, IOException cause) {
            super("writing " + file, cause);
        }
    }

    private final Path file;
    private final OpenFiles budget;
    private OutputStream out;
    private boolean started;
    private boolean closed;

    protected TraceFileWriter(Path file, long intervalUs, OpenFiles budget) {
        super(intervalUs);
        this.file = file;
        this.budget = budget;
        try {
            ensureOpen();
        } catch (IOException e) {
            throw new WriteFailure(file, e);
        }
    }

    /** A writer of the given format. */
    public static TraceFileWriter of(TraceFormat format, Path file, long intervalUs, OpenFiles budget) {
        return format == TraceFormat.COMPACT ? new CompactTraceWriter(file, intervalUs, budget)
                : new TraceCsvWriter(file, intervalUs, budget);
    }

    public final Path file() {
        return file;
    }

    /** Opens the file: created on the first call, appended to afterwards. */
    protected abstract OutputStream openStream(Path file, boolean append) throws IOException;

    /** Whether the stream holds the file open (and so counts against the open-file budget). */
    protected boolean holdsFile() {
        return true;
    }

    /** What the file starts with, written once. */
    protected abstract byte[] header();

    /** The stream to write the next record to, re-opened if the writer was parked. */
    protected final OutputStream stream() {
        try {
            ensureOpen();
            return out;
        } catch (IOException e) {
            throw new WriteFailure(file, e);
        }
    }

    /** A failed write of this trace. */
    protected final WriteFailure failure(IOException e) {
        return new WriteFailure(file, e);
    }

    private void ensureOpen() throws IOException {
        if (out == null) {
            out = openStream(file, started);
            if (!started) {
                started = true;
                out.write(header());
            }
            if (holdsFile()) {
                budget.opened(this);
            }
        }
    }

    /** Closes the file for now (the open-file budget is spent); the next record re-opens it. */
    final void park() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new WriteFailure(file, e);
            } finally {
                out = null;
            }
        }
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            park();
            budget.closed(this);
        }
    }
}
