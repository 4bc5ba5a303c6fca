package org.smarttunnel.ingest.capture;

import java.nio.ByteBuffer;
import org.pcap4j.packet.FragmentedPacket;
import org.pcap4j.packet.IcmpV4CommonPacket;
import org.pcap4j.packet.IcmpV4EchoPacket;
import org.pcap4j.packet.IcmpV4EchoReplyPacket;
import org.pcap4j.packet.IcmpV6CommonPacket;
import org.pcap4j.packet.IcmpV6EchoReplyPacket;
import org.pcap4j.packet.IcmpV6EchoRequestPacket;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV6ExtFragmentPacket;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.factory.PacketFactories;
import org.pcap4j.packet.namednumber.DataLinkType;
import org.pcap4j.packet.namednumber.IpNumber;
import org.smarttunnel.ingest.probe.ProbeSink;

/**
 * The reference decoder: pcap4j's packet classes read the link layer (where pcap4j 1.8.2
 * knows it), IP and ICMP. pcap4j does not know Linux SLL2, raw IPv4/IPv6 (228/229), the
 * OpenBSD loopback or the BSD loopback's platform-specific family numbers, Cisco HDLC, Solaris
 * IPNET, IP over InfiniBand or switch tags; for those this class strips the link header (or the
 * tag) itself and hands the IP packet (or the plain Ethernet frame) to pcap4j.
 */
final class Pcap4jDecoder {
    /** Link types pcap4j's static packet factory decodes (pcap4j 1.8.2). */
    private static final int[] PCAP4J_LINK_TYPES = {1, 9, 50, 105, 113, 127};
    private static final int RADIOTAP = 127;

    private final EchoPacket out;

    Pcap4jDecoder(EchoPacket out) {
        this.out = out;
    }

    static boolean knows(int linkType) {
        for (int t : PCAP4J_LINK_TYPES) {
            if (t == linkType) {
                return true;
            }
        }
        return LinkType.fast(linkType);
    }

    Decoded decode(int linkType, byte[] b, int off, int len, long tNs) {
        out.tunnelled = false;
        Packet packet;
        try {
            packet = packet(linkType, b, off, len);
        } catch (IllegalRawDataException e) {
            return Decoded.SHORT;
        } catch (RuntimeException e) {
            // pcap4j's own decoders throw on some damaged frames (a PPP frame with nothing after
            // its header: "length is zero", with the whole buffer in the message): such a frame
            // is one it cannot decode, not the end of the capture
            return Decoded.OTHER;
        }
        if (packet == null) {
            return Decoded.NOT_IP;
        }
        IpV4Packet v4 = packet.get(IpV4Packet.class);
        if (v4 != null) {
            return ipv4(v4, tNs);
        }
        IpV6Packet v6 = packet.get(IpV6Packet.class);
        return v6 != null ? ipv6(v6, tNs) : Decoded.NOT_IP;
    }

    private static Packet packet(int linkType, byte[] b, int off, int len) throws IllegalRawDataException {
        switch (linkType) {
            case LinkType.LINUX_SLL2:
                if (len < 20) {
                    throw new IllegalRawDataException("SLL2 header");
                }
                return byEtherType(ByteInput.u16be(b, off), b, off + 20, len - 20);
            case LinkType.NULL:
            case LinkType.LOOP:
                return len < 5 ? null : byVersion(b, off + 4, len - 4);
            case LinkType.RAW:
            case LinkType.RAW_DLT12:
            case LinkType.RAW_DLT14:
            case LinkType.IPV4:
            case LinkType.IPV6:
                return byVersion(b, off, len);
            case LinkType.C_HDLC:
                if (len < 4) {
                    throw new IllegalRawDataException("Cisco HDLC header");
                }
                return byEtherType(ByteInput.u16be(b, off + 2), b, off + 4, len - 4);
            case LinkType.IPNET:
                if (len < 24) {
                    throw new IllegalRawDataException("IPNET header");
                }
                return (b[off + 1] & 0xFF) == 2 || (b[off + 1] & 0xFF) == 26 ? byVersion(b, off + 24, len - 24) : null;
            case LinkType.IPOIB:
                if (len < 44) {
                    throw new IllegalRawDataException("IPoIB header");
                }
                return byEtherType(ByteInput.u16be(b, off + 40), b, off + 44, len - 44);
            case LinkType.DSA_TAG_BRCM:
            case LinkType.DSA_TAG_DSA:
                return untagged(b, off, len, 12, 4);
            case LinkType.DSA_TAG_BRCM_PREPEND:
                return untagged(b, off, len, 0, 4);
            case LinkType.DSA_TAG_EDSA:
                return untagged(b, off, len, 12, 8);
            case RADIOTAP:
                // a radiotap header starts with version 0 and gives its own length (8 bytes at least,
                // within the frame): frames that are not radiotap at all (Ethernet declared as
                // radiotap) cost pcap4j gigabytes of allocation for nothing
                if (len < 8 || b[off] != 0 || ByteInput.u16(b, off + 2, false) < 8
                        || ByteInput.u16(b, off + 2, false) > len) {
                    return null;
                }
                return PacketFactories.getFactory(Packet.class, DataLinkType.class)
                        .newInstance(b, off, len, DataLinkType.getInstance(linkType));
            default:
                return PacketFactories.getFactory(Packet.class, DataLinkType.class)
                        .newInstance(b, off, len, DataLinkType.getInstance(linkType));
        }
    }

    /** The Ethernet frame without the switch tag of {@code tag} bytes at {@code at}, read by pcap4j. */
    private static Packet untagged(byte[] b, int off, int len, int at, int tag) throws IllegalRawDataException {
        if (len < 14 + tag) {
            throw new IllegalRawDataException("switch tag");
        }
        byte[] frame = new byte[len - tag];
        System.arraycopy(b, off, frame, 0, at);
        System.arraycopy(b, off + at + tag, frame, at, len - at - tag);
        return PacketFactories.getFactory(Packet.class, DataLinkType.class).newInstance(frame, 0, frame.length,
                DataLinkType.EN10MB);
    }

    private static Packet byEtherType(int type, byte[] b, int off, int len) throws IllegalRawDataException {
        if (type == 0x0800) {
            return IpV4Packet.newPacket(b, off, len);
        }
        return type == 0x86DD ? IpV6Packet.newPacket(b, off, len) : null;
    }

    private static Packet byVersion(byte[] b, int off, int len) throws IllegalRawDataException {
        if (len < 1) {
            return null;
        }
        int version = (b[off] & 0xFF) >>> 4;
        if (version == 4) {
            return IpV4Packet.newPacket(b, off, len);
        }
        return version == 6 ? IpV6Packet.newPacket(b, off, len) : null;
    }

    private Decoded ipv4(IpV4Packet v4, long tNs) {
        IpV4Packet.IpV4Header h = v4.getHeader();
        if (h.getFragmentOffset() != 0) {
            return Decoded.FRAGMENT;
        }
        if (!IpNumber.ICMPV4.equals(h.getProtocol())) {
            return Decoded.OTHER;
        }
        IcmpV4CommonPacket icmp = v4.get(IcmpV4CommonPacket.class);
        if (icmp == null && v4.getPayload() instanceof FragmentedPacket first) {
            icmp = icmpV4(first.getRawData());
        }
        if (icmp == null) {
            return Decoded.SHORT;
        }
        out.setV4(ByteBuffer.wrap(h.getSrcAddr().getAddress()).getInt(),
                ByteBuffer.wrap(h.getDstAddr().getAddress()).getInt());
        IcmpV4EchoPacket request = icmp.get(IcmpV4EchoPacket.class);
        if (request != null) {
            return echo(true, request.getHeader().getIdentifierAsInt(), request.getHeader().getSequenceNumberAsInt(),
                    null, tNs);
        }
        IcmpV4EchoReplyPacket reply = icmp.get(IcmpV4EchoReplyPacket.class);
        if (reply != null) {
            return echo(false, reply.getHeader().getIdentifierAsInt(), reply.getHeader().getSequenceNumberAsInt(),
                    reply.getPayload(), tNs);
        }
        int type = icmp.getHeader().getType().value() & 0xFF;
        return type == 8 || type == 0 ? Decoded.SHORT : Decoded.OTHER;
    }

    private Decoded ipv6(IpV6Packet v6, long tNs) {
        IcmpV6CommonPacket icmp = v6.get(IcmpV6CommonPacket.class);
        if (icmp == null) {
            IpV6ExtFragmentPacket fragment = v6.get(IpV6ExtFragmentPacket.class);
            if (fragment != null && fragment.getHeader().getFragmentOffset() == 0
                    && IpNumber.ICMPV6.equals(fragment.getHeader().getNextHeader())
                    && fragment.getPayload() instanceof FragmentedPacket first) {
                icmp = icmpV6(first.getRawData());
            }
        }
        if (icmp == null) {
            return v6.get(FragmentedPacket.class) != null || !carriesIcmpV6(v6) ? Decoded.OTHER : Decoded.SHORT;
        }
        byte[] src = v6.getHeader().getSrcAddr().getAddress();
        byte[] dst = v6.getHeader().getDstAddr().getAddress();
        ByteBuffer s = ByteBuffer.wrap(src);
        ByteBuffer d = ByteBuffer.wrap(dst);
        out.srcHi = s.getLong();
        out.srcLo = s.getLong();
        out.dstHi = d.getLong();
        out.dstLo = d.getLong();
        IcmpV6EchoRequestPacket request = icmp.get(IcmpV6EchoRequestPacket.class);
        if (request != null) {
            return echo(true, request.getHeader().getIdentifierAsInt(), request.getHeader().getSequenceNumberAsInt(),
                    null, tNs);
        }
        IcmpV6EchoReplyPacket reply = icmp.get(IcmpV6EchoReplyPacket.class);
        if (reply != null) {
            return echo(false, reply.getHeader().getIdentifierAsInt(), reply.getHeader().getSequenceNumberAsInt(),
                    reply.getPayload(), tNs);
        }
        int type = icmp.getHeader().getType().value() & 0xFF;
        return type == 128 || type == 129 ? Decoded.SHORT : Decoded.OTHER;
    }

    private static boolean carriesIcmpV6(IpV6Packet v6) {
        return IpNumber.ICMPV6.equals(v6.getHeader().getNextHeader());
    }

    private Decoded echo(boolean request, int ident, int seq, Packet payload, long tNs) {
        out.request = request;
        out.ident = ident;
        out.seq = seq;
        out.senderNs = ProbeSink.NO_TIME;
        if (payload != null) {
            byte[] data = payload.getRawData();
            out.senderNs = SenderTimestamp.find(data, 0, data.length, tNs);
        }
        return Decoded.ECHO;
    }

    private static IcmpV4CommonPacket icmpV4(byte[] raw) {
        try {
            return IcmpV4CommonPacket.newPacket(raw, 0, raw.length);
        } catch (IllegalRawDataException e) {
            return null;
        }
    }

    private static IcmpV6CommonPacket icmpV6(byte[] raw) {
        try {
            return IcmpV6CommonPacket.newPacket(raw, 0, raw.length);
        } catch (IllegalRawDataException e) {
            return null;
        }
    }
}
