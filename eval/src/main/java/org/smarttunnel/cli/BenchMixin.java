package org.smarttunnel.cli;

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

    /** Work done in a benchmark's directory. */
    interface InDirectory {
        void run(Path dir) throws Exception;
    }

    /** Runs {@code body} in the work directory: {@code work}, created, or a temporary one removed after. */
    static void inWork(Path work, InDirectory body) throws Exception {
        Path dir = work == null ? Files.createTempDirectory("smarttunnel-bench-") : Files.createDirectories(work);
        try {
            body.run(dir);
        } finally {
            if (work == null) {
                org.smarttunnel.common.io.FileTrees.delete(dir);
            }
        }
    }

    /** {@link #inWork} in this benchmark's --work. */
    void inWork(InDirectory body) throws Exception {
        inWork(work, body);
    }
}
