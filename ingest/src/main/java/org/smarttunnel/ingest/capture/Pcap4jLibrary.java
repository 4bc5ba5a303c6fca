package org.smarttunnel.ingest.capture;

import com.sun.jna.NativeLibrary;
import java.util.List;
import java.util.Optional;

/**
 * Points pcap4j at the system's libpcap. pcap4j asks for "pcap", which only a development
 * package provides as {@code libpcap.so}; Debian's runtime package installs
 * {@code libpcap.so.0.8}. The system property {@code org.pcap4j.core.pcapLibName} wins when set.
 */
public final class Pcap4jLibrary {
    private static final String PROPERTY = "org.pcap4j.core.pcapLibName";
    private static final List<String> CANDIDATES = List.of("pcap", "libpcap.so.1", "libpcap.so.0.8", "wpcap");
    private static Optional<String> found;

    private Pcap4jLibrary() {
    }

    /** The library pcap4j will load, or empty when libpcap is not installed. */
    public static synchronized Optional<String> locate() {
        if (found == null) {
            String configured = System.getProperty(PROPERTY);
            found = configured != null ? probe(List.of(configured)) : probe(CANDIDATES);
            found.ifPresent(name -> System.setProperty(PROPERTY, name));
        }
        return found;
    }

    private static Optional<String> probe(List<String> names) {
        for (String name : names) {
            try {
                NativeLibrary.getInstance(name);
                return Optional.of(name);
            } catch (UnsatisfiedLinkError e) {
                // try the next name
            }
        }
        return Optional.empty();
    }
}
