package org.smarttunnel.cli;

import java.io.PrintWriter;
import org.smarttunnel.eval.Progress;
import picocli.CommandLine.Option;

/** The options evaluate and demo share for running: worker threads and the progress bar. */
final class RunOptions {
    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: the number of processors).")
    Integer threads;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    int threads() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** A bar on a terminal, plain lines otherwise, nothing with --quiet. */
    Progress progress(PrintWriter err) {
        return quiet ? Progress.silent() : new Progress(err, System.console() != null, "tunnels");
    }
}
