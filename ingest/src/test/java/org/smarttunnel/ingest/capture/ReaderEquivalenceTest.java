package org.smarttunnel.ingest.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.smarttunnel.ingest.testing.Fixture;
import org.smarttunnel.ingest.testing.Fixtures;
import org.smarttunnel.ingest.testing.InMemoryImport;
import org.smarttunnel.ingest.testing.Libpcap;
import org.smarttunnel.ingest.testing.ProbeAssert;

/** The fast reader and the pcap4j reference reader give identical traces on every fixture. */
class ReaderEquivalenceTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needsLibpcap() {
        Libpcap.require();
    }

    static Stream<Fixture> fixtures() {
        return Fixtures.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void bothReadersGiveIdenticalTraces(Fixture fixture) throws IOException {
        Path file = fixture.write(Files.createDirectories(Fixtures.dirFor(dir, fixture)));
        InMemoryImport fast = InMemoryImport.capture(file, CaptureReader.FAST, Fixtures.TIMEOUT);
        InMemoryImport reference = InMemoryImport.capture(file, CaptureReader.PCAP4J, Fixtures.TIMEOUT);
        assertNull(reference.error, () -> "pcap4j reader failed: " + reference.error);
        assertEquals(java.util.List.of(), reference.diagnostics, "pcap4j reader diagnostics");
        assertEquals(fixture.expected().size(), reference.traces.size());
        ProbeAssert.assertSameTraces(fast.traces, reference.traces, fixture.name());
        CaptureStats a = fast.ingest.captureStats();
        CaptureStats b = reference.ingest.captureStats();
        assertEquals(a.echoRequests(), b.echoRequests(), "echo requests");
        assertEquals(a.echoReplies(), b.echoReplies(), "echo replies");
        assertEquals(a.frames(), b.frames(), "frames");
    }
}
