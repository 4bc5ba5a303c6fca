package org.smarttunnel.ingest.capture;

/** Which code reads a capture. */
public enum CaptureReader {
    /** Streaming pure-Java reader of pcap/pcapng; pcap4j decodes link types it does not know. */
    FAST,
    /** libpcap (through pcap4j) reads the file, pcap4j's packet classes decode it: the reference. */
    PCAP4J
}
