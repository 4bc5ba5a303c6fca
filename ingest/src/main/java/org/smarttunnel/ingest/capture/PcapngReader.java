package org.smarttunnel.ingest.capture;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.smarttunnel.ingest.Diagnostic;
import org.smarttunnel.ingest.IngestException;

/**
 * pcapng files: several sections (each with its byte order), several interfaces each with
 * its link type, {@code if_tsresol} and {@code if_tsoffset}; enhanced and obsolete packet
 * blocks. Simple packet blocks carry no timestamp and are skipped (counted). A block longer
 * than 16 MiB (libpcap's own limit) is damage and is never allocated.
 */
final class PcapngReader {
    static final int SECTION_HEADER = 0x0A0D0D0A;
    static final int MAX_BLOCK = 16 * 1024 * 1024;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int INTERFACE = 1;
    private static final int OBSOLETE_PACKET = 2;
    private static final int SIMPLE_PACKET = 3;
    private static final int ENHANCED_PACKET = 6;
    private static final int OPT_TSRESOL = 9;
    private static final int OPT_TSOFFSET = 14;

    private record Interface(int linkType, long unitsPerSecond, long offsetSeconds, boolean usable) {
    }

    private PcapngReader() {
    }

    static void read(ByteInput in, String file, FrameHandler handler, List<Diagnostic> diagnostics)
            throws IOException, IngestException {
        List<Interface> interfaces = new ArrayList<>();
        boolean bigEndian = false;
        boolean warnedSimple = false;
        long undefined = 0;
        boolean first = true;
        while (true) {
            long offset = in.offset();
            if (!in.ensure(12)) {
                if (in.available() > 0) {
                    diagnostics.add(PcapReader.truncated(file, offset, 12, in.available()));
                }
                return;
            }
            byte[] b = in.buffer();
            int p = in.position();
            int type = ByteInput.i32(b, p, bigEndian);
            if (type == SECTION_HEADER) {
                int magic = ByteInput.i32le(b, p + 8);
                if (magic != BYTE_ORDER_MAGIC && Integer.reverseBytes(magic) != BYTE_ORDER_MAGIC) {
                    throw IngestException.atOffset(file, offset + 8, String.format(java.util.Locale.ROOT,
                            "section header has byte-order magic 0x%08x, not 0x1a2b3c4d", magic));
                }
                bigEndian = magic != BYTE_ORDER_MAGIC;
            } else if (first) {
                throw IngestException.atOffset(file, offset, "pcapng file does not start with a section header");
            }
            first = false;
            long length = ByteInput.u32(b, p + 4, bigEndian);
            if (length < 12 || length % 4 != 0 || length > MAX_BLOCK) {
                throw IngestException.atOffset(file, offset, "impossible block length " + length);
            }
            int len = (int) length;
            if (!in.ensure(len)) {
                diagnostics.add(PcapReader.truncated(file, offset, len, in.available()));
                return;
            }
            b = in.buffer();
            p = in.position();
            if (ByteInput.u32(b, p + len - 4, bigEndian) != length) {
                throw IngestException.atOffset(file, offset, "block length " + length
                        + " does not match its trailing copy " + ByteInput.u32(b, p + len - 4, bigEndian));
            }
            switch (type) {
                case SECTION_HEADER -> {
                    int major = ByteInput.u16(b, p + 12, bigEndian);
                    if (major != 1) {
                        throw IngestException.atOffset(file, offset + 12, "unsupported pcapng version " + major);
                    }
                    interfaces.clear();
                }
                case INTERFACE -> interfaces.add(describe(file, offset, b, p, len, bigEndian, handler, diagnostics,
                        interfaces.size()));
                case ENHANCED_PACKET, OBSOLETE_PACKET -> {
                    if (!packet(file, offset, type, b, p, len, bigEndian, interfaces, handler) && undefined++ == 0) {
                        diagnostics.add(Diagnostic.warningAtOffset(file, offset, "packet of an interface the section "
                                + "does not define; such packets are skipped"));
                    }
                }
                case SIMPLE_PACKET -> {
                    handler.skipped();
                    if (!warnedSimple) {
                        diagnostics.add(Diagnostic.warningAtOffset(file, offset,
                                "simple packet blocks carry no timestamp; they are skipped"));
                        warnedSimple = true;
                    }
                }
                default -> {
                    // name resolution, statistics, secrets, custom blocks: nothing to match
                }
            }
            in.skip(len);
        }
    }

    private static Interface describe(String file, long offset, byte[] b, int p, int len, boolean bigEndian,
            FrameHandler handler, List<Diagnostic> diagnostics, int number) throws IngestException {
        if (len < 20) {
            throw IngestException.atOffset(file, offset, "interface block too short (" + len + " bytes)");
        }
        int linkType = ByteInput.u16(b, p + 8, bigEndian);
        long units = 1_000_000L;
        long offsetSeconds = 0;
        int q = p + 16;
        int end = p + len - 4;
        while (end - q >= 4) {
            int code = ByteInput.u16(b, q, bigEndian);
            int optLen = ByteInput.u16(b, q + 2, bigEndian);
            if (code == 0) {
                break;
            }
            if (q + 4 + optLen > end) {
                throw IngestException.atOffset(file, offset + (q - p), "option " + code + " runs past its block");
            }
            if (code == OPT_TSRESOL && optLen >= 1) {
                units = unitsPerSecond(file, offset + (q - p), b[q + 4] & 0xFF);
            } else if (code == OPT_TSOFFSET && optLen >= 8) {
                offsetSeconds = ByteInput.i64(b, q + 4, bigEndian);
            }
            q += 4 + ((optLen + 3) & ~3);
        }
        boolean usable = handler.supports(linkType);
        if (!usable) {
            diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, file, "offset " + offset,
                    "unknown link type " + linkType + " on interface " + number + "; its packets are skipped"));
        }
        return new Interface(linkType, units, offsetSeconds, usable);
    }

    private static long unitsPerSecond(String file, long offset, int resolution) throws IngestException {
        int exponent = resolution & 0x7F;
        if ((resolution & 0x80) != 0) {
            if (exponent > 62) {
                throw IngestException.atOffset(file, offset, "timestamp resolution 2^-" + exponent + " is too fine");
            }
            return 1L << exponent;
        }
        if (exponent > 18) {
            throw IngestException.atOffset(file, offset, "timestamp resolution 10^-" + exponent + " is too fine");
        }
        long units = 1;
        for (int i = 0; i < exponent; i++) {
            units *= 10;
        }
        return units;
    }

    /** One packet block to the handler; false (and nothing done) when its interface is not defined. */
    private static boolean packet(String file, long offset, int type, byte[] b, int p, int len, boolean bigEndian,
            List<Interface> interfaces, FrameHandler handler) throws IngestException {
        if (len < 32) {
            throw IngestException.atOffset(file, offset, "packet block too short (" + len + " bytes)");
        }
        long id = type == ENHANCED_PACKET ? ByteInput.u32(b, p + 8, bigEndian) : ByteInput.u16(b, p + 8, bigEndian);
        long captured = ByteInput.u32(b, p + 20, bigEndian);
        if (captured > len - 32) {
            throw IngestException.atOffset(file, offset, "packet claims " + captured
                    + " captured bytes in a block of " + len);
        }
        if (id >= interfaces.size()) {
            handler.skipped();
            return false;
        }
        Interface iface = interfaces.get((int) id);
        if (!iface.usable()) {
            handler.skipped();
            return true;
        }
        long ticks = (ByteInput.u32(b, p + 12, bigEndian) << 32) | ByteInput.u32(b, p + 16, bigEndian);
        long tNs = Timestamps.toNanos(ticks, iface.unitsPerSecond(), iface.offsetSeconds());
        handler.at(offset);
        handler.frame(iface.linkType(), tNs, b, p + 28, (int) captured);
        return true;
    }
}
