package org.smarttunnel.ingest.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The real ping logs in {@code ../shared/realdata}, looked for exactly there from the repository
 * root (the parent of the module a test runs in), never further up. A user's clone does not
 * have them: tests then skip.
 */
public final class RealData {
    private RealData() {
    }

    /** The repository root: Maven runs a module's tests in the module's directory. */
    static Path repositoryRoot() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent();
    }

    public static Optional<Path> pingLogs() {
        Path p = repositoryRoot().resolve("../shared/realdata/ping-logs").normalize();
        return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }

    public static Path requirePingLogs() {
        Optional<Path> p = pingLogs();
        Assumptions.assumeTrue(p.isPresent(), "../shared/realdata is not beside this clone; real-data tests skipped");
        return p.get();
    }
}
