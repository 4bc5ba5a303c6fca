package org.smarttunnel.ingest.capture;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a classic little-endian pcap stream, as tcpdump does, with micro- or nanosecond
 * timestamps. Used by the simulator and the ingest benchmark.
 */
public final class PcapWriter implements Closeable {
    public static final int ETHERNET = LinkType.ETHERNET;

    private final OutputStream out;
    private final boolean nanos;
    private final byte[] header = new byte[16];

    public PcapWriter(OutputStream out, int linkType, boolean nanos) throws IOException {
        this.out = new BufferedOutputStream(out, 1 << 16);
        this.nanos = nanos;
        byte[] h = new byte[24];
        le32(h, 0, nanos ? 0xA1B23C4D : 0xA1B2C3D4);
        h[4] = 2;
        h[6] = 4;
        le32(h, 16, 262_144);
        le32(h, 20, linkType);
        this.out.write(h);
    }

    public void write(long tNs, byte[] frame, int len) throws IOException {
        le32(header, 0, (int) (tNs / 1_000_000_000L));
        long fraction = tNs % 1_000_000_000L;
        le32(header, 4, (int) (nanos ? fraction : fraction / 1000));
        le32(header, 8, len);
        le32(header, 12, len);
        out.write(header);
        out.write(frame, 0, len);
    }

    private static void le32(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
