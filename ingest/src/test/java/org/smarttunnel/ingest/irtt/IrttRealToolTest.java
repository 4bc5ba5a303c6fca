package org.smarttunnel.ingest.irtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.ingest.ImportOptions;
import org.smarttunnel.ingest.testing.InMemoryImport;
import org.smarttunnel.ingest.trace.Probe;
import org.smarttunnel.ingest.trace.Trace;

/**
 * The real tool: an irtt server and client on the loopback (Debian's {@code irtt} package,
 * which .ci/run installs), the client's JSON imported in all three directions. Skipped where
 * irtt is not installed or cannot run.
 */
class IrttRealToolTest {
    @TempDir
    Path tmp;

    private static boolean installed() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "irtt"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void importsWhatIrttWritesInEveryDirection() throws Exception {
        assumeTrue(installed(), "irtt is not installed (apt-get install irtt)");
        int port;
        try (DatagramSocket s = new DatagramSocket(0)) {
            port = s.getLocalPort();
        }
        Process server = new ProcessBuilder("irtt", "server", "-b", "127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(tmp.resolve("server.log").toFile()).start();
        try {
            Thread.sleep(500);
            assumeTrue(server.isAlive(), "the irtt server did not start");
            Path out = tmp.resolve("run.json.gz");
            Process client = new ProcessBuilder("irtt", "client", "-i", "10ms", "-d", "1s", "-Q", "-o", out.toString(),
                    "127.0.0.1:" + port).redirectErrorStream(true).redirectOutput(tmp.resolve("client.log").toFile())
                    .start();
            assumeTrue(client.waitFor(30, TimeUnit.SECONDS) && client.exitValue() == 0,
                    "the irtt client did not run: " + Files.readString(tmp.resolve("client.log")));
            InMemoryImport r = InMemoryImport.format(new IrttFormat(), out, ImportOptions.builder()
                    .directions(ImportOptions.parseDirections("all")).build());
            assertNull(r.error);
            assertEquals(3, r.traces.size());
            Trace up = r.traces.get(0);
            Trace down = r.traces.get(1);
            Trace both = r.traces.get(2);
            assertTrue(up.size() >= 90 && up.size() <= 101, "about 100 round trips in 1 s at 10 ms: " + up.size());
            assertEquals(up.size(), both.size());
            assertEquals(both.loss().lossCount(), 0, "nothing is lost on the loopback");
            for (int i = 0; i < up.size(); i++) {
                // the two one-way delays make the round trip (wall clocks against monotonic ones: within 1 ms)
                assertTrue(up.owdUs(i) != Probe.NO_OWD && down.owdUs(i) != Probe.NO_OWD, "probe " + i);
                assertTrue(Math.abs(up.owdUs(i) + down.owdUs(i) - both.rttUs(i)) <= 1000,
                        "probe " + i + ": " + up.owdUs(i) + " + " + down.owdUs(i) + " vs " + both.rttUs(i));
                assertTrue(down.sendUs(i) >= up.sendUs(i), "the reply leaves after the request");
            }
            assertEquals(List.of(), r.diagnostics);
        } finally {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
