package org.smarttunnel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where a benchmark works and how its timed JVMs start: the options the timing benchmarks share. */
final class BenchMixin {
    @Option(names = "--work", paramLabel = "DIR",
            description = "Where generated data and outputs go; kept (default: a temporary directory, removed after).")
    Path work;

    @Option(names = "--jvm", split = " ", paramLabel = "OPTS",
            description = "Extra JVM options for the timed JVMs, e.g. --jvm=-Xmx512m.")
    List<String> jvm = new ArrayList<>();

    /** The work directory, created (a temporary one without --work). */
    Path directory() throws IOException {
        return work == null ? Files.createTempDirectory("smarttunnel-bench-") : Files.createDirectories(work);
    }

    boolean temporary() {
        return work == null;
    }
}
