package org.smarttunnel.ingest.capture;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.smarttunnel.ingest.Diagnostic;
import org.smarttunnel.ingest.IngestException;

/**
 * The reference reader: libpcap parses the file (through pcap4j), pcap4j decodes the frames.
 * libpcap cannot read gzip, so a compressed capture is first expanded into a temporary file.
 * libpcap reports no byte offsets; its messages name the frame after which it stopped.
 */
final class Pcap4jReader {
    private Pcap4jReader() {
    }

    static void read(Path file, String name, FrameHandler handler, List<Diagnostic> diagnostics)
            throws IOException, IngestException {
        if (Pcap4jLibrary.locate().isEmpty()) {
            throw IngestException.inFile(name, "the pcap4j reader needs libpcap, which is not installed "
                    + "(Debian: apt-get install libpcap0.8)");
        }
        Path plain = file;
        boolean temporary = InputFiles.isGzip(file);
        if (temporary) {
            plain = Files.createTempFile("smarttunnel-", ".pcap");
            try (InputStream in = InputFiles.open(file, name, diagnostics)) {
                Files.copy(in, plain, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try {
            readPlain(plain, name, handler, diagnostics);
        } finally {
            if (temporary) {
                Files.deleteIfExists(plain);
            }
        }
    }

    private static void readPlain(Path file, String name, FrameHandler handler, List<Diagnostic> diagnostics)
            throws IngestException {
        PcapHandle handle;
        try {
            handle = Pcaps.openOffline(file.toString(), PcapHandle.TimestampPrecision.NANO);
        } catch (PcapNativeException e) {
            throw IngestException.atOffset(name, 0, "libpcap cannot read it: " + e.getMessage());
        }
        try (handle) {
            int linkType = linkType(handle.getDlt().value());
            if (!handler.supports(linkType)) {
                throw IngestException.atOffset(name, 20, "unknown link type " + linkType);
            }
            long frames = 0;
            while (true) {
                byte[] raw;
                try {
                    raw = handle.getNextRawPacketEx();
                } catch (EOFException e) {
                    return;
                } catch (TimeoutException e) {
                    continue;
                } catch (PcapNativeException e) {
                    diagnostics.add(new Diagnostic(Diagnostic.Severity.WARNING, name, "after frame " + frames,
                            "libpcap stopped: " + e.getMessage() + "; the packets before it are kept"));
                    return;
                }
                Timestamp ts = handle.getTimestamp();
                long tNs = Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
                handler.frame(linkType, tNs, raw, 0, raw.length);
                frames++;
            }
        } catch (NotOpenException e) {
            throw new IllegalStateException("libpcap handle closed while reading " + name, e);
        }
    }

    /** libpcap reports DLT values; raw IP is DLT 12 (14 on OpenBSD) but LINKTYPE 101 in files. */
    private static int linkType(int dlt) {
        return dlt == LinkType.RAW_DLT12 || dlt == LinkType.RAW_DLT14 ? LinkType.RAW : dlt;
    }
}
