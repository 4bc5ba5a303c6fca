package org.smarttunnel.ingest.testing;

import static org.smarttunnel.ingest.testing.Packets.ETH_IPV4;
import static org.smarttunnel.ingest.testing.Packets.ETH_IPV6;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.smarttunnel.ingest.trace.Probe;

/** Every capture variant the importer must read, each with the traces it must give. */
public final class Fixtures {
    public static final long MS = 1_000_000L;
    public static final long S = 1_000_000_000L;
    public static final long T0 = 1_726_122_373L * S;
    public static final long TIMEOUT = 2 * S;
    static final int A = Packets.v4("10.0.0.1");
    static final int B = Packets.v4("192.0.2.7");
    static final int C = Packets.v4("198.51.100.9");
    static final byte[] A6 = Packets.v6("2001:db8:0:0:0:0:0:a");
    static final byte[] B6 = Packets.v6("2001:db8:1:0:0:0:0:b");

    private Fixtures() {
    }

    static String key(EchoRun r) {
        return r.ipv6() ? "2001:db8::a>2001:db8:1::b#" + r.ident : addr(r.src) + ">" + addr(r.dst) + "#" + r.ident;
    }

    static String addr(int a) {
        return (a >>> 24) + "." + ((a >>> 16) & 255) + "." + ((a >>> 8) & 255) + "." + (a & 255);
    }

    static EchoRun v4(int ident, int firstSeq, long seed) {
        return EchoRun.gilbert(A, B, ident, firstSeq, 600, T0 + seed * 1000, 2 * MS, 0.03, 0.3, seed);
    }

    static EchoRun v6(int ident, long seed) {
        return EchoRun.gilbert(A, B, ident, 0, 500, T0 + seed * 1000 + 500_000, 2 * MS, 0.03, 0.3, seed)
                .asIpv6(A6, B6);
    }

    static Map<String, List<Probe>> expect(boolean requests, EchoRun... runs) {
        Map<String, List<Probe>> m = new LinkedHashMap<>();
        for (EchoRun r : runs) {
            m.put(key(r), requests ? r.expected(TIMEOUT) : r.expectedReplyOnly(TIMEOUT));
        }
        return m;
    }

    static Fixture pcap(String name, int linkType, boolean bigEndian, boolean nanos, boolean gzip, boolean requests,
            Function<EchoRun.Event, byte[]> frame, EchoRun... runs) {
        return new Fixture(name, dir -> {
            CaptureFile.Pcap p = new CaptureFile.Pcap(linkType, bigEndian, nanos);
            for (EchoRun.Event e : EchoRun.merge(requests, runs)) {
                p.packet(e.tNs(), frame.apply(e));
            }
            return CaptureFile.write(dir.resolve(name + (gzip ? ".pcap.gz" : ".pcap")), p.toBytes(), gzip);
        }, expect(requests, runs));
    }

    /** Frames with the IP packet wrapped by a link-layer function chosen by address family. */
    static Function<EchoRun.Event, byte[]> link(Function<byte[], byte[]> v4, Function<byte[], byte[]> v6,
            boolean payloadTimestamp) {
        return e -> {
            byte[] ip = Frames.ip(e, payloadTimestamp);
            return e.run().ipv6() ? v6.apply(ip) : v4.apply(ip);
        };
    }

    public static List<Fixture> all() {
        List<Fixture> f = new ArrayList<>();
        f.add(pcap("pcap-us-le-ethernet", 1, false, false, false, true, Frames.ethernet(false), v4(1, 0, 1),
                v6(2, 2)));
        f.add(pcap("pcap-us-be-vlan", 1, true, false, false, true,
                link(ip -> Packets.ethernet(ETH_IPV4, ip, 100), ip -> Packets.ethernet(ETH_IPV6, ip, 100, 200), false),
                v4(3, 65_300, 3), v6(4, 4)));
        f.add(pcap("pcap-ns-le-sll", 113, false, true, false, true,
                link(ip -> Packets.sll(ETH_IPV4, ip), ip -> Packets.sll(ETH_IPV6, ip), false), v4(5, 9, 5), v6(6, 6)));
        f.add(pcap("pcap-ns-be-sll2", 276, true, true, false, true,
                link(ip -> Packets.sll2(ETH_IPV4, ip), ip -> Packets.sll2(ETH_IPV6, ip), false), v4(7, 0, 7),
                v6(8, 8)));
        f.add(pcap("pcap-raw", 101, false, false, false, true, Frames.raw(false), v4(9, 0, 9), v6(10, 10)));
        f.add(pcap("pcap-ipv4-linktype", 228, false, true, false, true, Frames.raw(false), v4(11, 0, 11)));
        f.add(pcap("pcap-ipv6-linktype", 229, true, false, false, true, Frames.raw(false), v6(12, 12)));
        f.add(pcap("pcap-bsd-null", 0, false, false, false, true,
                link(ip -> Packets.nullLoopback(2, false, ip), ip -> Packets.nullLoopback(30, false, ip), false),
                v4(13, 0, 13), v6(14, 14)));
        f.add(pcap("pcap-openbsd-loop", 108, true, false, false, true,
                link(ip -> Packets.nullLoopback(2, true, ip), ip -> Packets.nullLoopback(24, true, ip), false),
                v4(15, 0, 15), v6(16, 16)));
        f.add(pcap("pcap-ppp-via-pcap4j", 9, false, false, false, true,
                link(ip -> Packets.ppp(0x0021, ip), ip -> Packets.ppp(0x0057, ip), false), v4(17, 0, 17)));
        f.add(pcap("pcap-gzip", 1, false, true, true, true, Frames.ethernet(false), v4(18, 0, 18), v6(19, 19)));
        f.add(pcap("pcap-reply-only-iputils", 1, false, false, false, false, Frames.ethernet(true), v4(20, 0, 20),
                v6(21, 21)));
        f.add(replyOnlyBsd());
        f.add(ipv6ExtensionHeaders());
        f.add(ipv4OptionsFragmentsAndNoise());
        f.add(pcapngInterfaces(false, false));
        f.add(pcapngInterfaces(true, true));
        f.add(pcapngBinaryResolution());
        f.add(pcapngTwoSections(false));
        return f;
    }

    /**
     * Captures only the fast reader reads: libpcap 1.10 reads every section header in the
     * first section's byte order, so it cannot read sections of different byte orders.
     */
    public static List<Fixture> fastOnly() {
        return List.of(pcapngTwoSections(true), pcapngMixedLinkTypes());
    }

    /** {@code dumpcap -i eth0 -i any}: an Ethernet and a Linux SLL interface in one file. */
    static Fixture pcapngMixedLinkTypes() {
        EchoRun a = v4(42, 0, 42);
        EchoRun b = EchoRun.gilbert(A, C, 43, 0, 500, T0 + 300_000, 2 * MS, 0.02, 0.4, 43);
        return new Fixture("pcapng-mixed-link-types", dir -> {
            CaptureFile.Pcapng p = new CaptureFile.Pcapng(false);
            p.iface(1, 6, 0).iface(113, 9, 0);
            for (EchoRun.Event e : EchoRun.merge(true, a, b)) {
                if (e.run() == a) {
                    p.packet(0, e.tNs(), Frames.ethernet(false).apply(e));
                } else {
                    p.packet(1, e.tNs(), Packets.sll(ETH_IPV4, Frames.ip(e, false)));
                }
            }
            return CaptureFile.write(dir.resolve("mixed.pcapng"), p.toBytes(), false);
        }, expect(true, a, b));
    }

    static Fixture replyOnlyBsd() {
        EchoRun r = v4(22, 0, 22);
        return new Fixture("pcap-reply-only-bsd", dir -> {
            CaptureFile.Pcap p = new CaptureFile.Pcap(1, true, false);
            for (EchoRun.Event e : r.events(false)) {
                byte[] icmp = Packets.echo(0, r.ident, e.seq(), Packets.bsdPayload(r.sendNs[e.probe()], 56));
                p.packet(e.tNs(), Packets.ethernet(ETH_IPV4, Packets.ipv4(r.dst, r.src, 1, icmp)));
            }
            return CaptureFile.write(dir.resolve("reply-only-bsd.pcap"), p.toBytes(), false);
        }, expect(false, r));
    }

    static Fixture ipv6ExtensionHeaders() {
        EchoRun r = v6(23, 23);
        int[][] ext = {{0, 8}, {60, 16}, {43, 24}, {44, 8}};
        return new Fixture("pcap-ipv6-extension-headers", dir -> {
            CaptureFile.Pcap p = new CaptureFile.Pcap(1, false, false);
            for (EchoRun.Event e : r.events(true)) {
                byte[] icmp = Packets.echo(e.request() ? 128 : 129, r.ident, e.seq(), Packets.zeros(40));
                byte[] ip = e.request() ? Packets.ipv6(A6, B6, ext, 58, icmp) : Packets.ipv6(B6, A6, ext, 58, icmp);
                p.packet(e.tNs(), Packets.ethernet(ETH_IPV6, ip));
            }
            return CaptureFile.write(dir.resolve("ipv6-ext.pcap"), p.toBytes(), false);
        }, expect(true, r));
    }

    /**
     * IPv4 with header options; requests sent as first fragments (MF set) followed by a later
     * fragment; plus TCP, UDP, ICMP errors, ARP, a truncated echo and an IPv6 later fragment.
     */
    static Fixture ipv4OptionsFragmentsAndNoise() {
        EchoRun r = v4(24, 0, 24);
        return new Fixture("pcap-ipv4-options-fragments-noise", dir -> {
            CaptureFile.Pcap p = new CaptureFile.Pcap(1, false, true);
            for (EchoRun.Event e : r.events(true)) {
                byte[] icmp = Packets.echo(e.request() ? 8 : 0, r.ident, e.seq(), Packets.zeros(56));
                if (e.request()) {
                    p.packet(e.tNs(), Packets.ethernet(ETH_IPV4, Packets.ipv4(A, B, 1, icmp, 0, true, 2)));
                    p.packet(e.tNs() + 1000, Packets.ethernet(ETH_IPV4,
                            Packets.ipv4(A, B, 1, Packets.echo(8, r.ident, 999, Packets.zeros(8)), 10, false, 0)));
                } else {
                    p.packet(e.tNs(), Packets.ethernet(ETH_IPV4, Packets.ipv4(B, A, 1, icmp, 0, false, 1)));
                }
                if (e.probe() % 50 == 0 && e.request()) {
                    long t = e.tNs() + 2000;
                    p.packet(t, Packets.ethernet(ETH_IPV4, Packets.ipv4(A, C, 6, Packets.zeros(20))));
                    p.packet(t + 1, Packets.ethernet(ETH_IPV4, Packets.ipv4(A, C, 17, Packets.zeros(8))));
                    p.packet(t + 2, Packets.ethernet(ETH_IPV4,
                            Packets.ipv4(C, A, 1, Packets.echo(3, 0, 0, Packets.zeros(28)))));
                    p.packet(t + 3, Packets.ethernet(0x0806, Packets.zeros(28)));
                    byte[] cut = Packets.ethernet(ETH_IPV4, Packets.ipv4(A, C, 1, Packets.echo(8, 5, 5, new byte[0])));
                    p.packet(t + 4, java.util.Arrays.copyOf(cut, 14 + 20 + 4));
                    p.packet(t + 5, Packets.ethernet(ETH_IPV6, Packets.ipv6(A6, B6, new int[0][], 17, Packets.zeros(8))));
                }
            }
            return CaptureFile.write(dir.resolve("ipv4-noise.pcap"), p.toBytes(), false);
        }, expect(true, r));
    }

    /**
     * Two Ethernet interfaces with different {@code if_tsresol} (micro, nano, milli with
     * offsets), enhanced and obsolete packet blocks, and blocks that carry no packets.
     */
    static Fixture pcapngInterfaces(boolean bigEndian, boolean gzip) {
        EchoRun a = v4(31, 0, 31);
        EchoRun b = wholeMilliseconds(EchoRun.gilbert(A, C, 32, 0, 300, T0, 20 * MS, 0.05, 0.3, 32));
        String name = "pcapng-interfaces" + (bigEndian ? "-be" : "-le") + (gzip ? "-gzip" : "");
        return new Fixture(name, dir -> {
            CaptureFile.Pcapng p = new CaptureFile.Pcapng(bigEndian);
            p.iface(1, -1, 0).iface(1, 9, 0).iface(1, 3, 1_000_000_000L);
            p.otherBlocks();
            for (EchoRun.Event e : EchoRun.merge(true, a, b)) {
                byte[] frame = Frames.ethernet(false).apply(e);
                if (e.run() == b) {
                    p.obsoletePacket(2, e.tNs(), frame);
                } else {
                    p.packet(e.request() ? 0 : 1, e.tNs(), frame);
                }
            }
            return CaptureFile.write(dir.resolve(name + (gzip ? ".pcapng.gz" : ".pcapng")), p.toBytes(), gzip);
        }, expect(true, a, b));
    }

    /** The same run with reply delays rounded down to whole milliseconds (for a millisecond interface). */
    static EchoRun wholeMilliseconds(EchoRun r) {
        long[] delay = r.delayNs.clone();
        for (int i = 0; i < delay.length; i++) {
            if (delay[i] > 0) {
                delay[i] = delay[i] / MS * MS;
            }
        }
        return new EchoRun(r.src, r.dst, r.ident, r.firstSeq, r.sendNs, delay);
    }

    /** Timestamps in units of 2^-20 s; times are multiples of 1/64 s so they are exact. */
    static Fixture pcapngBinaryResolution() {
        int n = 400;
        long[] send = new long[n];
        long[] delay = new long[n];
        for (int i = 0; i < n; i++) {
            send[i] = T0 + i * 15_625_000L;
            delay[i] = i % 7 == 3 ? -1 : 31_250_000L;
        }
        EchoRun r = new EchoRun(A, B, 40, 0, send, delay);
        return new Fixture("pcapng-binary-tsresol", dir -> {
            CaptureFile.Pcapng p = new CaptureFile.Pcapng(false);
            p.iface(1, 0x80 | 20, 0);
            for (EchoRun.Event e : r.events(true)) {
                p.packet(0, e.tNs(), Frames.ethernet(false).apply(e));
            }
            return CaptureFile.write(dir.resolve("binary.pcapng"), p.toBytes(), false);
        }, expect(true, r));
    }

    /** A second section (in the other byte order if asked) redefines the interfaces. */
    static Fixture pcapngTwoSections(boolean swapOrder) {
        EchoRun r = v4(41, 0, 41);
        String name = swapOrder ? "pcapng-two-sections-byte-orders" : "pcapng-two-sections";
        return new Fixture(name, dir -> {
            CaptureFile.Pcapng p = new CaptureFile.Pcapng(false);
            p.iface(1, 9, 0);
            List<EchoRun.Event> events = r.events(true);
            int half = events.size() / 2;
            for (int i = 0; i < events.size(); i++) {
                if (i == half) {
                    p.section(swapOrder).iface(1, 6, 0);
                }
                p.packet(0, events.get(i).tNs(), Frames.ethernet(false).apply(events.get(i)));
            }
            return CaptureFile.write(dir.resolve(name + ".pcapng"), p.toBytes(), false);
        }, expect(true, r));
    }

    /** Requester/target keys and probes of a trace list, for comparing with a fixture. */
    public static Map<String, List<Probe>> byKey(List<org.smarttunnel.ingest.trace.Trace> traces) {
        Map<String, List<Probe>> m = new LinkedHashMap<>();
        for (org.smarttunnel.ingest.trace.Trace t : traces) {
            m.put(t.id(), InMemoryImport.probes(t));
        }
        return m;
    }

    public static Path dirFor(Path root, Fixture f) {
        return root.resolve(f.name());
    }
}
