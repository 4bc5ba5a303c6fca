package org.smarttunnel.ingest.testing;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;
import org.smarttunnel.ingest.capture.Pcap4jLibrary;

/**
 * Tests of the pcap4j reader need libpcap. On a user's machine without it they are skipped;
 * CI sets SMARTTUNNEL_REQUIRE_LIBPCAP=1 (in .ci/run, after installing it) so that they run.
 */
public final class Libpcap {
    private Libpcap() {
    }

    public static void require() {
        if (Pcap4jLibrary.locate().isPresent()) {
            return;
        }
        if (System.getenv("SMARTTUNNEL_REQUIRE_LIBPCAP") != null) {
            fail("libpcap is required (SMARTTUNNEL_REQUIRE_LIBPCAP is set) but cannot be loaded");
        }
        Assumptions.abort("libpcap is not installed; the pcap4j reader cannot be tested here");
    }
}
