package org.smarttunnel.eval;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import org.smarttunnel.ingest.IngestException;

/** Unwraps what a task run on another thread failed with, so that callers see the original failure. */
public final class Failures {
    private Failures() {
    }

    /** Rethrows the cause of {@code e} as itself: bad input, I/O, unchecked; anything else wrapped. */
    public static RuntimeException rethrow(ExecutionException e) throws IOException, IngestException {
        Throwable cause = e.getCause();
        if (cause instanceof IngestException ie) {
            throw ie;
        }
        if (cause instanceof IOException io) {
            throw io;
        }
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        if (cause instanceof Error er) {
            throw er;
        }
        throw new IllegalStateException(cause);
    }
}
