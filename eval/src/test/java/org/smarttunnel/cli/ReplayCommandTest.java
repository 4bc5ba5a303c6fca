package org.smarttunnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
    @TempDir
    Path tmp;

    /** A zing trace of 16 probes 0.125 s apart (two 1 s intervals), losses as given ('1' = lost). */
    private Path zing(String host, String bits) throws Exception {
        StringBuilder z = new StringBuilder("# zing 1\n# host=" + host + " site=s\n");
        for (int i = 0; i < bits.length(); i++) {
            long ms = 125L * i;
            String send = (1_700_000_000L + ms / 1000) + "." + String.format("%03d", ms % 1000);
            String recv = (1_700_000_000L + ms / 1000) + "." + String.format("%03d", ms % 1000 + 10 >= 1000 ? 999
                    : ms % 1000 + 10);
            z.append(i).append(' ').append(send).append(' ').append(bits.charAt(i) == '1' ? "-" : recv).append('\n');
        }
        return Files.writeString(tmp.resolve(host + ".zing"), z.toString());
    }

    private Path dataset() throws Exception {
        Path a = zing("a", "10000000" + "00001100");
        Path b = zing("b", "01000000" + "00000001");
        Path ds = tmp.resolve("ds");
        assertEquals(0, Cli.run("import", "--out", ds, "--interval", "1s", a, b).status);
        return ds;
    }

    /**
     * G = 4, R = 1, rr: slots 0..3 on paths a, b, a, b; slots 0-2 data, 3 redundancy.
     * Interval 0: group 0 loses a's slot 0 and b's slot 1, both data (X = 2 > 1): 2 lost;
     * group 1 clean. Interval 1: group 1 loses a's slot 0 (data) and b's slot 3 (redundancy):
     * X + Y = 2 > 1, 1 data packet lost.
     *
     * <p>Time: probes 125 ms apart (the spacing Δ), one-way delay 10/2 = 5 ms. Interval 0: data 2
     * arrives at 255 ms but waits for group 0's give-up at its last arrival (slot 3, 375 + 5 =
     * 380 ms): in-order delay 130 ms, held [255, 380); delivered 4 of 6, in-order delays 130, 5,
     * 5, 5 (mean 36.25); late 2/6 (given up). Interval 1: group 1 fails (slots 4 and 7 lost), given
     * up at slot 6's arrival, 755 ms; data 4 (arrived 630 ms) waits for it: in-order 130 ms; in-order
     * mean (5 + 5 + 5 + 130 + 5) / 5 = 30; late 1/6.
     */
    @Test
    void handWorkedRoundRobinReplay() throws Exception {
        Path ds = dataset();
        Path out = tmp.resolve("replay.csv");
        Cli r = Cli.run("replay", "--data", ds, "--trace", "a_s_z", "--trace", "b_s_z", "--allocator", "rr",
                "--group", 4, "--redundancy", 1, "--mode", "oracle", "--interval", "1s", "--out", out);
        assertEquals(0, r.status, r::toString);
        assertEquals(List.of("mode,allocator,interval,traces,allocation,groups,failed_groups,data_sent,data_lost,"
                        + "loss_rate,loss_free,expected_loss_rate,delivered,delay_mean_ms,delay_p50_ms,delay_p95_ms,"
                        + "delay_p99_ms,delay_max_ms,inorder_mean_ms,inorder_p95_ms,inorder_p99_ms,jitter_ms,ipdv_ms,"
                        + "reordered_share,buffer_max,late_share",
                "oracle,rr,0,a_s_z;b_s_z,2/0;1/1,2,1,6,2,0.333333,0,0.0427296,"
                        + "4,5.000,5.000,5.000,5.000,5.000,36.250,130.000,130.000,0.000,0.000,0,1,0.333333",
                "oracle,rr,1,a_s_z;b_s_z,2/0;1/1,2,1,6,1,0.166667,0,0.0723741,"
                        + "5,5.000,5.000,5.000,5.000,5.000,30.000,130.000,130.000,0.000,0.000,0,1,0.166667"),
                Files.readAllLines(out));
        assertTrue(r.out.contains("oracle  rr                 2       0.0%"), r.out);
        assertTrue(r.out.contains("p95 delay ms  lost or late") && r.out.contains("5.000       25.000%"),
                "mean p95 5 ms, mean late share (2/6 + 1/6) / 2: " + r.out);
    }

    /**
     * The timeline of the hand-worked round robin: per interval and path the path's loss before
     * FEC (a: 1/8, then 2/8; b: 1/8, then 1/8), its share (2/4 each), the tunnel's loss after FEC
     * and its p95 delivery delay (5 ms, as above).
     */
    @Test
    void timelineOfTheHandWorkedReplay() throws Exception {
        Path ds = dataset();
        Path svg = tmp.resolve("tl.svg");
        Cli r = Cli.run("timeline", "--data", ds, "--trace", "a_s_z", "--trace", "b_s_z", "--allocator", "rr",
                "--group", 4, "--redundancy", 1, "--mode", "oracle", "--interval", "1s", "--out", svg);
        assertEquals(0, r.status, r::toString);
        assertEquals(List.of("interval,start_s,trace,path_loss_rate,share,tunnel_loss_rate,delay_p95_ms",
                "0,0,a_s_z,0.125,0.5,0.333333,5.000", "0,0,b_s_z,0.125,0.5,0.333333,5.000",
                "1,1,a_s_z,0.25,0.5,0.166667,5.000", "1,1,b_s_z,0.125,0.5,0.166667,5.000"),
                Files.readAllLines(tmp.resolve("tl.csv")));
        String chart = Files.readString(svg);
        assertTrue(chart.startsWith("<svg") && chart.contains("tunnel (after FEC)") && chart.contains("a_s_z"), chart);
        assertTrue(r.out.startsWith("Drew 2 intervals of a 2-path tunnel under rr (oracle)"), r.out);
        Cli two = Cli.run("timeline", "--data", ds, "--trace", "a_s_z", "--allocator", "rr,greedy", "--out", svg);
        assertEquals(2, two.status);
        assertTrue(two.err.contains("'--allocator': a timeline shows one allocator"), two.err);
    }

    /**
     * Greedy: interval 0 has a and b each losing 1 of 8 (a tie), interval 1 has b better
     * (1 of 8 against 2). Predicted rows start at interval 1 and use interval 0's models.
     */
    @Test
    void greedyAndModes() throws Exception {
        Path ds = dataset();
        Path out = tmp.resolve("g.csv");
        Cli r = Cli.run("replay", "--data", ds, "--trace", "a_s_z", "--trace", "b_s_z", "--allocator", "greedy",
                "--group", 4, "--redundancy", 1, "--interval", "1s", "--states", 1, "--out", out);
        assertEquals(0, r.status, r::toString);
        List<String> rows = Files.readAllLines(out);
        assertEquals(4, rows.size(), rows::toString);
        assertTrue(rows.get(2).startsWith("oracle,greedy,1,a_s_z;b_s_z,0/0;3/1,2,0,6,0,0,1"), rows.get(2));
        assertTrue(rows.get(3).startsWith("predicted,greedy,1,"), rows.get(3));
    }

    @Test
    void simulatedCapturesThroughImportAndReplayWithEveryAllocator() throws Exception {
        Path caps = tmp.resolve("caps");
        assertEquals(0, Cli.run("simulate", "--hosts", 3, "--sites", 1, "--duration", "120s", "--seed", 4, "--out", caps)
                .status);
        Path ds = tmp.resolve("ds");
        assertEquals(0, Cli.run("import", "--out", ds, caps.resolve("host-01.pcap"), caps.resolve("host-02.pcap"),
                caps.resolve("host-03.pcap")).status);
        String[] traces = {"--trace", "10.1.1.1_198.18.1.1_16385", "--trace", "10.1.2.1_198.18.1.1_16385", "--trace",
                "10.1.3.1_198.18.1.1_16385"};
        Path a = tmp.resolve("a.csv");
        Path b = tmp.resolve("b.csv");
        Path c = tmp.resolve("c.csv");
        Cli r = Cli.run(concat(new Object[] {"replay", "--data", ds, "--allocator", "all", "--out", a}, traces));
        assertEquals(0, r.status, r::toString);
        assertEquals(0, Cli.run(concat(new Object[] {"replay", "--data", ds, "--allocator", "all", "--out", b}, traces))
                .status);
        assertEquals(0, Cli.run(concat(new Object[] {"replay", "--data", ds, "--allocator", "all", "--seed", 2, "--out",
                c}, traces)).status);
        List<String> rows = Files.readAllLines(a);
        // 3 intervals: 8 allocators x (3 oracle + 2 predicted)
        assertEquals(1 + 8 * 5, rows.size());
        assertEquals(rows, Files.readAllLines(b), "same seed, same rows");
        assertNotEquals(rows, Files.readAllLines(c), "mpip's draws follow the seed");
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            long groups = Long.parseLong(f[5]);
            assertEquals(groups * 33, Long.parseLong(f[7]), row);
            assertEquals(f[10].equals("1"), Long.parseLong(f[8]) == 0, row);
            assertTrue(Long.parseLong(f[6]) <= groups, row);
        }
    }

    @Test
    void fecAdaptationAndErrors() throws Exception {
        Path ds = dataset();
        Path out = tmp.resolve("t.csv");
        Cli r = Cli.run("replay", "--data", ds, "--trace", "a_s_z", "--trace", "b_s_z", "--allocator", "smarttunnel-exact",
                "--group", 8, "--target-loss", "1e-3", "--max-redundancy", 4, "--interval", "1s", "--mode", "oracle",
                "--out", out);
        assertEquals(0, r.status, r::toString);
        assertTrue(r.out.contains("K adapted to loss 0.001"), r.out);
        assertEquals(2, Cli.run("replay", "--data", ds, "--trace", "a_s_z", "--allocator", "nope", "--out", out).status);
        assertEquals(2, Cli.run("replay", "--data", ds, "--trace", "a_s_z", "--allocator", "rr", "--capacity", "4,4",
                "--out", out).status);
        assertEquals(1, Cli.run("replay", "--data", ds, "--trace", "a_s_z", "--trace", "zz", "--allocator", "rr",
                "--out", out).status);
        // one path, or one trace twice, is not a tunnel: refused as usage before anything is read
        assertEquals("error: --trace must name at least two different traces, one per path (got a_s_z, a_s_z)\n",
                Cli.run("replay", "--data", ds, "--trace", "a_s_z", "--trace", "a_s_z", "--out", out).err);
        assertEquals(2, Cli.run("replay", "--data", ds, "--trace", "a_s_z", "--out", out).status);
        Cli list = Cli.run("allocators");
        assertEquals(9, list.out.lines().count());
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] out = new Object[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Output paths that cannot be written are named, with the reason, never a temporary name. */
    @Test
    void unwritableOutputsSayWhichAndWhy() throws Exception {
        Path ds = dataset();
        Path dir = Files.createDirectory(tmp.resolve("a-directory"));
        Cli r = Cli.run("replay", "--data", ds, "--trace", "a_s_z", "--trace", "b_s_z", "--interval", "1s", "--out",
                dir);
        assertEquals(1, r.status, r::toString);
        assertEquals("error: cannot write " + dir + ": is a directory\n", r.err);
        Path file = Files.writeString(tmp.resolve("a-file"), "");
        Cli e = Cli.run("evaluate", "--data", ds, "--out", file, "--interval", "1s", "--quiet");
        assertEquals(1, e.status, e::toString);
        assertEquals("error: cannot write into " + file + ": it is a file, not a directory\n", e.err);
        Cli i = Cli.run("import", "--out", file, zing("c", "0000"));
        assertEquals(1, i.status, i::toString);
        assertTrue(i.err.contains("error: cannot write into " + file + ": it is a file, not a directory"), i.err);
        try (var list = Files.list(tmp)) {
            assertTrue(list.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    /** Probing too coarse for the group size is said, not left to a silent drop of intervals. */
    @Test
    void coarseProbingIsWarnedAbout() throws Exception {
        Path ds = dataset();
        Path out = tmp.resolve("coarse.csv");
        Cli few = Cli.run("replay", "--data", ds, "--trace", "a_s_z", "--trace", "b_s_z", "--allocator", "rr",
                "--group", 4, "--redundancy", 1, "--interval", "1s", "--out", out);
        assertEquals(0, few.status, few::toString);
        assertTrue(few.err.contains("0 of 2 intervals hold fewer probes than one group of 4 on some path and were "
                + "not replayed; 2 more hold fewer than 10 groups"), few.err);
        Cli none = Cli.run("replay", "--data", ds, "--trace", "a_s_z", "--trace", "b_s_z", "--allocator", "rr",
                "--group", 10, "--redundancy", 1, "--interval", "1s", "--out", out);
        assertTrue(none.err.contains("2 of 2 intervals hold fewer probes than one group of 10"), none.err);
    }
}
