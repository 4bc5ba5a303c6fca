package org.smarttunnel.ingest.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.smarttunnel.ingest.testing.Fixture;
import org.smarttunnel.ingest.testing.Fixtures;
import org.smarttunnel.ingest.testing.InMemoryImport;
import org.smarttunnel.ingest.testing.ProbeAssert;
import org.smarttunnel.ingest.trace.Probe;

/** The fast reader on every capture fixture, probe by probe against what the fixture holds. */
class CaptureFormatsTest {
    @TempDir
    Path dir;

    static Stream<Fixture> fixtures() {
        return Stream.concat(Fixtures.all().stream(), Fixtures.fastOnly().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fastReaderFindsExactlyTheProbesOfTheFixture(Fixture fixture) throws IOException {
        Path root = Files.createDirectories(Fixtures.dirFor(dir, fixture));
        InMemoryImport r = InMemoryImport.capture(fixture.write(root), CaptureReader.FAST, Fixtures.TIMEOUT);
        assertNull(r.error, () -> "unexpected error " + r.error);
        assertTrue(r.diagnostics.isEmpty(), () -> "unexpected diagnostics " + r.diagnostics);
        Map<String, List<Probe>> found = Fixtures.byKey(r.traces);
        assertEquals(fixture.expected().keySet(), found.keySet());
        for (var e : fixture.expected().entrySet()) {
            ProbeAssert.assertProbes(e.getValue(), found.get(e.getKey()), fixture.name() + " " + e.getKey());
        }
    }
}
