package org.smarttunnel.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line in a JVM of its own, for tests that kill it or run two at once. */
final class ChildCli {
    private ChildCli() {
    }

    /** Starts the command; stdout discarded, stderr to {@code err}. */
    static Process start(List<String> args, Path err) throws java.io.IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
    }
}
