package org.smarttunnel.ingest.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.smarttunnel.ingest.trace.Probe;

/**
 * A capture written by a test and the probes an exact import must find in it, keyed by
 * {@code requester>target#ident} (the id {@link InMemoryImport} gives).
 */
public record Fixture(String name, Function<Path, Path> writer, Map<String, List<Probe>> expected) {
    public Path write(Path dir) {
        return writer.apply(dir);
    }

    @Override
    public String toString() {
        return name;
    }
}
