package org.smarttunnel.ingest.capture;

import static org.smarttunnel.ingest.capture.ByteInput.i32be;
import static org.smarttunnel.ingest.capture.ByteInput.i64be;
import static org.smarttunnel.ingest.capture.ByteInput.u16be;
import static org.smarttunnel.ingest.capture.ByteInput.u8;

import org.smarttunnel.ingest.probe.ProbeSink;

/**
 * The fast path: decodes the common link layers (Ethernet, Linux SLL and SLL2, loopbacks, raw IP,
 * Cisco HDLC, Solaris IPNET, IP over InfiniBand, Ethernet with Broadcom or Marvell switch tags), IPv4 and IPv6 (skipping hop-by-hop,
 * routing, destination-options and fragment headers) and ICMP/ICMPv6 echo in place, without
 * allocating. Link types it does not know go to the pcap4j decoder instead. On Ethernet it
 * passes VLAN tags (802.1Q, QinQ 0x88a8 and 0x9100, stacked), MPLS label stacks, PPPoE
 * sessions and MACsec with integrity only; inside IP it enters tunnels — IP-in-IP (IPv4 or IPv6 in either), GRE (with or
 * without checksum, key and sequence; IP, Ethernet or MPLS inside), VXLAN (UDP 4789), Geneve
 * (UDP 6081) and MPLS over UDP (6635) — so that a probe's addresses are its own, the innermost
 * (at most {@value #MAX_DEPTH} layers).
 */
final class FrameDecoder {
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_QINQ = 0x88A8;
    private static final int ETHERTYPE_QINQ_OLD = 0x9100;
    private static final int ETHERTYPE_MPLS = 0x8847;
    private static final int ETHERTYPE_MPLS_MULTICAST = 0x8848;
    private static final int ETHERTYPE_PPPOE_SESSION = 0x8864;
    private static final int ETHERTYPE_TRANSPARENT_BRIDGING = 0x6558;
    private static final int ETHERTYPE_MACSEC = 0x88E5;
    /** Solaris IPNET's address families (its header's second byte). */
    private static final int IPNET_INET = 2;
    private static final int IPNET_INET6 = 26;
    private static final int MAX_EXTENSION_HEADERS = 16;
    private static final int MAX_LABELS = 16;
    /** Encapsulations entered at most, tunnels and link layers together. */
    static final int MAX_DEPTH = 8;

    private int depth;

    private final EchoPacket out;

    FrameDecoder(EchoPacket out) {
        this.out = out;
    }

    Decoded decode(int linkType, byte[] b, int off, int len, long tNs) {
        int end = off + len;
        depth = 0;
        out.tunnelled = false;
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
            case LinkType.C_HDLC:
                // address, control, then an EtherType
                return len < 4 ? Decoded.SHORT : ethernet(u16be(b, off + 2), b, off + 4, end, tNs);
            case LinkType.IPNET:
                return len < 24 ? Decoded.SHORT : ipnet(u8(b, off + 1), b, off + 24, end, tNs);
            case LinkType.IPOIB:
                // 20-byte destination and source hardware addresses, EtherType, 2 reserved bytes
                return len < 44 ? Decoded.SHORT : ethernet(u16be(b, off + 40), b, off + 44, end, tNs);
            case LinkType.DSA_TAG_BRCM:
            case LinkType.DSA_TAG_DSA:
            case LinkType.DSA_TAG_BRCM_PREPEND:
                // a 4-byte tag after the source address (or before the destination): the EtherType at 16
                return len < 18 ? Decoded.SHORT : ethernet(u16be(b, off + 16), b, off + 18, end, tNs);
            case LinkType.DSA_TAG_EDSA:
                return len < 22 ? Decoded.SHORT : ethernet(u16be(b, off + 20), b, off + 22, end, tNs);
            default:
                throw new IllegalArgumentException("fast decoder does not read " + LinkType.name(linkType));
        }
    }

    private Decoded ethernet(int type, byte[] b, int p, int end, long tNs) {
        while (true) {
            if (type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ || type == ETHERTYPE_QINQ_OLD) {
                if (end - p < 4) {
                    return Decoded.SHORT;
                }
                type = u16be(b, p + 2);
                p += 4;
            } else if (type == ETHERTYPE_PPPOE_SESSION) {
                if (end - p < 8) {
                    return Decoded.SHORT;
                }
                int protocol = u16be(b, p + 6);
                p += 8;
                if (protocol == 0x0021) {
                    type = ETHERTYPE_IPV4;
                } else if (protocol == 0x0057) {
                    type = ETHERTYPE_IPV6;
                } else {
                    return Decoded.NOT_IP;
                }
            } else if (type == ETHERTYPE_MPLS || type == ETHERTYPE_MPLS_MULTICAST) {
                return mpls(b, p, end, tNs);
            } else if (type == ETHERTYPE_MACSEC) {
                // SecTAG: TCI/AN, short length, packet number, the channel identifier when SC is set;
                // with E or C set the data is encrypted or changed: nothing to read
                if (end - p < 6) {
                    return Decoded.SHORT;
                }
                int tci = u8(b, p);
                if ((tci & 0x0C) != 0) {
                    return Decoded.NOT_IP;
                }
                int tag = (tci & 0x20) != 0 ? 14 : 6;
                if (end - p < tag + 2) {
                    return Decoded.SHORT;
                }
                type = u16be(b, p + tag);
                p += tag + 2;
            } else {
                break;
            }
            if (++depth > MAX_DEPTH * 4) {
                return Decoded.OTHER;
            }
        }
        if (type == ETHERTYPE_IPV4) {
            return end - p < 1 || (u8(b, p) >>> 4) != 4 ? shortOrOther(end - p) : ipv4(b, p, end, tNs);
        }
        if (type == ETHERTYPE_IPV6) {
            return end - p < 1 || (u8(b, p) >>> 4) != 6 ? shortOrOther(end - p) : ipv6(b, p, end, tNs);
        }
        return Decoded.NOT_IP;
    }

    /** An MPLS label stack, then the IP packet its first nibble says (an Ethernet pseudowire is not read). */
    private Decoded mpls(byte[] b, int p, int end, long tNs) {
        for (int n = 0; n < MAX_LABELS; n++) {
            if (end - p < 4) {
                return Decoded.SHORT;
            }
            boolean bottom = (u8(b, p + 2) & 1) != 0;
            p += 4;
            if (bottom) {
                return ip(b, p, end, tNs);
            }
        }
        return Decoded.OTHER;
    }

    /** The payload of IP protocol {@code protocol} at {@code q}: ICMP is handled by the callers; tunnels here. */
    private Decoded tunnel(int protocol, byte[] b, int q, int end, long tNs) {
        if (++depth > MAX_DEPTH) {
            return Decoded.OTHER;
        }
        switch (protocol) {
            case 4:
                return end - q < 1 || (u8(b, q) >>> 4) != 4 ? shortOrOther(end - q) : ipv4(b, q, end, tNs);
            case 41:
                return end - q < 1 || (u8(b, q) >>> 4) != 6 ? shortOrOther(end - q) : ipv6(b, q, end, tNs);
            case 47:
                return gre(b, q, end, tNs);
            case 17:
                return udp(b, q, end, tNs);
            default:
                return Decoded.OTHER;
        }
    }

    private Decoded gre(byte[] b, int q, int end, long tNs) {
        if (end - q < 4) {
            return Decoded.SHORT;
        }
        int flags = u16be(b, q);
        if ((flags & 7) != 0) {
            return Decoded.OTHER; // version 1 is PPTP's enhanced GRE
        }
        int header = 4 + ((flags & 0x8000) != 0 ? 4 : 0) + ((flags & 0x2000) != 0 ? 4 : 0)
                + ((flags & 0x1000) != 0 ? 4 : 0);
        if (end - q < header) {
            return Decoded.SHORT;
        }
        return carried(u16be(b, q + 2), b, q + header, end, tNs);
    }

    /** What a tunnel carries, by EtherType: IP, an Ethernet frame, or MPLS. */
    private Decoded carried(int type, byte[] b, int p, int end, long tNs) {
        if (type == ETHERTYPE_TRANSPARENT_BRIDGING) {
            return end - p < 14 ? Decoded.SHORT : ethernet(u16be(b, p + 12), b, p + 14, end, tNs);
        }
        if (type == ETHERTYPE_IPV4 || type == ETHERTYPE_IPV6) {
            return ip(b, p, end, tNs);
        }
        if (type == ETHERTYPE_MPLS || type == ETHERTYPE_MPLS_MULTICAST) {
            return mpls(b, p, end, tNs);
        }
        return Decoded.NOT_IP;
    }

    /** UDP to the well-known ports of VXLAN, Geneve and MPLS over UDP; anything else is not a probe. */
    private Decoded udp(byte[] b, int q, int end, long tNs) {
        if (end - q < 8) {
            return Decoded.SHORT;
        }
        int port = u16be(b, q + 2);
        int p = q + 8;
        switch (port) {
            case 4789:
                return end - p < 8 + 14 ? Decoded.SHORT : ethernet(u16be(b, p + 8 + 12), b, p + 8 + 14, end, tNs);
            case 6081: {
                if (end - p < 8) {
                    return Decoded.SHORT;
                }
                int options = (u8(b, p) & 0x3F) * 4;
                if (end - p < 8 + options) {
                    return Decoded.SHORT;
                }
                return carried(u16be(b, p + 2), b, p + 8 + options, end, tNs);
            }
            case 6635:
                return mpls(b, p, end, tNs);
            default:
                return Decoded.OTHER;
        }
    }

    private Decoded ipnet(int family, byte[] b, int p, int end, long tNs) {
        if (family == IPNET_INET) {
            return end - p < 1 || (u8(b, p) >>> 4) != 4 ? shortOrOther(end - p) : ipv4(b, p, end, tNs);
        }
        if (family == IPNET_INET6) {
            return end - p < 1 || (u8(b, p) >>> 4) != 6 ? shortOrOther(end - p) : ipv6(b, p, end, tNs);
        }
        return Decoded.NOT_IP;
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
        return version == 6 ? ipv6(b, p, end, tNs) : Decoded.NOT_IP;
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
        int protocol = u8(b, p + 9);
        if ((u16be(b, p + 6) & 0x1FFF) != 0) {
            return Decoded.FRAGMENT;
        }
        if (protocol != 1 && protocol != 4 && protocol != 41 && protocol != 47 && protocol != 17) {
            return Decoded.OTHER;
        }
        end = Math.min(end, p + total);
        if (end - p < ihl) {
            return Decoded.SHORT;
        }
        if (protocol != 1) {
            out.enterV4(i32be(b, p + 12), i32be(b, p + 16));
            return tunnel(protocol, b, p + ihl, end, tNs);
        }
        out.setV4(i32be(b, p + 12), i32be(b, p + 16));
        return icmp(b, p + ihl, end, 8, 0, tNs);
    }

    private Decoded ipv6(byte[] b, int p, int end, long tNs) {
        if (end - p < 40) {
            return Decoded.SHORT;
        }
        int next = u8(b, p + 6);
        int payload = u16be(b, p + 4);
        // a jumbogram (RFC 2675) says 0 here and its length in a hop-by-hop option: the frame's end stands
        if (payload != 0 || next != 0) {
            end = Math.min(end, p + 40 + payload);
        }
        out.srcHi = i64be(b, p + 8);
        out.srcLo = i64be(b, p + 16);
        out.dstHi = i64be(b, p + 24);
        out.dstLo = i64be(b, p + 32);
        int q = p + 40;
        for (int n = 0; n < MAX_EXTENSION_HEADERS; n++) {
            switch (next) {
                case 58:
                    return icmp(b, q, end, 128, 129, tNs);
                case 4, 41, 47, 17:
                    out.enterV6();
                    return tunnel(next, b, q, end, tNs);
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
                        return Decoded.FRAGMENT;
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
