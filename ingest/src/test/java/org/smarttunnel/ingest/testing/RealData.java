package org.smarttunnel.ingest.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The real ping logs in {@code ../shared/realdata} beside the repository (or where
 * SMARTTUNNEL_REALDATA points). A user's clone does not have them: tests then skip.
 */
public final class RealData {
    private RealData() {
    }

    public static Optional<Path> pingLogs() {
        String env = System.getenv("SMARTTUNNEL_REALDATA");
        if (env != null) {
            Path p = Path.of(env).resolve("ping-logs");
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("shared/realdata/ping-logs");
            if (Files.isDirectory(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public static Path requirePingLogs() {
        Optional<Path> p = pingLogs();
        Assumptions.assumeTrue(p.isPresent(), "../shared/realdata is not beside this clone; real-data tests skipped");
        return p.get();
    }
}
