package org.smarttunnel.ingest.capture;

import static org.smarttunnel.ingest.capture.ByteInput.i32be;
import static org.smarttunnel.ingest.capture.ByteInput.i64be;
import static org.smarttunnel.ingest.capture.ByteInput.u16be;
import static org.smarttunnel.ingest.capture.ByteInput.u8;

import org.smarttunnel.ingest.probe.ProbeSink;

/**
 * The fast path: decodes the common link layers, IPv4 and IPv6 (skipping hop-by-hop,
 * routing, destination-options and fragment headers) and ICMP/ICMPv6 echo in place, without
 * allocating. Link types it does not know go to the pcap4j decoder instead.
 */
final class FrameDecoder {
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int MAX_EXTENSION_HEADERS = 16;

    private final EchoPacket out;

    FrameDecoder(EchoPacket out) {
        this.out = out;
    }

    Decoded decode(int linkType, byte[] b, int off, int len, long tNs) {
        int end = off + len;
        switch (linkType) {
            case LinkType.ETHERNET:
                return len < 14 ? Decoded.SHORT : ethernet(u16be(b, off + 12), b, off + 14, end, tNs);
            case LinkType.LINUX_SLL:
                return len < 16 ? Decoded.SHORT : ethernet(u16be(b, off + 14), b, off + 16, end, tNs);
            case LinkType.LINUX_SLL2:
                return len < 20 ? Decoded.SHORT : ethernet(u16be(b, off), b, off + 20, end, tNs);
            case LinkType.NULL:
            case LinkType.LOOP:
                return len < 5 ? Decoded.SHORT : ip(b, off + 4, end, tNs);
            case LinkType.RAW:
            case LinkType.RAW_DLT12:
            case LinkType.RAW_DLT14:
            case LinkType.IPV4:
            case LinkType.IPV6:
                return len < 1 ? Decoded.SHORT : ip(b, off, end, tNs);
            default:
                throw new IllegalArgumentException("fast decoder does not read " + LinkType.name(linkType));
        }
    }

    private Decoded ethernet(int type, byte[] b, int p, int end, long tNs) {
        while (type == ETHERTYPE_VLAN) {
            if (end - p < 4) {
                return Decoded.SHORT;
            }
            type = u16be(b, p + 2);
            p += 4;
        }
        if (type == ETHERTYPE_IPV4) {
            return end - p < 1 || (u8(b, p) >>> 4) != 4 ? shortOrOther(end - p) : ipv4(b, p, end, tNs);
        }
        if (type == ETHERTYPE_IPV6) {
            return end - p < 1 || (u8(b, p) >>> 4) != 6 ? shortOrOther(end - p) : ipv6(b, p, end, tNs);
        }
        return Decoded.OTHER;
    }

    private static Decoded shortOrOther(int remaining) {
        return remaining < 1 ? Decoded.SHORT : Decoded.OTHER;
    }

    private Decoded ip(byte[] b, int p, int end, long tNs) {
        if (end - p < 1) {
            return Decoded.SHORT;
        }
        int version = u8(b, p) >>> 4;
        if (version == 4) {
            return ipv4(b, p, end, tNs);
        }
        return version == 6 ? ipv6(b, p, end, tNs) : Decoded.OTHER;
    }

    private Decoded ipv4(byte[] b, int p, int end, long tNs) {
        if (end - p < 20) {
            return Decoded.SHORT;
        }
        int ihl = (u8(b, p) & 15) * 4;
        int total = u16be(b, p + 2);
        if (ihl < 20 || total < ihl) {
            return Decoded.OTHER;
        }
        if (u8(b, p + 9) != 1 || (u16be(b, p + 6) & 0x1FFF) != 0) {
            return Decoded.OTHER;
        }
        end = Math.min(end, p + total);
        if (end - p < ihl) {
            return Decoded.SHORT;
        }
        out.setV4(i32be(b, p + 12), i32be(b, p + 16));
        return icmp(b, p + ihl, end, 8, 0, tNs);
    }

    private Decoded ipv6(byte[] b, int p, int end, long tNs) {
        if (end - p < 40) {
            return Decoded.SHORT;
        }
        end = Math.min(end, p + 40 + u16be(b, p + 4));
        int next = u8(b, p + 6);
        out.srcHi = i64be(b, p + 8);
        out.srcLo = i64be(b, p + 16);
        out.dstHi = i64be(b, p + 24);
        out.dstLo = i64be(b, p + 32);
        int q = p + 40;
        for (int n = 0; n < MAX_EXTENSION_HEADERS; n++) {
            switch (next) {
                case 58:
                    return icmp(b, q, end, 128, 129, tNs);
                case 0, 43, 60:
                    if (end - q < 2) {
                        return Decoded.SHORT;
                    }
                    next = u8(b, q);
                    q += (u8(b, q + 1) + 1) * 8;
                    break;
                case 44:
                    if (end - q < 8) {
                        return Decoded.SHORT;
                    }
                    if ((u16be(b, q + 2) >>> 3) != 0) {
                        return Decoded.OTHER;
                    }
                    next = u8(b, q);
                    q += 8;
                    break;
                default:
                    return Decoded.OTHER;
            }
        }
        return Decoded.OTHER;
    }

    private Decoded icmp(byte[] b, int q, int end, int requestType, int replyType, long tNs) {
        if (end - q < 1) {
            return Decoded.SHORT;
        }
        int type = u8(b, q);
        if (type != requestType && type != replyType) {
            return Decoded.OTHER;
        }
        if (end - q < 8) {
            return Decoded.SHORT;
        }
        out.request = type == requestType;
        out.ident = u16be(b, q + 4);
        out.seq = u16be(b, q + 6);
        out.senderNs = out.request ? ProbeSink.NO_TIME : SenderTimestamp.find(b, q + 8, end - q - 8, tNs);
        return Decoded.ECHO;
    }
}
