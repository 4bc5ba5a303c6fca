package org.smarttunnel.ingest.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.smarttunnel.ingest.testing.Fixtures.MS;
import static org.smarttunnel.ingest.testing.Fixtures.S;
import static org.smarttunnel.ingest.testing.Fixtures.T0;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.ingest.testing.Bytes;
import org.smarttunnel.ingest.testing.CaptureFile;
import org.smarttunnel.ingest.testing.EchoRun;
import org.smarttunnel.ingest.testing.Frames;
import org.smarttunnel.ingest.testing.InMemoryImport;
import org.smarttunnel.ingest.testing.Packets;
import org.smarttunnel.ingest.trace.Trace;

/**
 * Probes inside link-layer encapsulations and tunnels are read as their own (the innermost
 * addresses): every wrapping of the same echo run gives the traces plain Ethernet gives.
 */
class EncapsulationTest {
    @TempDir
    Path tmp;

    private static final EchoRun RUN = EchoRun.gilbert(Packets.v4("10.0.0.1"), Packets.v4("192.0.2.7"), 7, 0, 200, T0,
            20 * MS, 0.05, 0.3, 3);
    private static final EchoRun RUN6 = EchoRun.gilbert(0, 0, 9, 0, 200, T0, 20 * MS, 0.05, 0.3, 4)
            .asIpv6(Packets.v6("2001:db8:0:0:0:0:0:1"), Packets.v6("2001:db8:0:0:0:0:0:2"));
    private static final int OUTER_A = Packets.v4("198.51.100.1");
    private static final int OUTER_B = Packets.v4("198.51.100.2");

    private static int etherType(byte[] ip) {
        return (ip[0] & 0xFF) >>> 4 == 6 ? Packets.ETH_IPV6 : Packets.ETH_IPV4;
    }

    private static byte[] udp(int port, byte[] payload) {
        return Bytes.be().u16(40000).u16(port).u16(8 + payload.length).u16(0).bytes(payload).toArray();
    }

    private static byte[] mplsStack(byte[] ip, int labels) {
        Bytes b = Bytes.be();
        for (int i = 0; i < labels; i++) {
            b.u32(((100L + i) << 12) | (i == labels - 1 ? 0x100 : 0) | 64);
        }
        return b.bytes(ip).toArray();
    }

    private static byte[] ethernetOf(byte[] ip) {
        return Packets.ethernet(etherType(ip), ip);
    }

    /** Wrappings from the IP packet of a probe to an Ethernet frame. */
    static Map<String, UnaryOperator<byte[]>> wrappings() {
        Map<String, UnaryOperator<byte[]>> w = new LinkedHashMap<>();
        w.put("qinq", ip -> Bytes.be().bytes(new byte[12]).u16(0x88A8).u16(100).u16(0x8100).u16(200).u16(etherType(ip))
                .bytes(ip).toArray());
        w.put("qinq-9100", ip -> Bytes.be().bytes(new byte[12]).u16(0x9100).u16(100).u16(etherType(ip)).bytes(ip)
                .toArray());
        w.put("mpls", ip -> Packets.ethernet(0x8847, mplsStack(ip, 3)));
        w.put("pppoe", ip -> Packets.ethernet(0x8864, Bytes.be().u8(0x11).u8(0).u16(0x1234).u16(ip.length + 2)
                .u16(etherType(ip) == Packets.ETH_IPV6 ? 0x0057 : 0x0021).bytes(ip).toArray()));
        w.put("ip-in-ip", ip -> ethernetOf(Packets.ipv4(OUTER_A, OUTER_B, etherType(ip) == Packets.ETH_IPV6 ? 41 : 4,
                ip)));
        w.put("gre", ip -> ethernetOf(Packets.ipv4(OUTER_A, OUTER_B, 47, Bytes.be().u16(0).u16(etherType(ip)).bytes(ip)
                .toArray())));
        w.put("gre-key-seq-checksum", ip -> ethernetOf(Packets.ipv4(OUTER_A, OUTER_B, 47, Bytes.be().u16(0xB000)
                .u16(etherType(ip)).u32(0).u32(42).u32(7).bytes(ip).toArray())));
        w.put("gre-ethernet", ip -> ethernetOf(Packets.ipv4(OUTER_A, OUTER_B, 47, Bytes.be().u16(0).u16(0x6558)
                .bytes(ethernetOf(ip)).toArray())));
        w.put("vxlan", ip -> ethernetOf(Packets.ipv4(OUTER_A, OUTER_B, 17, udp(4789, Bytes.be().u32(0x08000000L)
                .u32(0x00123400L).bytes(ethernetOf(ip)).toArray()))));
        w.put("geneve", ip -> ethernetOf(Packets.ipv4(OUTER_A, OUTER_B, 17, udp(6081, Bytes.be().u8(1).u8(0)
                .u16(0x6558).u32(0x00123400L).u32(0x01020304L).bytes(ethernetOf(ip)).toArray()))));
        // MACsec with integrity only: SecTAG of 6 bytes (no channel identifier) or 14 (with), a 16-byte ICV after
        w.put("macsec", ip -> Packets.ethernet(0x88E5, Bytes.be().u8(0x00).u8(0).u32(1).u16(etherType(ip)).bytes(ip)
                .bytes(new byte[16]).toArray()));
        w.put("macsec-sci", ip -> Packets.ethernet(0x88E5, Bytes.be().u8(0x20).u8(0).u32(1).u32(0x02000000L).u32(1)
                .u16(etherType(ip)).bytes(ip).bytes(new byte[16]).toArray()));
        w.put("mpls-over-udp", ip -> ethernetOf(Packets.ipv4(OUTER_A, OUTER_B, 17, udp(6635, mplsStack(ip, 2)))));
        w.put("ipv6-outer", ip -> ethernetOf(Packets.ipv6(Packets.v6("2001:db8:0:0:0:0:0:aa"),
                Packets.v6("2001:db8:0:0:0:0:0:bb"), new int[0][], etherType(ip) == Packets.ETH_IPV6 ? 41 : 4,
                ip)));
        return w;
    }

    private List<Trace> read(String name, EchoRun run, UnaryOperator<byte[]> wrap) {
        return read(name, LinkType.ETHERNET, CaptureReader.FAST, run, wrap);
    }

    @Test
    void everyWrappingGivesThePlainEthernetTraces() {
        for (EchoRun run : List.of(RUN, RUN6)) {
            List<Trace> plain = read("plain", run, EncapsulationTest::ethernetOf);
            assertEquals(1, plain.size());
            for (Map.Entry<String, UnaryOperator<byte[]>> w : wrappings().entrySet()) {
                assertEquals(plain, read(w.getKey(), run, w.getValue()), w.getKey() + (run.ipv6() ? " (IPv6)" : ""));
                // a tunnel in a tunnel: the same wrapping twice, where its outer layer is IP
                byte[] once = w.getValue().apply(Frames.ip(run.events(true).get(0), false));
                if (stripEthernet(once) != once) {
                    assertEquals(plain, read(w.getKey() + "2", run, ip -> w.getValue().apply(stripEthernet(w.getValue()
                            .apply(ip)))), w.getKey() + " twice");
                }
            }
        }
    }

    /** Link types of their own: each header before the same IP packets (or the Ethernet frame, for switch tags). */
    static Map<Integer, UnaryOperator<byte[]>> linkTypes() {
        Map<Integer, UnaryOperator<byte[]>> w = new LinkedHashMap<>();
        w.put(LinkType.C_HDLC, ip -> Bytes.be().u8(0x0F).u8(0).u16(etherType(ip)).bytes(ip).toArray());
        w.put(LinkType.IPNET, ip -> Bytes.be().u8(2).u8(etherType(ip) == Packets.ETH_IPV6 ? 26 : 2).u16(0)
                .u32(ip.length).u32(3).u32(0).u32(0).u32(0).bytes(ip).toArray());
        w.put(LinkType.IPOIB, ip -> Bytes.be().bytes(new byte[40]).u16(etherType(ip)).u16(0).bytes(ip).toArray());
        w.put(LinkType.DSA_TAG_BRCM, ip -> tagged(ethernetOf(ip), 12, 4));
        w.put(LinkType.DSA_TAG_BRCM_PREPEND, ip -> tagged(ethernetOf(ip), 0, 4));
        w.put(LinkType.DSA_TAG_DSA, ip -> tagged(ethernetOf(ip), 12, 4));
        w.put(LinkType.DSA_TAG_EDSA, ip -> tagged(ethernetOf(ip), 12, 8));
        return w;
    }

    /** {@code frame} with a tag of {@code length} bytes (0x5A...) inserted at {@code at}. */
    private static byte[] tagged(byte[] frame, int at, int length) {
        byte[] tag = new byte[length];
        java.util.Arrays.fill(tag, (byte) 0x5A);
        return Bytes.be().bytes(java.util.Arrays.copyOf(frame, at)).bytes(tag)
                .bytes(java.util.Arrays.copyOfRange(frame, at, frame.length)).toArray();
    }

    private List<Trace> read(String name, int linkType, CaptureReader reader, EchoRun run, UnaryOperator<byte[]> wrap) {
        CaptureFile.Pcap p = new CaptureFile.Pcap(linkType, false, false);
        for (EchoRun.Event e : run.events(true)) {
            p.packet(e.tNs(), wrap.apply(Frames.ip(e, false)));
        }
        InMemoryImport r = InMemoryImport.capture(CaptureFile.write(tmp.resolve(name + ".pcap"), p.toBytes(), false),
                reader, 2 * S);
        assertNull(r.error, name);
        return r.traces;
    }

    /** Both readers read every link type of their own as plain Ethernet, IPv4 and IPv6. */
    @Test
    void everyLinkTypeGivesThePlainEthernetTraces() {
        for (EchoRun run : List.of(RUN, RUN6)) {
            List<Trace> plain = read("plain", run, EncapsulationTest::ethernetOf);
            for (Map.Entry<Integer, UnaryOperator<byte[]>> w : linkTypes().entrySet()) {
                for (CaptureReader reader : CaptureReader.values()) {
                    assertEquals(plain, read("lt" + w.getKey(), w.getKey(), reader, run, w.getValue()),
                            LinkType.name(w.getKey()) + " " + reader + (run.ipv6() ? " (IPv6)" : ""));
                }
            }
        }
    }

    /** MACsec whose data is encrypted cannot be read: its frames count as not IP. */
    @Test
    void encryptedMacsecIsNotRead() {
        CaptureFile.Pcap p = new CaptureFile.Pcap(1, false, false);
        for (EchoRun.Event e : RUN.events(true)) {
            byte[] ip = Frames.ip(e, false);
            p.packet(e.tNs(), Packets.ethernet(0x88E5, Bytes.be().u8(0x0C).u8(0).u32(1).u16(Packets.ETH_IPV4).bytes(ip)
                    .bytes(new byte[16]).toArray()));
        }
        InMemoryImport r = InMemoryImport.capture(CaptureFile.write(tmp.resolve("sealed.pcap"), p.toBytes(), false),
                CaptureReader.FAST, 2 * S);
        assertEquals(List.of(), r.traces);
        CaptureStats s = r.ingest.captureStats();
        assertEquals(s.frames(), s.notIp());
    }

    /**
     * An IPv6 probe as a jumbogram (RFC 2675): payload length 0, its length in a hop-by-hop
     * jumbo payload option; the decoder takes the frame's end instead of cutting at 0.
     */
    @Test
    void aJumbogramIsReadToTheFramesEnd() {
        List<Trace> plain = read("plain6", RUN6, EncapsulationTest::ethernetOf);
        List<Trace> jumbo = read("jumbo", RUN6, ip -> {
            byte[] rest = java.util.Arrays.copyOfRange(ip, 40, ip.length);
            byte[] hbh = Bytes.be().u8(ip[6] & 0xFF).u8(0).u8(0xC2).u8(4).u32(8 + rest.length).toArray();
            byte[] head = java.util.Arrays.copyOf(ip, 40);
            head[4] = 0;
            head[5] = 0;
            head[6] = 0;
            return ethernetOf(Bytes.be().bytes(head).bytes(hbh).bytes(rest).toArray());
        });
        assertEquals(plain, jumbo);
    }

    /** The IP packet inside an Ethernet frame built by {@link #wrappings()} whose outer layer is IP; else the frame. */
    private static byte[] stripEthernet(byte[] frame) {
        int type = ((frame[12] & 0xFF) << 8) | (frame[13] & 0xFF);
        if (type != Packets.ETH_IPV4 && type != Packets.ETH_IPV6) {
            return frame;
        }
        return java.util.Arrays.copyOfRange(frame, 14, frame.length);
    }
}
