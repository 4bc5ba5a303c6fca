package org.smarttunnel.ingest.capture;

import java.io.IOException;
import java.util.List;
import org.smarttunnel.ingest.Diagnostic;
import org.smarttunnel.ingest.IngestException;

/**
 * Classic libpcap files: microsecond or nanosecond timestamps, either byte order. Records
 * are parsed in place; a record that claims more than 256 KiB (libpcap's own limit) is
 * damage, not a packet, and is never allocated.
 */
final class PcapReader {
    static final int MAX_CAPTURED = 262_144;
    private static final int HEADER = 24;
    private static final int RECORD = 16;

    private PcapReader() {
    }

    /** Whether {@code magic} (read big-endian) starts a classic pcap file. */
    static boolean isMagic(int magic) {
        return magic == 0xA1B2C3D4 || magic == 0xD4C3B2A1 || magic == 0xA1B23C4D || magic == 0x4D3CB2A1;
    }

    static void read(ByteInput in, String file, FrameHandler handler, List<Diagnostic> diagnostics)
            throws IOException, IngestException {
        if (!in.ensure(HEADER)) {
            throw IngestException.atOffset(file, in.available(), "file ends inside the pcap file header ("
                    + in.available() + " of 24 bytes)");
        }
        byte[] b = in.buffer();
        int p = in.position();
        int magic = ByteInput.i32be(b, p);
        boolean bigEndian = magic == 0xA1B2C3D4 || magic == 0xA1B23C4D;
        long unitNs = magic == 0xA1B23C4D || magic == 0x4D3CB2A1 ? 1 : 1000;
        int linkType = ByteInput.i32(b, p + 20, bigEndian) & 0x03FFFFFF;
        if (!handler.supports(linkType)) {
            throw IngestException.atOffset(file, 20, "unknown link type " + linkType);
        }
        in.skip(HEADER);
        while (true) {
            long recordOffset = in.offset();
            if (!in.ensure(RECORD)) {
                if (in.available() > 0) {
                    diagnostics.add(truncated(file, recordOffset, RECORD, in.available()));
                }
                return;
            }
            b = in.buffer();
            p = in.position();
            long seconds = ByteInput.u32(b, p, bigEndian);
            long fraction = ByteInput.u32(b, p + 4, bigEndian);
            long captured = ByteInput.u32(b, p + 8, bigEndian);
            if (captured > MAX_CAPTURED) {
                throw IngestException.atOffset(file, recordOffset,
                        "record claims " + captured + " captured bytes, more than the 262144 any capture holds");
            }
            int need = RECORD + (int) captured;
            if (!in.ensure(need)) {
                diagnostics.add(truncated(file, recordOffset, need, in.available()));
                return;
            }
            b = in.buffer();
            p = in.position();
            handler.at(recordOffset);
            handler.frame(linkType, seconds * 1_000_000_000L + fraction * unitNs, b, p + RECORD, (int) captured);
            in.skip(need);
        }
    }

    static Diagnostic truncated(String file, long offset, long need, long have) {
        return Diagnostic.warningAtOffset(file, offset, "truncated last record (" + have + " of " + need
                + " bytes); the packets before it are kept");
    }
}
