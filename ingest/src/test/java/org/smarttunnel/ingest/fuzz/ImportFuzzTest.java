package org.smarttunnel.ingest.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smarttunnel.ingest.testing.Fixtures.MS;
import static org.smarttunnel.ingest.testing.Fixtures.T0;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.common.io.FileTrees;
import org.smarttunnel.ingest.Diagnostic;
import org.smarttunnel.ingest.ImportOptions;
import org.smarttunnel.ingest.ImportReport;
import org.smarttunnel.ingest.Importer;
import org.smarttunnel.ingest.testing.CaptureFile;
import org.smarttunnel.ingest.testing.EchoRun;
import org.smarttunnel.ingest.testing.Frames;
import org.smarttunnel.ingest.testing.Packets;

/**
 * Mutational fuzzing of {@code import}: seed files of every input format, generated here, are
 * mutated (bits flipped, cut, 32-bit fields set to 0, 2^31, 2^32 - 1 or at random, lines
 * duplicated, dropped or given huge numbers, gzip members cut) and imported one by one. Each
 * input must finish within a time bound, allocate no more than a bound derived from its size,
 * throw nothing (every problem is a diagnostic), and every diagnostic must name the file and an
 * offset or a line. The normal build tries {@code fuzz.inputs} inputs (default 1,500, a few
 * seconds); {@code mvn -pl ingest test -Dtest=ImportFuzzTest -Dfuzz.inputs=100000} runs long.
 */
class ImportFuzzTest {
    private static final int INPUTS = Integer.getInteger("fuzz.inputs", 1500);
    private static final long SEED = Long.getLong("fuzz.seed", 20261128L);
    private static final long TIME_BOUND_S = 10;

    @TempDir
    Path tmp;

    /** What went wrong with one input, for the report. */
    private record Finding(String kind, String seed, int input, String detail) {
    }

    @Test
    void importSurvivesMutatedInputsOfEveryFormat() throws Exception {
        Map<String, byte[]> seeds = seeds();
        List<String> names = new ArrayList<>(seeds.keySet());
        SplittableRandom r = new SplittableRandom(SEED);
        List<Finding> findings = new ArrayList<>();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ExecutorService worker = Executors.newSingleThreadExecutor(daemon());
        try {
            for (int i = 0; i < INPUTS && findings.size() < 20; i++) {
                String seedName = names.get(i % names.size());
                byte[] input = mutate(seeds.get(seedName), seedName.endsWith(".log") || seedName.endsWith(".zing")
                        || seedName.endsWith(".json") || seedName.endsWith(".fping")
                        || seedName.endsWith(".owamp"), r);
                Path file = Files.write(tmp.resolve("in-" + (i % 7) + "-" + seedName), input);
                Path out = tmp.resolve("ds-" + i);
                int decapIndex = (i / names.size()) % org.smarttunnel.ingest.capture.Decap.values().length;
                Future<String> run = worker.submit(() -> {
                    long before = threads.getCurrentThreadAllocatedBytes();
                    ImportReport report = new Importer(ImportOptions.builder().decap(
                            org.smarttunnel.ingest.capture.Decap.values()[decapIndex]).build()).importFiles(List.of(file),
                                    out);
                    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                    long bound = (64L << 20) + 4_000L * input.length;
                    StringBuilder problems = new StringBuilder();
                    if (allocated > bound) {
                        problems.append("allocated ").append(allocated >> 20).append(" MiB for ")
                                .append(input.length).append(" bytes; ");
                    }
                    for (Diagnostic d : report.diagnostics()) {
                        if (!d.file().equals(file.toString()) || !d.where().matches("(offset|line) \\d+|file")) {
                            problems.append("diagnostic without its place: ").append(d).append("; ");
                        }
                    }
                    return problems.toString();
                });
                try {
                    String problems = run.get(TIME_BOUND_S, TimeUnit.SECONDS);
                    if (!problems.isEmpty()) {
                        findings.add(report(new Finding("property", seedName, i, problems), input));
                    }
                } catch (TimeoutException e) {
                    findings.add(report(new Finding("hang", seedName, i, "over " + TIME_BOUND_S + " s"), input));
                    run.cancel(true);
                    worker.shutdownNow();
                    worker = Executors.newSingleThreadExecutor(daemon());
                } catch (java.util.concurrent.ExecutionException e) {
                    findings.add(report(new Finding("exception", seedName, i, String.valueOf(e.getCause())), input));
                }
                try {
                    FileTrees.delete(out);
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // an abandoned (hung) import may still be writing there
                }
            }
        } finally {
            worker.shutdownNow();
        }
        assertEquals(List.of(), findings, "seed " + SEED);
    }

    /**
     * Valid records before the damage are kept: a gzip input cut at any byte, or with any byte
     * of its checksum or length trailer changed, imports exactly as the plain file of what
     * decompressed from it (same index, same trace files), never less.
     */
    @Test
    void aDamagedGzipImportsExactlyWhatDecompressed() throws Exception {
        Map<String, byte[]> seeds = seeds();
        int checked = 0;
        for (String name : List.of("capture.pcap.gz", "probes.zing.gz", "run.json.gz")) {
            byte[] gz = seeds.get(name);
            byte[] plain = seeds.get(name.substring(0, name.length() - 3));
            List<byte[]> damaged = new ArrayList<>();
            // every cut of the small seeds; of irtt's larger JSON every seventh (the build's time)
            int stride = name.startsWith("run.json") ? 7 : 1;
            for (int cut = 10; cut < gz.length; cut += stride) {
                damaged.add(java.util.Arrays.copyOf(gz, cut));
            }
            for (int at = gz.length - 8; at < gz.length; at++) {
                byte[] b = gz.clone();
                b[at] ^= 0x5A;
                damaged.add(b);
            }
            for (byte[] b : damaged) {
                int kept = decompressedPrefix(b);
                String got = dataset(name, b, "gz-" + checked);
                String expected = dataset(name.substring(0, name.length() - 3),
                        java.util.Arrays.copyOf(plain, kept), "plain-" + checked);
                assertEquals(expected, got, name + " damaged to " + b.length + " bytes, " + kept + " decompressed");
                checked++;
            }
        }
        System.out.println("fuzz: " + checked + " damaged gzip inputs import what decompressed");
    }

    /** How many bytes a gzip reader gets out of {@code gz} before it fails. */
    private static int decompressedPrefix(byte[] gz) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz),
                1)) {
            byte[] buf = new byte[1];
            for (int n; (n = in.read(buf)) > 0;) {
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            // what came out before the failure is what there is
        }
        return out.size();
    }

    /** The index and every trace file of importing {@code input} (named {@code name}) into a fresh dataset. */
    private String dataset(String name, byte[] input, String tag) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(tag));
        Path file = Files.write(dir.resolve(name), input);
        Path out = dir.resolve("ds");
        new Importer(ImportOptions.defaults()).importFiles(List.of(file), out);
        StringBuilder sb = new StringBuilder();
        if (Files.isRegularFile(out.resolve("index.csv"))) {
            sb.append(Files.readString(out.resolve("index.csv")));
            try (java.util.stream.Stream<Path> traces = Files.list(out.resolve("traces"))) {
                for (Path t : (Iterable<Path>) traces.sorted()::iterator) {
                    sb.append(t.getFileName()).append('\n').append(Files.readString(t));
                }
            }
        }
        FileTrees.delete(dir);
        return sb.toString();
    }

    /** A finding, printed as found, its input kept under target/fuzz-findings for a rerun. */
    private static Finding report(Finding f, byte[] input) throws IOException {
        System.out.println("fuzz: " + f);
        Path dir = Files.createDirectories(Path.of("target", "fuzz-findings"));
        Files.write(dir.resolve(f.kind() + "-" + f.input() + "-" + f.seed()), input);
        return f;
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return job -> {
            Thread t = new Thread(job, "fuzz");
            t.setDaemon(true);
            return t;
        };
    }

    /** One mutation of {@code seed} (sometimes two or three). */
    static byte[] mutate(byte[] seed, boolean text, SplittableRandom r) {
        byte[] b = seed.clone();
        int rounds = 1 + (r.nextInt(4) == 0 ? r.nextInt(3) : 0);
        for (int k = 0; k < rounds && b.length > 0; k++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(text ? 8 : 6)) {
                case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b = java.util.Arrays.copyOf(b, at);
                case 2, 3 -> {
                    int p = at & ~3;
                    long v = switch (r.nextInt(4)) {
                        case 0 -> 0;
                        case 1 -> 1L << 31;
                        case 2 -> 0xFFFFFFFFL;
                        default -> r.nextLong(1L << 32);
                    };
                    for (int j = 0; j < 4 && p + j < b.length; j++) {
                        b[p + j] = (byte) (v >>> (8 * j));
                    }
                }
                case 4 -> {
                    byte[] out = new byte[b.length + 1];
                    System.arraycopy(b, 0, out, 0, at);
                    out[at] = (byte) r.nextInt(256);
                    System.arraycopy(b, at, out, at + 1, b.length - at);
                    b = out;
                }
                case 5 -> {
                    if (isGzip(b)) {
                        b = java.util.Arrays.copyOf(b, Math.max(10, b.length - 1 - r.nextInt(Math.min(b.length, 64))));
                    } else {
                        b[at] = (byte) r.nextInt(256);
                    }
                }
                default -> b = mutateLines(b, r);
            }
        }
        return b;
    }

    /** Text: a line duplicated, dropped, or one of its numbers made huge, zero or negative. */
    private static byte[] mutateLines(byte[] b, SplittableRandom r) {
        List<String> lines = new ArrayList<>(List.of(new String(b, StandardCharsets.ISO_8859_1).split("\n", -1)));
        int at = r.nextInt(lines.size());
        switch (r.nextInt(3)) {
            case 0 -> lines.add(at, lines.get(at));
            case 1 -> lines.remove(at);
            default -> {
                String[] values = {"0", "2147483648", "4294967296", "99999999999999999999", "-1", "9999999999",
                        "1.5e300", "65536"};
                lines.set(at, lines.get(at).replaceFirst("\\d+", values[r.nextInt(values.length)]));
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean isGzip(byte[] b) {
        return b.length > 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B;
    }

    /** Seed files of every format, small (most under 2 KB, as a fuzzer likes them). */
    private Map<String, byte[]> seeds() throws IOException {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        int a = Packets.v4("10.0.0.1");
        int b = Packets.v4("192.0.2.7");
        EchoRun run = EchoRun.gilbert(a, b, 7, 0, 12, T0, 2 * MS, 0.1, 0.3, 7);
        CaptureFile.Pcap pcap = new CaptureFile.Pcap(1, false, false);
        CaptureFile.Pcapng pcapng = new CaptureFile.Pcapng(false).iface(1, 6, 0);
        CaptureFile.Pcap tunnels = new CaptureFile.Pcap(1, false, false);
        // Cisco HDLC, IPNET, IP over InfiniBand, Marvell EDSA, and MACsec on Ethernet
        CaptureFile.Pcapng links = new CaptureFile.Pcapng(false).iface(104, 6, 0).iface(226, 6, 0).iface(242, 6, 0)
                .iface(285, 6, 0).iface(1, 6, 0);
        int k = 0;
        for (EchoRun.Event e : run.events(true)) {
            byte[] ip = Frames.ip(e, false);
            byte[] inner = Packets.ethernet(Packets.ETH_IPV4, ip);
            byte[] outer = switch (k++ % 3) {
                case 0 -> Packets.ipv4(a + 100, b + 100, 17, org.smarttunnel.ingest.testing.Bytes.be().u16(40000)
                        .u16(4789).u16(16 + inner.length).u16(0).u32(0x08000000L).u32(0x100L).bytes(inner).toArray());
                case 1 -> Packets.ipv4(a + 100, b + 100, 47, org.smarttunnel.ingest.testing.Bytes.be().u16(0x2000)
                        .u16(0x0800).u32(42).bytes(ip).toArray());
                default -> Packets.ipv4(a + 100, b + 100, 4, ip);
            };
            tunnels.packet(e.tNs(), Packets.ethernet(0x8847, org.smarttunnel.ingest.testing.Bytes.be().u32(0x64140L)
                    .bytes(outer).toArray()));
            byte[] eth = Packets.ethernet(Packets.ETH_IPV4, ip);
            byte[] link = switch (k % 5) {
                case 0 -> org.smarttunnel.ingest.testing.Bytes.be().u8(0x0F).u8(0).u16(0x0800).bytes(ip).toArray();
                case 1 -> org.smarttunnel.ingest.testing.Bytes.be().u8(2).u8(2).u16(0).u32(ip.length).zeros(16)
                        .bytes(ip).toArray();
                case 2 -> org.smarttunnel.ingest.testing.Bytes.be().zeros(40).u16(0x0800).u16(0).bytes(ip).toArray();
                case 3 -> org.smarttunnel.ingest.testing.Bytes.be().bytes(java.util.Arrays.copyOf(eth, 12))
                        .u16(0xDADA).u16(0).u32(0xC0000000L).bytes(java.util.Arrays.copyOfRange(eth, 12, eth.length))
                        .toArray();
                default -> Packets.ethernet(0x88E5, org.smarttunnel.ingest.testing.Bytes.be().u8(0x20).u8(0).u32(k)
                        .u32(1).u32(2).u16(0x0800).bytes(ip).zeros(16).toArray());
            };
            links.packet(k % 5, e.tNs(), link);
            pcap.packet(e.tNs(), Frames.ethernet(false).apply(e));
            pcapng.packet(0, e.tNs(), Frames.ethernet(true).apply(e));
        }
        seeds.put("capture.pcap", pcap.toBytes());
        seeds.put("capture.pcapng", pcapng.toBytes());
        seeds.put("capture.pcap.gz", gzip(pcap.toBytes()));
        seeds.put("tunnels.pcap", tunnels.toBytes());
        seeds.put("links.pcapng", links.toBytes());
        StringBuilder ping = new StringBuilder("PING 192.0.2.7 (192.0.2.7) 56(84) bytes of data.\n");
        StringBuilder stamped = new StringBuilder("PING 192.0.2.7 (192.0.2.7) 56(84) bytes of data.\n");
        StringBuilder ts = new StringBuilder("2024-09-12 10:01:00 | PING 192.0.2.7 (192.0.2.7) 56(84) bytes of data.\n");
        StringBuilder zing = new StringBuilder("# zing 1\n# host=alpha site=paris\n");
        for (int i = 1; i <= 12; i++) {
            String reply = "64 bytes from 192.0.2.7: icmp_seq=" + i + " ttl=57 time=3" + i + ".2 ms\n";
            if (i % 5 != 0) {
                ping.append(reply);
                stamped.append("[17261223").append(70 + i).append(".000").append(i).append("] ").append(reply);
                ts.append(String.format(java.util.Locale.ROOT, "2024-09-12 10:01:%02d | ", i)).append(reply);
            } else {
                stamped.append("[17261223").append(70 + i).append(".5] no answer yet for icmp_seq=").append(i)
                        .append('\n');
            }
            zing.append(i).append(' ').append(1726122370 + i).append(".000 ")
                    .append(i % 5 == 0 ? "-" : (1726122370 + i) + ".031").append('\n');
        }
        ping.append("\n--- 192.0.2.7 ping statistics ---\n12 packets transmitted, 10 received, 16% packet loss, "
                + "time 11013ms\n");
        seeds.put("iputils.log", ping.toString().getBytes(StandardCharsets.UTF_8));
        seeds.put("stamped.log", stamped.toString().getBytes(StandardCharsets.UTF_8));
        seeds.put("ts.log", ts.toString().getBytes(StandardCharsets.UTF_8));
        seeds.put("probes.zing", zing.toString().getBytes(StandardCharsets.UTF_8));
        seeds.put("probes.zing.gz", gzip(zing.toString().getBytes(StandardCharsets.UTF_8)));
        // irtt: every lost status, a reply past the timeout
        long t0 = 1_726_122_370_000_000_000L;
        org.smarttunnel.ingest.testing.IrttFile irtt = new org.smarttunnel.ingest.testing.IrttFile()
                .add(org.smarttunnel.ingest.testing.IrttFile.Trip.received(t0, 20_000_000L, 1_000_000L, 30_000_000L))
                .add(org.smarttunnel.ingest.testing.IrttFile.Trip.lost(t0 + 10_000_000L, "true_up"))
                .add(org.smarttunnel.ingest.testing.IrttFile.Trip.lost(t0 + 20_000_000L, "true_down"))
                .add(org.smarttunnel.ingest.testing.IrttFile.Trip.lost(t0 + 30_000_000L, "true"))
                .add(org.smarttunnel.ingest.testing.IrttFile.Trip.received(t0 + 40_000_000L, 10_000_000L, 0,
                        2_500_000_000L));
        seeds.put("run.json", irtt.text().getBytes(StandardCharsets.UTF_8));
        StringBuilder fping = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            for (String target : List.of("192.0.2.7", "a.example")) {
                fping.append("[17261223").append(70 + i).append(".0").append(i).append("000] ").append(target).append(" : [")
                        .append(i).append(i % 3 == 2 ? "], timed out (1.0 avg, 10% loss)\n"
                                : "], 64 bytes, 1" + i + ".5 ms (1.0 avg, 0% loss)\n");
            }
        }
        fping.append("\n192.0.2.7 : xmt/rcv/%loss = 9/6/33%, min/avg/max = 10.5/13.0/17.5\n");
        seeds.put("probes.fping", fping.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder owamp = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            String send = org.smarttunnel.ingest.owamp.OwampFormatTest.stamp(1_726_122_370L + i, 1L << 28);
            owamp.append(org.smarttunnel.ingest.owamp.OwampFormatTest.record(i, send, i % 4 == 3
                    ? "00000000000000000000" : org.smarttunnel.ingest.owamp.OwampFormatTest.stamp(1_726_122_370L + i,
                    3L << 28)));
        }
        seeds.put("records.owamp", owamp.toString().getBytes(StandardCharsets.UTF_8));
        seeds.put("run.json.gz", gzip(irtt.text().getBytes(StandardCharsets.UTF_8)));
        return seeds;
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }
}
