package org.smarttunnel.ingest.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smarttunnel.ingest.Diagnostic;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.testing.InMemoryImport;
import org.smarttunnel.ingest.trace.Probe;
import org.smarttunnel.ingest.trace.Trace;

class PingLogParserTest {
    static final long S = 1_000_000_000L;
    static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    @Test
    void iputilsWithoutTimestampsUsesSpacingDuplicatesAndSummary() throws IngestException {
        LogHarness h = LogHarness.parse(dir, """
                PING dns.google (8.8.8.8) 56(84) bytes of data.
                64 bytes from dns.google (8.8.8.8): icmp_seq=1 ttl=117 time=10.2 ms
                64 bytes from dns.google (8.8.8.8): icmp_seq=2 ttl=117 time=11.0 ms
                64 bytes from dns.google (8.8.8.8): icmp_seq=4 ttl=117 time=10.5 ms
                64 bytes from dns.google (8.8.8.8): icmp_seq=4 ttl=117 time=10.6 ms (DUP!)

                --- dns.google ping statistics ---
                5 packets transmitted, 3 received, +1 duplicates, 40% packet loss, time 4005ms
                rtt min/avg/max/mdev = 10.200/10.575/11.000/0.300 ms
                """, S, -1);
        assertEquals(1, h.traces.size());
        Trace t = h.traces.get(0);
        assertEquals("dns.google", t.info().site());
        assertEquals("8.8.8.8", t.info().dst());
        assertEquals(List.of(
                new Probe(0, 1, 0, false, 10_200),
                new Probe(1, 2, 1_000_000, false, 11_000),
                new Probe(2, 3, 2_000_000, true, Probe.NO_RTT),
                new Probe(3, 4, 3_000_000, false, 10_500),
                new Probe(4, 5, 4_000_000, true, Probe.NO_RTT)), InMemoryImport.probes(t));
        assertEquals(1, h.stats.duplicates());
        assertEquals(1, h.diagnostics.size(), "no clock: one warning");
        assertTrue(h.diagnostics.get(0).message().contains("no date or time stamps"));
    }

    @Test
    void iputilsWithDAndOTakesSendTimeFromStampMinusRtt() throws IngestException {
        LogHarness h = LogHarness.parse(dir, """
                PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
                [1726122373.000100] 64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.100 ms
                [1726122373.200150] 64 bytes from 10.0.0.2: icmp_seq=2 ttl=64 time=0.150 ms
                [1726122373.400000] no answer yet for icmp_seq=3
                [1726122373.600200] 64 bytes from 10.0.0.2: icmp_seq=4 ttl=64 time=0.200 ms
                [1726122373.800000] no answer yet for icmp_seq=5
                """, S, -1);
        long t0 = 1_726_122_373_000_000L;
        assertEquals(List.of(
                new Probe(0, 1, t0, false, 100),
                new Probe(1, 2, t0 + 200_000, false, 150),
                new Probe(2, 3, t0 + 400_000, true, Probe.NO_RTT),
                new Probe(3, 4, t0 + 600_000, false, 200),
                new Probe(4, 5, t0 + 800_000, true, Probe.NO_RTT)), InMemoryImport.probes(h.traces.get(0)));
        assertTrue(h.diagnostics.isEmpty(), h.diagnostics::toString);
    }

    @Test
    void explicitTimeoutTurnsSlowRepliesIntoLosses() throws IngestException {
        String log = """
                PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
                64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=100 ms
                64 bytes from 10.0.0.2: icmp_seq=2 ttl=64 time=2500 ms
                64 bytes from 10.0.0.2: icmp_seq=3 ttl=64 time=3.5 s
                """;
        assertEquals(0, LogHarness.parse(dir, log, S, -1).traces.get(0).loss().lossCount());
        Trace t = LogHarness.parse(dir, log, S, 2 * S).traces.get(0);
        assertEquals("011", t.loss().toString());
    }

    @Test
    void bsdRunsInBannersWithTsStampsAndLateReplies() throws IngestException {
        LogHarness h = LogHarness.parse(dir, """

                ============================
                PING STARTED example.org
                ↓
                Thu Sep 12 11:56:13 IST 2024
                ============================

                2024-09-12 11:56:13 | PING example.org (93.184.216.34): 56 data bytes
                2024-09-12 11:56:13 | 64 bytes from 93.184.216.34: icmp_seq=0 ttl=55 time=30.000 ms
                2024-09-12 11:56:15 | Request timeout for icmp_seq 1
                2024-09-12 11:56:15 | 64 bytes from 93.184.216.34: icmp_seq=1 ttl=55 time=1500.000 ms
                2024-09-12 11:56:15 | 64 bytes from 93.184.216.34: icmp_seq=2 ttl=55 time=30.000 ms
                2024-09-12 11:56:17 | Request timeout for icmp_seq 3

                ============================
                PING STOPPED example.org
                ↓
                Thu Sep 12 11:56:18 IST 2024
                ============================

                ============================
                PING STARTED example.org
                ↓
                Thu Sep 12 12:00:00 IST 2024
                ============================

                2024-09-12 12:00:00 | PING example.org (93.184.216.35): 56 data bytes
                2024-09-12 12:00:00 | 64 bytes from 93.184.216.35: icmp_seq=0 ttl=55 time=31.000 ms
                2024-09-12 12:00:01 | 64 bytes from 93.184.216.35: icmp_seq=1 ttl=55 time=32.000 ms
                """, S, -1);
        assertEquals(2, h.traces.size());
        Trace first = h.traces.get(0);
        assertEquals("0001", first.loss().toString(), "late reply to seq 1 counts; seq 3 timed out");
        assertEquals(1_500_000, first.rttUs(1));
        assertEquals("93.184.216.34", first.info().dst());
        assertEquals("example.org", first.info().site());
        long banner = LocalDateTime.of(2024, 9, 12, 11, 56, 13).toEpochSecond(ZoneOffset.ofHoursMinutes(5, 30))
                * 1_000_000L;
        assertTrue(Math.abs(first.sendUs(0) - banner) < 1_000_000, "first send within a second of the banner");
        assertEquals("93.184.216.35", h.traces.get(1).info().dst());
        assertEquals(2, h.traces.get(1).size());
        assertTrue(h.diagnostics.isEmpty(), h.diagnostics::toString);
    }

    @Test
    void bannerDateWithoutStampsGivesTheStartAndSpacingTheRest() throws IngestException {
        LogHarness h = LogHarness.parse(dir, """
                PING STARTED ums.example
                Fri Apr 26 15:29:02 IST 2024
                PING ums.example (172.19.2.250): 56 data bytes
                64 bytes from 172.19.2.250: icmp_seq=0 ttl=125 time=0.673 ms
                Request timeout for icmp_seq 1
                64 bytes from 172.19.2.250: icmp_seq=2 ttl=125 time=0.504 ms
                PING STOPPED ums.example
                """, 2 * S, -1);
        long start = LocalDateTime.of(2024, 4, 26, 15, 29, 2).toEpochSecond(ZoneOffset.ofHoursMinutes(5, 30))
                * 1_000_000L;
        assertEquals(List.of(
                new Probe(0, 0, start, false, 673),
                new Probe(1, 1, start + 2_000_000, true, Probe.NO_RTT),
                new Probe(2, 2, start + 4_000_000, false, 504)), InMemoryImport.probes(h.traces.get(0)));
    }

    @Test
    void unknownZoneAbbreviationWarnsAndKeepsTheRun() throws IngestException {
        LogHarness h = LogHarness.parse(dir, """
                PING STARTED x
                Thu Sep 12 11:56:13 XYZT 2024
                PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.
                64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=0.045 ms
                Thu Sep 12 11:56:14 XYZT 2024
                64 bytes from 10.0.0.1: icmp_seq=2 ttl=64 time=0.050 ms
                """, S, -1);
        assertEquals(1, h.traces.size());
        assertEquals(2, h.traces.get(0).size(), "the replies before and after the banner are kept");
        Diagnostic d = h.diagnostics.get(0);
        assertEquals("unknown time zone 'XYZT', times read as UTC", d.message());
        assertEquals("line 2", d.where());
        assertEquals(java.util.Optional.of(org.smarttunnel.common.options.Setting.ZONE), d.remedy());
    }

    /** macOS ping6 writes "16 bytes from ADDR, icmp_seq=N"; a stray NUL byte leaves a log text. */
    @Test
    void macOsPing6AndAStrayNulByte() throws IngestException {
        LogHarness h = LogHarness.parse(dir, """
                PING6(56=40+8+8 bytes) fe80::1 --> fe80::2
                16 bytes from fe80::2, icmp_seq=0 hlim=64 time=0.045 ms
                16 bytes from fe80::2, icmp_seq=2 hlim=64 time=0.050 ms
                """, S, -1);
        assertEquals("010", h.traces.get(0).loss().toString());
        assertEquals("fe80::2", h.traces.get(0).info().dst());
        byte[] nul = "PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.\n64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=1\u0000 ms\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(!new org.smarttunnel.ingest.format.FileHead(nul, true).binary());
    }

    @Test
    void sequenceNumbersWrapAt65536() throws IngestException {
        StringBuilder sb = new StringBuilder("PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.\n");
        long t = 1_726_122_373_000_000L;
        for (int i = 0; i < 70_000; i++) {
            int seq = (1 + i) & 0xFFFF;
            long us = t + i * 2000L + 300;
            sb.append('[').append(us / 1_000_000).append('.').append(String.format("%06d", us % 1_000_000))
                    .append("] 64 bytes from 10.0.0.2: icmp_seq=").append(seq).append(" ttl=64 time=0.300 ms\n");
        }
        Trace tr = LogHarness.parse(dir, sb.toString(), S, -1).traces.get(0);
        assertEquals(70_000, tr.size());
        assertEquals(0, tr.loss().lossCount());
        assertEquals(t + 69_999 * 2000L, tr.sendUs(69_999));
        assertEquals(4464, tr.seq(69_999));
    }

    @Test
    void unrecognisedLinesWarnOnceWithTheirLine() throws IngestException {
        LogHarness h = LogHarness.parse(dir, """
                PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
                64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.1 ms
                garbage here
                more garbage
                64 bytes from 10.0.0.2: icmp_seq=2 ttl=64 time=0.1 ms
                """, S, -1);
        assertEquals(2, h.traces.get(0).size());
        assertTrue(h.diagnostics.stream().anyMatch(d -> d.where().equals("line 3")
                && d.message().startsWith("line not understood")), h.diagnostics::toString);
        assertEquals(2, h.stats.unrecognisedLines());
    }

    /** Fields that do not fit are warnings naming the line and field; the line goes, the rest stays. */
    @Test
    void unreadableFieldsSkipTheirLineOnly() throws IngestException {
        LogHarness h = LogHarness.parse(dir, """
                2024-09-30 10:01:00 | PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.
                2024-09-30 10:01:01 | 64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=1.0 ms
                2024-09-31 10:01:02 | 64 bytes from 10.0.0.1: icmp_seq=2 ttl=64 time=1.0 ms
                2024-09-30 10:01:03 | 64 bytes from 10.0.0.1: icmp_seq=2147483648 ttl=64 time=1.0 ms
                2024-09-30 10:01:04 | 64 bytes from 10.0.0.1: icmp_seq=4 ttl=64 time=99999999999999999999 ms
                2024-09-30 10:01:05 | 64 bytes from 10.0.0.1: icmp_seq=5 ttl=64 time=1.0 ms
                """, S, -1);
        assertEquals(1, h.traces.size());
        assertEquals("01110", h.traces.get(0).loss().toString(), "probes 1 and 5 kept, 2-4 lost");
        List<String> warnings = h.diagnostics.stream().map(Diagnostic::toString).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("line 3: time stamp '2024-09-31 10:01:02' is not a "
                + "date and time; line skipped")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("line 4: icmp_seq '2147483648' is out of range")),
                warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("line 5: time '99999999999999999999'")),
                warnings.toString());
    }

    /** A summary claiming millions of probes after two replies buys a warning, not millions of probes. */
    @Test
    void aSummaryClaimBeyondTheRunsTimeIsIgnored() throws IngestException {
        String log = """
                PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.
                64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=0.045 ms
                64 bytes from 10.0.0.1: icmp_seq=2 ttl=64 time=0.050 ms

                --- 10.0.0.1 ping statistics ---
                %s packets transmitted, 2 received, 99%% packet loss, time %sms
                """;
        LogHarness h = LogHarness.parse(dir, log.formatted("45000000", "1001"), S, -1);
        assertEquals(2, h.traces.get(0).size());
        assertTrue(h.diagnostics.toString().contains("line 6: 45000000 packets transmitted is more than the run's "
                + "lines and time allow (65538 at most); the count is ignored"), h.diagnostics.toString());
        // a host that stopped answering: the count the run's time allows is kept
        LogHarness down = LogHarness.parse(dir, log.formatted("3600", "3600000"), S, -1);
        assertEquals(3600, down.traces.get(0).size());
        assertEquals(3598, down.traces.get(0).loss().lossCount());
    }

    /** One line stamped a year off is skipped; a jump of more than an hour that lasts starts a new run. */
    @Test
    void outlierStampsAreSkippedAndLongGapsSplitTheRun() throws IngestException {
        LogHarness year = LogHarness.parse(dir, """
                [1726122373.0] 64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=1.0 ms
                [1726122374.0] 64 bytes from 10.0.0.1: icmp_seq=2 ttl=64 time=1.0 ms
                [1757658375.0] 64 bytes from 10.0.0.1: icmp_seq=3 ttl=64 time=1.0 ms
                [1726122376.0] 64 bytes from 10.0.0.1: icmp_seq=4 ttl=64 time=1.0 ms
                [1726122377.0] 64 bytes from 10.0.0.1: icmp_seq=5 ttl=64 time=1.0 ms
                """, S, -1);
        assertEquals(1, year.traces.size());
        assertEquals("00100", year.traces.get(0).loss().toString());
        assertTrue(year.diagnostics.toString().contains("line 3: time stamp more than an hour from the lines around "
                + "it, which agree; line skipped"), year.diagnostics.toString());
        LogHarness gap = LogHarness.parse(dir, """
                [1726122373.0] 64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=1.0 ms
                [1726122374.0] 64 bytes from 10.0.0.1: icmp_seq=2 ttl=64 time=1.0 ms
                [1726222374.0] 64 bytes from 10.0.0.1: icmp_seq=3 ttl=64 time=1.0 ms
                [1726222375.0] 64 bytes from 10.0.0.1: icmp_seq=4 ttl=64 time=1.0 ms
                """, S, -1);
        assertEquals(2, gap.traces.size());
        assertEquals(2, gap.traces.get(0).size());
        assertEquals(2, gap.traces.get(1).size());
        assertTrue(gap.diagnostics.toString().contains("line 3: the time stamps jump by 100000 s"),
                gap.diagnostics.toString());
    }

    /**
     * A sequence number that jumps by far more probes than the stamps around it allow at the
     * run's spacing splits the run instead of making up thousands of losses; a real outage,
     * whose time matches its missing probes, stays losses of one run.
     */
    @Test
    void aJumpTheStampsCannotHoldSplitsTheRunWhileARealOutageStays() throws IngestException {
        StringBuilder garbled = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            int seq = i <= 3 ? i : 60_000 + i;
            garbled.append("[").append(1726122372 + i).append(".0] 64 bytes from 10.0.0.1: icmp_seq=").append(seq)
                    .append(" ttl=64 time=1.0 ms\n");
        }
        LogHarness split = LogHarness.parse(dir, garbled.toString(), S, -1);
        assertEquals(2, split.traces.size(), split.diagnostics.toString());
        assertEquals(3, split.traces.get(0).size());
        assertEquals(3, split.traces.get(1).size());
        assertTrue(split.diagnostics.toString().contains("line 4: icmp_seq goes from 3 to 60004, 5535 probes, "
                + "between lines stamped 1.000 s apart"), split.diagnostics.toString());

        // 2 ms probes, then 5 s without a reply: 2,499 probes lost, as the stamps say
        StringBuilder outage = new StringBuilder();
        for (int seq = 1; seq <= 3000; seq++) {
            if (seq <= 250 || seq > 2749) {
                long us = 1_726_122_373_000_000L + seq * 2_000L;
                outage.append(String.format(java.util.Locale.ROOT, "[%d.%06d] 64 bytes from 10.0.0.1: icmp_seq=%d "
                        + "ttl=64 time=1.0 ms%n", us / 1_000_000, us % 1_000_000, seq));
            }
        }
        LogHarness kept = LogHarness.parse(dir, outage.toString(), 2 * MS, -1);
        assertEquals(1, kept.traces.size(), kept.diagnostics.toString());
        assertEquals(3000, kept.traces.get(0).size());
        assertEquals(2499, kept.traces.get(0).loss().lossCount());
    }

    /** Found by the fuzzer: an impossible stamp in the first lines threw out of format detection. */
    @Test
    void detectionLooksPastAStampThatCannotBeRead() {
        assertTrue(PingLogParser.looksLikePing(List.of(
                "2024-09-12 30:01:00 | PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.",
                "2024-09-12 10:01:01 | 64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=1.0 ms")));
    }
}
