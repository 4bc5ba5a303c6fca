package org.smarttunnel.ingest.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.smarttunnel.ingest.testing.Fixtures.MS;
import static org.smarttunnel.ingest.testing.Fixtures.T0;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.ingest.ImportOptions;
import org.smarttunnel.ingest.testing.Bytes;
import org.smarttunnel.ingest.testing.CaptureFile;
import org.smarttunnel.ingest.testing.EchoRun;
import org.smarttunnel.ingest.testing.Frames;
import org.smarttunnel.ingest.testing.InMemoryImport;
import org.smarttunnel.ingest.testing.Packets;
import org.smarttunnel.ingest.trace.Trace;

/**
 * --decap: two probe streams between the same two hosts, each through its own tunnel (GRE
 * between 198.51.100.1 and .2, VXLAN between 203.0.113.1 and .2; replies come back with the
 * tunnel's endpoints swapped), and a third outside any tunnel. inner names all three by the
 * probes' own endpoints; outer names the tunnelled ones by their tunnel; both gives five traces.
 */
class DecapTest {
    @TempDir
    Path tmp;

    private static final int HOST = Packets.v4("10.0.0.1");
    private static final int SITE = Packets.v4("192.0.2.7");
    private static final int GRE_A = Packets.v4("198.51.100.1");
    private static final int GRE_B = Packets.v4("198.51.100.2");
    private static final int VX_A = Packets.v4("203.0.113.1");
    private static final int VX_B = Packets.v4("203.0.113.2");
    private static final EchoRun VIA_GRE = EchoRun.gilbert(HOST, SITE, 7, 0, 150, T0, 20 * MS, 0.05, 0.3, 1);
    private static final EchoRun VIA_VXLAN = EchoRun.gilbert(HOST, SITE, 8, 0, 150, T0 + 3 * MS, 20 * MS, 0.08, 0.4,
            2);
    private static final EchoRun PLAIN = EchoRun.gilbert(HOST, SITE, 9, 0, 150, T0 + 7 * MS, 20 * MS, 0.03, 0.2, 3);

    private static byte[] gre(EchoRun.Event e, byte[] ip) {
        return Packets.ethernet(Packets.ETH_IPV4, Packets.ipv4(e.request() ? GRE_A : GRE_B, e.request() ? GRE_B : GRE_A,
                47, Bytes.be().u16(0).u16(Packets.ETH_IPV4).bytes(ip).toArray()));
    }

    private static byte[] vxlan(EchoRun.Event e, byte[] ip) {
        byte[] inner = Packets.ethernet(Packets.ETH_IPV4, ip);
        byte[] vx = Bytes.be().u32(0x08000000L).u32(0x00123400L).bytes(inner).toArray();
        byte[] udp = Bytes.be().u16(40000).u16(4789).u16(8 + vx.length).u16(0).bytes(vx).toArray();
        return Packets.ethernet(Packets.ETH_IPV4, Packets.ipv4(e.request() ? VX_A : VX_B, e.request() ? VX_B : VX_A,
                17, udp));
    }

    private Map<String, Trace> read(Decap decap) {
        List<Object[]> frames = new ArrayList<>();
        for (EchoRun.Event e : VIA_GRE.events(true)) {
            frames.add(new Object[] {e.tNs(), gre(e, Frames.ip(e, false))});
        }
        for (EchoRun.Event e : VIA_VXLAN.events(true)) {
            frames.add(new Object[] {e.tNs(), vxlan(e, Frames.ip(e, false))});
        }
        for (EchoRun.Event e : PLAIN.events(true)) {
            frames.add(new Object[] {e.tNs(), Packets.ethernet(Packets.ETH_IPV4, Frames.ip(e, false))});
        }
        frames.sort(Comparator.comparingLong(f -> (Long) f[0]));
        CaptureFile.Pcap p = new CaptureFile.Pcap(1, false, false);
        for (Object[] f : frames) {
            p.packet((Long) f[0], (byte[]) f[1]);
        }
        Path file = CaptureFile.write(tmp.resolve(decap.id() + ".pcap"), p.toBytes(), false);
        InMemoryImport r = InMemoryImport.format(new CaptureFormat(), file, ImportOptions.builder()
                .reader(CaptureReader.FAST).decap(decap).build());
        assertNull(r.error);
        Map<String, Trace> byId = new TreeMap<>();
        for (Trace t : r.traces) {
            byId.put(t.id(), t);
        }
        return byId;
    }

    @Test
    void tunnelsNameThePathsAsAsked() {
        Map<String, Trace> inner = read(Decap.INNER);
        assertEquals(List.of("10.0.0.1_192.0.2.7_7", "10.0.0.1_192.0.2.7_8", "10.0.0.1_192.0.2.7_9"),
                List.copyOf(inner.keySet()));
        Map<String, Trace> outer = read(Decap.OUTER);
        assertEquals(List.of("10.0.0.1_192.0.2.7_9", "198.51.100.1_198.51.100.2_7", "203.0.113.1_203.0.113.2_8"),
                List.copyOf(outer.keySet()));
        assertEquals("198.51.100.1", outer.get("198.51.100.1_198.51.100.2_7").info().host());
        assertEquals("198.51.100.2", outer.get("198.51.100.1_198.51.100.2_7").info().site());
        Map<String, Trace> both = read(Decap.BOTH);
        assertEquals(5, both.size());
        // the same probes, whatever names them
        assertEquals(InMemoryImport.probes(inner.get("10.0.0.1_192.0.2.7_7")),
                InMemoryImport.probes(outer.get("198.51.100.1_198.51.100.2_7")));
        assertEquals(InMemoryImport.probes(inner.get("10.0.0.1_192.0.2.7_8")),
                InMemoryImport.probes(both.get("203.0.113.1_203.0.113.2_8")));
        assertEquals(InMemoryImport.probes(inner.get("10.0.0.1_192.0.2.7_8")),
                InMemoryImport.probes(both.get("10.0.0.1_192.0.2.7_8")));
        assertEquals(InMemoryImport.probes(inner.get("10.0.0.1_192.0.2.7_9")),
                InMemoryImport.probes(outer.get("10.0.0.1_192.0.2.7_9")));
        Trace gre = inner.get("10.0.0.1_192.0.2.7_7");
        assertEquals(150, gre.size());
        assertEquals(true, gre.loss().lossCount() > 0, "the run loses probes");
    }

    @Test
    void decapIsOneOfThreeWords() {
        assertEquals(Decap.OUTER, Decap.parse("outer"));
        org.junit.jupiter.api.Assertions.assertThrows(org.smarttunnel.common.options.InvalidSettingException.class,
                () -> Decap.parse("middle"));
    }
}
