package org.smarttunnel.cli;

import java.io.PrintWriter;
import org.smarttunnel.eval.Progress;
import org.smarttunnel.eval.experiment.ExperimentOptions;
import picocli.CommandLine.Option;

/** The options evaluate and demo share for running: worker threads and the progress bar. */
final class RunMixin {
    @Option(names = "--threads", paramLabel = "THREADS", description = "Worker threads (default: the number of processors).")
    Integer threads;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    /** These options set on {@code b}: the threads, unless left to the default. */
    ExperimentOptions.Builder apply(ExperimentOptions.Builder b) {
        return threads == null ? b : b.threads(threads);
    }

    /** A bar on a terminal, plain lines otherwise, nothing with --quiet. */
    Progress progress(PrintWriter err) {
        return quiet ? Progress.silent() : new Progress(err, System.console() != null, "tunnels");
    }
}
