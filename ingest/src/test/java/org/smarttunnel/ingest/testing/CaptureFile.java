package org.smarttunnel.ingest.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes pcap and pcapng files for tests: either byte order, micro- or nanosecond pcap,
 * pcapng sections with several interfaces, {@code if_tsresol}/{@code if_tsoffset}, enhanced,
 * obsolete and simple packet blocks and blocks to be skipped.
 */
public final class CaptureFile {
    private CaptureFile() {
    }

    /** A classic pcap file. */
    public static final class Pcap {
        private final Bytes b;
        private final boolean nanos;

        public Pcap(int linkType, boolean bigEndian, boolean nanos) {
            this.b = new Bytes(bigEndian);
            this.nanos = nanos;
            b.u32(nanos ? 0xA1B23C4DL : 0xA1B2C3D4L).u16(2).u16(4).u32(0).u32(0).u32(262144).u32(linkType);
        }

        public Pcap packet(long tNs, byte[] frame) {
            long sec = tNs / 1_000_000_000L;
            long frac = nanos ? tNs % 1_000_000_000L : (tNs % 1_000_000_000L) / 1000;
            b.u32(sec).u32(frac).u32(frame.length).u32(frame.length).bytes(frame);
            return this;
        }

        /** A record header claiming {@code captured} bytes followed by whatever bytes are given. */
        public Pcap rawRecord(long tNs, long captured, byte[] data) {
            b.u32(tNs / 1_000_000_000L).u32(0).u32(captured).u32(captured).bytes(data);
            return this;
        }

        public byte[] toBytes() {
            return b.toArray();
        }
    }

    /** A pcap of Ethernet frames holding {@code runs}' echo packets in time order, written to {@code file}. */
    public static Path ethernetPcap(Path file, EchoRun... runs) {
        Pcap p = new Pcap(1, false, false);
        for (EchoRun.Event e : EchoRun.merge(true, runs)) {
            p.packet(e.tNs(), Frames.ethernet(false).apply(e));
        }
        return write(file, p.toBytes(), false);
    }

    /** A pcapng file; blocks are appended in call order. */
    public static final class Pcapng {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private boolean bigEndian;
        private final java.util.List<Long> unitsPerSecond = new java.util.ArrayList<>();
        private final java.util.List<Long> offsets = new java.util.ArrayList<>();

        public Pcapng(boolean bigEndian) {
            section(bigEndian);
        }

        public Pcapng section(boolean bigEndian) {
            this.bigEndian = bigEndian;
            unitsPerSecond.clear();
            offsets.clear();
            Bytes body = new Bytes(bigEndian).u32(0x1A2B3C4DL).u16(1).u16(0).u64(-1L);
            return block(0x0A0D0D0AL, body);
        }

        /** An interface; {@code tsresol} is the raw option byte, or -1 for the default (microseconds). */
        public Pcapng iface(int linkType, int tsresol, long tsoffsetSeconds) {
            Bytes body = new Bytes(bigEndian).u16(linkType).u16(0).u32(262144);
            if (tsresol >= 0) {
                body.u16(9).u16(1).u8(tsresol).zeros(3);
            }
            if (tsoffsetSeconds != 0) {
                body.u16(14).u16(8).u64(tsoffsetSeconds);
            }
            body.u16(2).u16(4).bytes("eth0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            body.u16(0).u16(0);
            long units;
            if (tsresol < 0) {
                units = 1_000_000L;
            } else if ((tsresol & 0x80) != 0) {
                units = 1L << (tsresol & 0x7F);
            } else {
                units = 1;
                for (int i = 0; i < tsresol; i++) {
                    units *= 10;
                }
            }
            unitsPerSecond.add(units);
            offsets.add(tsoffsetSeconds);
            return block(1, body);
        }

        /** Ticks of the interface's resolution for a time in ns (truncated). */
        public long ticks(int iface, long tNs) {
            long units = unitsPerSecond.get(iface);
            long ns = tNs - offsets.get(iface) * 1_000_000_000L;
            long sec = ns / 1_000_000_000L;
            long frac = ns % 1_000_000_000L;
            return sec * units + java.math.BigInteger.valueOf(frac).multiply(java.math.BigInteger.valueOf(units))
                    .divide(java.math.BigInteger.valueOf(1_000_000_000L)).longValueExact();
        }

        public Pcapng packet(int iface, long tNs, byte[] frame) {
            long t = ticks(iface, tNs);
            Bytes body = new Bytes(bigEndian).u32(iface).u32(t >>> 32).u32(t & 0xFFFFFFFFL).u32(frame.length)
                    .u32(frame.length).bytes(frame).padTo4();
            body.u16(1).u16(4).bytes("note".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).u16(0).u16(0);
            return block(6, body);
        }

        public Pcapng obsoletePacket(int iface, long tNs, byte[] frame) {
            long t = ticks(iface, tNs);
            Bytes body = new Bytes(bigEndian).u16(iface).u16(0).u32(t >>> 32).u32(t & 0xFFFFFFFFL).u32(frame.length)
                    .u32(frame.length).bytes(frame).padTo4();
            return block(2, body);
        }

        public Pcapng simplePacket(byte[] frame) {
            return block(3, new Bytes(bigEndian).u32(frame.length).bytes(frame).padTo4());
        }

        /** Name resolution, interface statistics and a custom block: all to be skipped. */
        public Pcapng otherBlocks() {
            block(4, new Bytes(bigEndian).u16(0).u16(0));
            block(5, new Bytes(bigEndian).u32(0).u32(0).u32(0).u16(0).u16(0));
            return block(0xBADL, new Bytes(bigEndian).u32(32473).u32(0));
        }

        public Pcapng block(long type, Bytes body) {
            byte[] b = body.padTo4().toArray();
            byte[] block = new Bytes(bigEndian).u32(type).u32(b.length + 12).bytes(b).u32(b.length + 12).toArray();
            out.writeBytes(block);
            return this;
        }

        public byte[] toBytes() {
            return out.toByteArray();
        }
    }

    public static Path write(Path file, byte[] content, boolean gzip) {
        try {
            if (gzip) {
                ByteArrayOutputStream z = new ByteArrayOutputStream();
                try (GZIPOutputStream g = new GZIPOutputStream(z)) {
                    g.write(content);
                }
                content = z.toByteArray();
            }
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
