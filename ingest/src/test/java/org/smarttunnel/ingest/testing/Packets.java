package org.smarttunnel.ingest.testing;

import java.util.Arrays;

/**
 * Frames built byte by byte: ICMP/ICMPv6 echo, IPv4 (options, fragments), IPv6 (extension
 * headers), and the link layers a capture may use. Independent of the code under test.
 */
public final class Packets {
    public static final int ETH_IPV4 = 0x0800;
    public static final int ETH_IPV6 = 0x86DD;

    private Packets() {
    }

    /** ICMP (or ICMPv6) message with an echo header. */
    public static byte[] echo(int type, int ident, int seq, byte[] payload) {
        return Bytes.be().u8(type).u8(0).u16(0).u16(ident).u16(seq).bytes(payload).toArray();
    }

    /** iputils payload on 64-bit Linux: struct timeval, little-endian, then a pattern. */
    public static byte[] iputilsPayload(long sendNs, int size) {
        Bytes b = new Bytes(false).u64(sendNs / 1_000_000_000L).u64((sendNs % 1_000_000_000L) / 1000);
        for (int i = 16; i < size; i++) {
            b.u8(i);
        }
        return b.toArray();
    }

    /** macOS/BSD payload: struct tv32 in network order, then a pattern. */
    public static byte[] bsdPayload(long sendNs, int size) {
        Bytes b = Bytes.be().u32(sendNs / 1_000_000_000L).u32((sendNs % 1_000_000_000L) / 1000);
        for (int i = 8; i < size; i++) {
            b.u8(i);
        }
        return b.toArray();
    }

    public static byte[] zeros(int size) {
        return new byte[size];
    }

    public static int v4(String dotted) {
        String[] p = dotted.split("\\.");
        return (Integer.parseInt(p[0]) << 24) | (Integer.parseInt(p[1]) << 16) | (Integer.parseInt(p[2]) << 8)
                | Integer.parseInt(p[3]);
    }

    public static byte[] ipv4(int src, int dst, int protocol, byte[] payload) {
        return ipv4(src, dst, protocol, payload, 0, false, 0);
    }

    /** IPv4 with {@code optionWords} 4-byte option words, fragment offset (8-byte units) and MF flag. */
    public static byte[] ipv4(int src, int dst, int protocol, byte[] payload, int fragmentOffset, boolean more,
            int optionWords) {
        int ihl = 5 + optionWords;
        Bytes b = Bytes.be().u8(0x40 | ihl).u8(0).u16(ihl * 4 + payload.length).u16(0x1234)
                .u16((more ? 0x2000 : 0) | fragmentOffset).u8(64).u8(protocol).u16(0).u32(src).u32(dst);
        for (int i = 0; i < optionWords; i++) {
            b.u32(0x01010101L);
        }
        return b.bytes(payload).toArray();
    }

    public static byte[] v6(String hexGroups) {
        String[] g = hexGroups.split(":");
        Bytes b = Bytes.be();
        for (String s : g) {
            b.u16(Integer.parseInt(s, 16));
        }
        return b.toArray();
    }

    /**
     * IPv6 with extension headers; each header is {@code {type, length in bytes}} and is
     * chained before the ICMPv6 (58) payload. Fragment headers (44) get offset 0.
     */
    public static byte[] ipv6(byte[] src, byte[] dst, int[][] extensions, int finalNext, byte[] payload) {
        Bytes body = Bytes.be();
        for (int i = 0; i < extensions.length; i++) {
            int next = i + 1 < extensions.length ? extensions[i + 1][0] : finalNext;
            int type = extensions[i][0];
            if (type == 44) {
                body.u8(next).u8(0).u16(0).u32(0xCAFE);
            } else {
                int len = extensions[i][1];
                body.u8(next).u8(len / 8 - 1);
                if (type == 43) {
                    body.u8(0).u8(0).zeros(len - 4);
                } else {
                    body.u8(1).u8(len - 4).zeros(len - 4);
                }
            }
        }
        body.bytes(payload);
        int first = extensions.length > 0 ? extensions[0][0] : finalNext;
        byte[] b = body.toArray();
        return Bytes.be().u32(0x60000000L).u16(b.length).u8(first).u8(64).bytes(src).bytes(dst).bytes(b).toArray();
    }

    public static byte[] ethernet(int etherType, byte[] payload, int... vlanIds) {
        Bytes b = Bytes.be().bytes(new byte[] {2, 0, 0, 0, 0, 1}).bytes(new byte[] {2, 0, 0, 0, 0, 2});
        for (int vlan : vlanIds) {
            b.u16(0x8100).u16(vlan);
        }
        b.u16(etherType).bytes(payload);
        while (b.size() < 60) {
            b.u8(0);
        }
        return b.toArray();
    }

    public static byte[] sll(int protocol, byte[] payload) {
        return Bytes.be().u16(0).u16(1).u16(6).bytes(new byte[] {2, 0, 0, 0, 0, 1, 0, 0}).u16(protocol)
                .bytes(payload).toArray();
    }

    public static byte[] sll2(int protocol, byte[] payload) {
        return Bytes.be().u16(protocol).u16(0).u32(3).u16(1).u8(0).u8(6).bytes(new byte[] {2, 0, 0, 0, 0, 1, 0, 0})
                .bytes(payload).toArray();
    }

    /** BSD loopback: address family in the capturing host's byte order. */
    public static byte[] nullLoopback(int family, boolean bigEndian, byte[] payload) {
        return new Bytes(bigEndian).u32(family).bytes(payload).toArray();
    }

    /** PPP in HDLC-like framing (link type 9): address, control, protocol. */
    public static byte[] ppp(int protocol, byte[] payload) {
        return Bytes.be().u8(0xFF).u8(0x03).u16(protocol).bytes(payload).toArray();
    }

    public static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
