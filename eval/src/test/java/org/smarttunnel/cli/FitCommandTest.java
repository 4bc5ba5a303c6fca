package org.smarttunnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smarttunnel.common.text.Numbers;
import org.junit.jupiter.api.io.TempDir;

/** The fit command on a dataset whose every probe is known (a zing file, 1 s intervals). */
class FitCommandTest {
    @TempDir
    Path tmp;
    Path data;

    /** Interval 0: 0000100001; interval 1: 0110000000; interval 2: 1111000000 (10 probes each, 0.1 s apart). */
    @BeforeEach
    void dataset() throws Exception {
        String[] blocks = {"0000100001", "0110000000", "1111000000"};
        StringBuilder z = new StringBuilder("# zing 1\n# host=alpha site=paris\n");
        int n = 0;
        for (int k = 0; k < 3; k++) {
            for (char c : blocks[k].toCharArray()) {
                long ms = 1_000L * k + 100L * (n % 10);
                String send = (1_700_000_000L + ms / 1000) + "." + String.format("%03d", ms % 1000);
                z.append(n).append(' ').append(send).append(' ').append(c == '1' ? "-" : send + "5").append('\n');
                n++;
            }
        }
        Path zing = Files.writeString(tmp.resolve("a.zing"), z.toString());
        data = tmp.resolve("ds");
        Cli r = Cli.run("import", "--out", data, "--interval", "1s", zing);
        assertEquals(0, r.status, r::toString);
    }

    @Test
    void writesOneRowPerTraceIntervalAndMode() throws Exception {
        Path out = tmp.resolve("fits.csv");
        Cli r = Cli.run("fit", "--data", data, "--interval", "1s", "--states", 2, "--out", out);
        assertEquals(0, r.status, r::toString);
        // worked by hand with the METHOD rules (states before each probe, q_k = losses/visits):
        // 0: 0000100001  s0 9 visits 2 losses, s1 1/0: q = 2/9; 0, bursts {1, 1}: TV 0
        // 1: 0110000000  s0 8/1, s1 2/1: q = 1/8; 1/2, mean 2; one burst of 2 against
        //    P(1) = 0.5, P(2) = 0.25, P(>2) = 0.25: TV = (0.5 + 0.75 + 0.25) / 2 = 0.75
        // 1 predicted = interval 0's model
        // 2: 1111000000  s0 6/1, s1 4/3: q = 1/6; 3/4, mean 4; one burst of 4: TV 0.894531
        // 2 predicted = 0 + 1 pooled: s0 17/3, s1 3/1: q = 3/17; 1/3, mean 1.5, TV 1/9
        // BIC of 0: stationary (9/11, 2/11), L = 9/11 (7/9)^6 (2/9)^2, 2 ln 10 - 2 ln L = 14.0386
        String head = "trace,interval,mode,states,probes,losses,loss_rate,mean_burst,q,fit_distance,model,parameters,bic";
        assertEquals(List.of(head,
                "alpha_paris_z,0,oracle,2,10,2,0.2,1,0.222222;0,0,extended-gilbert,q=0.222222;0,14.0386",
                "alpha_paris_z,1,oracle,2,10,2,0.2,2,0.125;0.5,0.75,extended-gilbert,q=0.125;0.5,13.5853",
                "alpha_paris_z,1,predicted,2,10,2,0.2,1,0.222222;0,0,extended-gilbert,q=0.222222;0,14.0386",
                "alpha_paris_z,2,oracle,2,10,4,0.4,4,0.166667;0.75,0.894531,extended-gilbert,q=0.166667;0.75,12.7596",
                "alpha_paris_z,2,predicted,2,20,4,0.2,1.5,0.176471;0.333333,0.111111,extended-gilbert,"
                        + "q=0.176471;0.333333,26.1585"), Files.readAllLines(out));
        // auto: Bernoulli's BIC on 2 of 10 lost is ln 10 - 2 (2 ln 0.2 + 8 ln 0.8) = 12.3106, below the Gilbert
        // chain's 14.0386 on interval 0; interval 2's burst of 4 makes Gilbert's 12.7596 the lesser
        Path auto = tmp.resolve("auto.csv");
        Cli a = Cli.run("fit", "--data", data, "--interval", "1s", "--model", "auto", "--out", auto);
        assertEquals(0, a.status, a::toString);
        List<String> rows = Files.readAllLines(auto);
        assertEquals("alpha_paris_z,0,oracle,1,10,2,0.2,1.25,0.2,0.2,bernoulli,q=0.2,12.3106", rows.get(1));
        assertEquals("alpha_paris_z,2,oracle,2,10,4,0.4,4,0.166667;0.75,0.894531,gilbert,q=0.166667;0.75,12.7596",
                rows.get(4));
        assertTrue(a.out.contains("Models used: bernoulli n=1 in 4 rows, gilbert n=2 in 1 row"), a.out);
        Cli ge = Cli.run("fit", "--data", data, "--interval", "1s", "--model", "ge", "--modes", "oracle", "--out",
                tmp.resolve("ge.csv"));
        assertEquals(0, ge.status, ge::toString);
        for (String row : Files.readAllLines(tmp.resolve("ge.csv")).subList(1, 4)) {
            assertTrue(row.matches("alpha_paris_z,\\d,oracle,2,10,\\d,.*,gilbert-elliott,p=.*;r=.*;1-k=.*;1-h=.*,.*"),
                    row);
        }
        assertTrue(r.out.contains("Prediction holds (Fisher's exact test of the loss counts, p >= 0.05) in 2 of 2 "
                + "intervals (100.0%)"), r.out);
    }

    /** The whole trace (30 probes, 8 lost) by every model; Bernoulli's row worked by hand. */
    @Test
    void selectionScoresEveryModelOnTheWholeTrace() throws Exception {
        Path sel = tmp.resolve("selection.csv");
        Cli r = Cli.run("fit", "--data", data, "--select", sel);
        assertEquals(0, r.status, r::toString);
        List<String> rows = Files.readAllLines(sel);
        assertEquals("trace,probes,lost,model,states,parameters,fitted,log_likelihood,aic,bic,chosen", rows.get(0));
        double ll = 8 * Math.log(8.0 / 30) + 22 * Math.log(22.0 / 30);
        assertTrue(rows.get(1).startsWith("alpha_paris_z,30,8,bernoulli,1,1,q=0.266667," + Numbers.number(ll) + ","
                + Numbers.number(2 - 2 * ll) + "," + Numbers.number(Math.log(30) - 2 * ll) + ","), rows.get(1));
        assertTrue(rows.stream().anyMatch(l -> l.contains(",gilbert-elliott,2,4,p=")), rows.toString());
        assertEquals(1, rows.stream().filter(l -> l.endsWith(",bic") || l.endsWith(";bic")).count(), rows.toString());
        assertTrue(r.out.startsWith("Model selection for 1 traces of " + data + " (whole traces; " + (rows.size() - 1)
                + " rows to " + sel + "):\n"), r.out);

        // 0000 1 0000 1 0 11 0000000 1111 000000: bursts 1, 1, 2, 4; gaps between losses 4, 1, 7
        Path hist = tmp.resolve("hist.csv");
        Path charts = tmp.resolve("charts");
        Cli h = Cli.run("fit", "--data", data, "--histograms", hist, "--charts", charts);
        assertEquals(0, h.status, h::toString);
        String svg = Files.readString(charts.resolve("alpha_paris_z.svg"));
        assertTrue(svg.contains("<title>length 1: 2 runs, share 0.5</title>"), svg);
        assertTrue(svg.contains("<title>length 4: 1 run, share 0.25</title>"), svg);
        assertTrue(svg.contains(">loss bursts (4)</text>") && svg.contains(">reception gaps (3)</text>"), svg);
        assertTrue(Files.readString(charts.resolve("histograms.md")).contains("![burst and gap lengths of alpha_paris_z]"
                + "(alpha_paris_z.svg)"));
        assertEquals("2001_db8__1_x.svg", org.smarttunnel.eval.report.RunLengthCharts.fileName("2001:db8::1_x"));
        assertEquals(2, Cli.run("fit", "--data", data, "--select", tmp.resolve("s2.csv"), "--charts", charts).status,
                "--charts needs --histograms");
        List<String> bins = Files.readAllLines(hist);
        assertEquals("trace,kind,length,from,to,observed,observed_share,bernoulli,gilbert,extended_gilbert,"
                + "gilbert_elliott", bins.get(0));
        assertTrue(bins.get(1).startsWith("alpha_paris_z,burst,1,1,1,2,0.5,"), bins.toString());
        assertTrue(bins.get(2).startsWith("alpha_paris_z,burst,2,2,2,1,0.25,"), bins.toString());
        assertTrue(bins.get(3).startsWith("alpha_paris_z,burst,3,3,3,0,0,"), bins.toString());
        assertTrue(bins.contains(bins.stream().filter(l -> l.startsWith("alpha_paris_z,gap,7,7,7,1,0.333333,"))
                .findFirst().orElse("missing gap 7")), bins.toString());
        assertTrue(h.out.contains("alpha_paris_z"), h.out);

        // ns-3: 2 states: q0 = 4/22 (a loss after a reception), q1 = 4/8: bursts of 1 with 1/2, at least 2 with 1/2 ...
        Path drops = tmp.resolve("drops.txt");
        Cli n3 = Cli.run("fit", "--data", data, "--ns3", "alpha_paris_z", "--states", 2, "--ns3-drops", drops);
        assertEquals(0, n3.status, n3::toString);
        assertTrue(n3.out.contains("burstSize->CDF(1, 0.5);\nburstSize->CDF(2, 0.75);\n"), n3.out);
        assertTrue(n3.out.contains("loss->SetBurstRate(0.181818);\nloss->SetRandomBurstSize(burstSize);\n"), n3.out);
        assertEquals(List.of("4", "9", "11", "12", "20", "21", "22", "23"), Files.readAllLines(drops));
        assertEquals(2, Cli.run("fit", "--data", data, "--ns3-drops", drops).status);

        Cli ge = Cli.run("fit", "--data", data, "--netem", "alpha_paris_z", "--netem-model", "gilbert-elliott");
        assertEquals(0, ge.status, ge::toString);
        assertTrue(ge.out.lines().reduce((a, b) -> b).orElseThrow().matches(
                "tc qdisc add dev eth0 root netem delay 0.250ms 0.000ms distribution normal loss gemodel \\S+% \\S+% "
                        + "\\S+% \\S+%"), ge.out);
        Cli bad = Cli.run("fit", "--data", data, "--netem", "alpha_paris_z", "--netem-model", "markov");
        assertEquals(2, bad.status);
        assertEquals("error: --netem-model must be gilbert, gilbert-elliott or state, not 'markov'", bad.err.lines().findFirst()
                .orElseThrow());
    }

    @Test
    void netemAndModelsAndErrors() {
        Cli n = Cli.run("fit", "--data", data, "--netem", "alpha_paris_z", "--dev", "wan0");
        assertEquals(0, n.status, n::toString);
        // whole trace: s0 22 visits 4 losses, s1 8 visits 4 losses: p = 4/22, r = 1 - 4/8
        // received probes answered in 0.5 ms: one-way 0.25 ms, no jitter
        assertTrue(n.out.endsWith("tc qdisc add dev wan0 root netem delay 0.250ms 0.000ms distribution normal loss "
                + "gemodel 18.1818% 50% 100% 0%\n"), n.out);
        assertEquals(2, Cli.run("fit", "--data", data, "--netem", "alpha_paris_z", "--states", 3).status);
        // 3 states, whole trace: s0 22 visits 4 losses, s1 4/2, s2 4/2: q1 = q2, every first loss in a burst
        Cli state = Cli.run("fit", "--data", data, "--netem", "alpha_paris_z", "--netem-model", "state");
        assertEquals(0, state.status, state::toString);
        assertTrue(state.out.endsWith("loss state 18.1818% 50% 0% 18.1818% 0%\n"), state.out);
        assertEquals(2, Cli.run("fit", "--data", data, "--netem", "alpha_paris_z", "--netem-model", "state",
                "--states", 4).status);
        assertEquals(1, Cli.run("fit", "--data", data, "--netem", "nope").status);
        assertEquals(2, Cli.run("fit", "--data", data, "--out", tmp.resolve("x"), "--mode", "sometimes").status);
        assertEquals(2, Cli.run("fit", "--data", data).status);
        Cli m = Cli.run("models");
        assertEquals(0, m.status);
        assertEquals(6, m.out.lines().count());
        assertTrue(m.out.contains("extended-gilbert      1-16"), m.out);
        assertTrue(m.out.contains("gilbert-elliott (ge)  2 "), m.out);
        assertEquals(0, Cli.run("fit", "--data", data, "--model", "bernoulli", "--out", tmp.resolve("b.csv")).status);
        Cli conflict = Cli.run("fit", "--data", data, "--model", "gilbert", "--states", 3, "--out", tmp.resolve("c"));
        assertEquals(2, conflict.status);
        assertEquals("error: --states cannot be 3 for the gilbert model, which has 2 states\n", conflict.err);
    }
}
