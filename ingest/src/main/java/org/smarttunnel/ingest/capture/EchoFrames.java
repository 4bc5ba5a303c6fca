package org.smarttunnel.ingest.capture;

/**
 * Builds Ethernet/IPv4/ICMP echo frames as Linux {@code ping} sends them: a
 * {@code struct timeval} of the send time (little-endian, 64-bit) at the start of the data,
 * a byte pattern after it, valid IP and ICMP checksums.
 */
public final class EchoFrames {
    public static final int DATA_BYTES = 56;
    public static final int FRAME_BYTES = 14 + 20 + 8 + DATA_BYTES;
    private static final byte HOST_MAC = 1;
    private static final byte GATEWAY_MAC = 2;

    private EchoFrames() {
    }

    /** Writes one frame into {@code out} (at least {@link #FRAME_BYTES} long) and returns its length. */
    public static int echo(byte[] out, boolean request, int src, int dst, int ident, int seq, long sendNs) {
        mac(out, 0, request ? GATEWAY_MAC : HOST_MAC);
        mac(out, 6, request ? HOST_MAC : GATEWAY_MAC);
        out[12] = 0x08;
        out[13] = 0x00;
        int ip = 14;
        out[ip] = 0x45;
        out[ip + 1] = 0;
        be16(out, ip + 2, 20 + 8 + DATA_BYTES);
        be16(out, ip + 4, seq);
        be16(out, ip + 6, 0x4000);
        out[ip + 8] = 64;
        out[ip + 9] = 1;
        be16(out, ip + 10, 0);
        be32(out, ip + 12, request ? src : dst);
        be32(out, ip + 16, request ? dst : src);
        be16(out, ip + 10, checksum(out, ip, 20));
        int icmp = ip + 20;
        out[icmp] = (byte) (request ? 8 : 0);
        out[icmp + 1] = 0;
        be16(out, icmp + 2, 0);
        be16(out, icmp + 4, ident);
        be16(out, icmp + 6, seq);
        int data = icmp + 8;
        le64(out, data, sendNs / 1_000_000_000L);
        le64(out, data + 8, (sendNs % 1_000_000_000L) / 1000);
        for (int i = 16; i < DATA_BYTES; i++) {
            out[data + i] = (byte) i;
        }
        be16(out, icmp + 2, checksum(out, icmp, 8 + DATA_BYTES));
        return FRAME_BYTES;
    }

    private static void mac(byte[] out, int at, byte last) {
        out[at] = 2;
        for (int i = 1; i < 5; i++) {
            out[at + i] = 0;
        }
        out[at + 5] = last;
    }

    private static int checksum(byte[] b, int off, int len) {
        long sum = 0;
        for (int i = 0; i + 1 < len; i += 2) {
            sum += ((b[off + i] & 0xFF) << 8) | (b[off + i + 1] & 0xFF);
        }
        if ((len & 1) != 0) {
            sum += (b[off + len - 1] & 0xFF) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) (~sum & 0xFFFF);
    }

    private static void be16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    private static void be32(byte[] b, int at, int v) {
        be16(b, at, v >>> 16);
        be16(b, at + 2, v);
    }

    private static void le64(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }
}
